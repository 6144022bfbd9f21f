/**
 * Records as a person reads them: with personal fields masked (personal-fields.ts maskPersonal),
 * or in full for an authenticated supervisor, each full read then written to the audit log with
 * what was read (the filters used, never the searched name or number).
 */
import type { AuditLog } from './audit-log.ts';
import { describeQuery } from './export.ts';
import type { Operator } from './operators.ts';
import { maskPersonal } from './personal-fields.ts';
import type { RecordQueries } from './record-query.ts';
import type { RecordPage, RecordQuery, StoredRecord } from './record-types.ts';
import { storeError } from './errors.ts';

export interface RecordReader {
  /** True when personal fields come in full. */
  readonly full: boolean;
  list(query: RecordQuery): RecordPage;
  get(id: string): StoredRecord;
}

function masked(r: StoredRecord): StoredRecord {
  return r.personal ? { ...r, personal: maskPersonal(r.personal) } : r;
}

export function maskedReader(records: RecordQueries): RecordReader {
  return {
    full: false,
    list: (query) => {
      const page = records.list(query);
      return { ...page, records: page.records.map(masked) };
    },
    get: (id) => masked(records.get(id)),
  };
}

export function fullReader(records: RecordQueries, audit: AuditLog, by: Operator): RecordReader {
  if (by.role !== 'supervisor' || by.disabled) throw storeError('OPERATOR_FORBIDDEN');
  return {
    full: true,
    list: (query) => {
      const page = records.list(query);
      audit.record(by.name, 'read-full', { read: 'list', count: page.records.length, ...describeQuery(query) });
      return page;
    },
    get: (id) => {
      const record = records.get(id);
      audit.record(by.name, 'read-full', { read: 'record', record: id, count: 1 });
      return record;
    },
  };
}
