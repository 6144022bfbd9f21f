/** The verification records as the history screen lists and exports them. */
import type { ApiInput, ApiOutput, RecordSummary, TerminalApi } from '../api/terminal-api.ts';
import type { StoredRecord } from '../store/record-types.ts';
import type { Store } from '../store/store.ts';

export class RecordsApi implements Pick<TerminalApi, 'listRecords' | 'exportRecords'> {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
  ) {}

  async listRecords(input: ApiInput<'listRecords'>): Promise<ApiOutput<'listRecords'>> {
    const query = {
      ...(input.search && { search: input.search }),
      ...(input.verdict && { verdict: input.verdict }),
      ...(input.from && { from: input.from }),
      ...(input.to && { to: input.to }),
    };
    const page = this.store.records.list({ ...query, offset: input.offset ?? 0, limit: input.limit ?? 50 });
    return { records: page.records.map(summary), total: this.store.records.count(query) };
  }

  async exportRecords({ operator, pin, format }: ApiInput<'exportRecords'>): Promise<ApiOutput<'exportRecords'>> {
    const by = this.store.operators.authenticateSupervisor(operator, pin);
    const content = [...this.store.exportRecords(by, format)].join('');
    return { fileName: `eid-records-${this.now().toISOString().slice(0, 10)}.${format}`, content };
  }
}

function summary(r: StoredRecord): RecordSummary {
  const p = r.personal ?? {};
  return {
    id: r.id,
    time: r.createdAt,
    operator: r.operator,
    purpose: r.purpose,
    documentType: r.documentType ?? '',
    issuingState: r.issuingState ?? '',
    verdict: r.verdict,
    name: p.fullName ?? null,
    idNumber: p.idNumber ?? p.documentNumber ?? null,
    synced: r.syncedAt !== null,
  };
}
