/**
 * The business applications a supervisor allows on the local integration API, and the API's
 * on/off switch (Settings, CLI). The API itself runs beside the terminal (integration/start.ts),
 * which attaches here so that a change takes effect at once and the screen shows its port.
 */
import type { IntegrationApiState } from '../api/integration-clients.ts';
import type { ApiInput, ApiOutput, TerminalApi } from '../api/terminal-api.ts';
import type { EidError } from '../errors.ts';
import type { Store } from '../store/store.ts';

/** Whether the integration API should run: as a supervisor set it, else while an active client exists. */
export function integrationWanted(store: Pick<Store, 'settings' | 'integrationClients'>): boolean {
  const setting = store.settings.get('integrationApi');
  if (setting === 'on' || setting === 'off') return setting === 'on';
  return store.integrationClients.activeCount() > 0;
}

/** The integration API as it runs in this process. */
export interface IntegrationRunner {
  readonly port: number;
  /** Where it listens, or why it could not start. */
  state(): { url: string | null; error: EidError | null };
  /** Starts or stops it now as integrationWanted says. */
  recheck(): Promise<void>;
}

type Methods = 'listIntegrationClients' | 'addIntegrationClient' | 'revokeIntegrationClient' | 'getIntegrationApi' | 'setIntegrationApi';

export class IntegrationApi implements Pick<TerminalApi, Methods> {
  #runner: IntegrationRunner | null = null;

  constructor(private readonly store: Store) {}

  /** The runner of this process; without one the screen says the API is not run here. */
  attach(runner: IntegrationRunner): void {
    this.#runner = runner;
  }

  async listIntegrationClients({ operator, pin }: ApiInput<'listIntegrationClients'>): Promise<ApiOutput<'listIntegrationClients'>> {
    this.store.operators.authenticateSupervisor(operator, pin);
    return this.store.integrationClients.list();
  }

  async addIntegrationClient({ operator, pin, client }: ApiInput<'addIntegrationClient'>): Promise<ApiOutput<'addIntegrationClient'>> {
    const added = this.store.integrationClients.add(this.store.operators.authenticateSupervisor(operator, pin), client);
    await this.#runner?.recheck();
    return added;
  }

  async revokeIntegrationClient({ operator, pin, id }: ApiInput<'revokeIntegrationClient'>): Promise<ApiOutput<'revokeIntegrationClient'>> {
    const revoked = this.store.integrationClients.revoke(this.store.operators.authenticateSupervisor(operator, pin), id);
    await this.#runner?.recheck();
    return revoked;
  }

  async getIntegrationApi({ operator, pin }: ApiInput<'getIntegrationApi'>): Promise<IntegrationApiState> {
    this.store.operators.authenticateSupervisor(operator, pin);
    return this.#state();
  }

  async setIntegrationApi({ operator, pin, enabled }: ApiInput<'setIntegrationApi'>): Promise<IntegrationApiState> {
    this.store.changeSetting(this.store.operators.authenticateSupervisor(operator, pin), 'integrationApi', enabled ? 'on' : 'off');
    await this.#runner?.recheck();
    return this.#state();
  }

  #state(): IntegrationApiState {
    const running = this.#runner?.state();
    return {
      enabled: integrationWanted(this.store),
      port: this.#runner?.port ?? null,
      url: running?.url ?? null,
      error: running?.error?.toJSON() ?? null,
    };
  }
}
