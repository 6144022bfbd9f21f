/** The verification records as the history screen lists and exports them. */
import type { ApiInput, ApiOutput, RecordDetail, RecordSummary, TerminalApi } from '../api/terminal-api.ts';
import type { StoredRecord } from '../store/record-types.ts';
import type { ExportQuery } from '../store/export.ts';
import type { Store } from '../store/store.ts';
import { maskIdNumber } from '../store/personal-fields.ts';

export class RecordsApi implements Pick<TerminalApi, 'listRecords' | 'getRecord' | 'exportRecords'> {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
  ) {}

  async listRecords(input: ApiInput<'listRecords'>): Promise<ApiOutput<'listRecords'>> {
    const query = filtersOf(input);
    const page = this.store.records.list({ ...query, offset: input.offset ?? 0, limit: input.limit ?? 50 });
    return { records: page.records.map(summary), total: this.store.records.count(query) };
  }

  async getRecord({ id }: ApiInput<'getRecord'>): Promise<ApiOutput<'getRecord'>> {
    const record = detail(this.store.records.get(id));
    const match = this.store.faceMatches.get(id);
    if (!match) return { ...record, faceMatch: null };
    const { reason: _words, at: _at, operator: _operator, ...faceMatch } = match;
    return { ...record, faceMatch };
  }

  async exportRecords(input: ApiInput<'exportRecords'>): Promise<ApiOutput<'exportRecords'>> {
    const { operator, pin, format, language, timeZone } = input;
    const by = this.store.operators.authenticateSupervisor(operator, pin);
    const content = [...this.store.exportRecords(by, format, filtersOf(input), language && { language, timeZone: timeZone ?? 'UTC' })].join('');
    return { fileName: `eid-records-${this.now().toISOString().slice(0, 10)}.${format}`, content };
  }
}

/** The history's filters, as the store's query: the same for the list and the export. */
function filtersOf(input: Pick<ApiInput<'listRecords'>, 'search' | 'verdict' | 'from' | 'to'>): ExportQuery {
  return {
    ...(input.search && { search: input.search }),
    ...(input.verdict && { verdict: input.verdict }),
    ...(input.from && { from: input.from }),
    ...(input.to && { to: input.to }),
  };
}

function summary(r: StoredRecord): RecordSummary {
  const p = r.personal ?? {};
  const id = p.idNumber ?? p.documentNumber;
  return {
    id: r.id,
    time: r.createdAt,
    operator: r.operator,
    purpose: r.purpose,
    documentType: r.documentType ?? '',
    issuingState: r.issuingState ?? '',
    verdict: r.verdict,
    name: p.fullName ?? null,
    // Masked on every list: the history is seen over the clerk's shoulder; the last digits find it again.
    idNumber: id === undefined ? null : maskIdNumber(id),
    synced: r.syncedAt !== null,
  };
}

function detail(r: StoredRecord): Omit<RecordDetail, 'faceMatch'> {
  return { ...summary(r), checks: r.checks, warnings: r.warnings, syncedAt: r.syncedAt, retainUntil: r.retainUntil, purgedAt: r.purgedAt };
}
