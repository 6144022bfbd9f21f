/** Enrolling the counter with the organisation's registry (supervisor only). */
import type { ApiInput, ApiOutput, TerminalApi } from '../api/terminal-api.ts';
import { EidError } from '../errors.ts';
import type { Store } from '../store/store.ts';
import type { RegistrySync } from './registry-sync.ts';
import { terminalName } from './settings-api.ts';

export class EnrolmentApi implements Pick<TerminalApi, 'enrol'> {
  constructor(
    private readonly store: Store,
    private readonly sync: RegistrySync | undefined,
    private readonly statusChanged: () => void,
  ) {}

  async enrol({ operator, pin, url, code }: ApiInput<'enrol'>): Promise<ApiOutput<'enrol'>> {
    const by = this.store.operators.authenticateSupervisor(operator, pin);
    if (!this.sync) throw new EidError('SYNC_UNAVAILABLE');
    const identity = await this.sync.enrol(url, code, terminalName(this.store));
    this.store.changeSetting(by, 'registryUrl', url);
    this.statusChanged();
    return { terminalId: identity.terminalId };
  }
}
