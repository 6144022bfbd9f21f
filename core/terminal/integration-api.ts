/** The business applications a supervisor allows on the local integration API (Settings, CLI). */
import type { ApiInput, ApiOutput, TerminalApi } from '../api/terminal-api.ts';
import type { Store } from '../store/store.ts';

export class IntegrationApi implements Pick<TerminalApi, 'listIntegrationClients' | 'addIntegrationClient' | 'revokeIntegrationClient'> {
  constructor(private readonly store: Store) {}

  async listIntegrationClients({ operator, pin }: ApiInput<'listIntegrationClients'>): Promise<ApiOutput<'listIntegrationClients'>> {
    this.store.operators.authenticateSupervisor(operator, pin);
    return this.store.integrationClients.list();
  }

  async addIntegrationClient({ operator, pin, client }: ApiInput<'addIntegrationClient'>): Promise<ApiOutput<'addIntegrationClient'>> {
    return this.store.integrationClients.add(this.store.operators.authenticateSupervisor(operator, pin), client);
  }

  async revokeIntegrationClient({ operator, pin, id }: ApiInput<'revokeIntegrationClient'>): Promise<ApiOutput<'revokeIntegrationClient'>> {
    return this.store.integrationClients.revoke(this.store.operators.authenticateSupervisor(operator, pin), id);
  }
}
