/** The sample cards of the built-in virtual reader, put on and taken off from the UI. */
import type { ApiInput, ApiOutput, TerminalApi } from '../api/terminal-api.ts';
import { EidError } from '../errors.ts';
import { demoCards, type VirtualReader } from './virtual-reader.ts';

export class DemoCardsApi implements Pick<TerminalApi, 'listDemoCards' | 'insertDemoCard' | 'removeDemoCard'> {
  constructor(private readonly virtualReader: VirtualReader | undefined) {}

  async listDemoCards(): Promise<ApiOutput<'listDemoCards'>> {
    return this.virtualReader ? demoCards() : [];
  }

  async insertDemoCard({ profile, variant }: ApiInput<'insertDemoCard'>): Promise<ApiOutput<'insertDemoCard'>> {
    this.#reader().insert(profile, variant);
    return { ok: true };
  }

  async removeDemoCard(): Promise<ApiOutput<'removeDemoCard'>> {
    this.#reader().remove();
    return { ok: true };
  }

  #reader(): VirtualReader {
    if (!this.virtualReader) throw new EidError('NO_VIRTUAL_READER');
    return this.virtualReader;
  }
}
