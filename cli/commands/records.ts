/**
 * `eid-terminal records ...`: the verification records on this terminal (list, show, export,
 * verify-chain, purge), its operators and its settings. Every subcommand takes --data-dir.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import type { Command } from '../command.ts';
import { resolveDataDir } from '../../host/data-dir.ts';
import { openStore, type Store } from '../../core/store/store.ts';
import type { ExportFormat } from '../../core/store/export.ts';
import type { RecordQuery, StoredRecord } from '../../core/store/record-types.ts';
import type { Operator, OperatorRole } from '../../core/store/operators.ts';
import { usageError } from '../output.ts';
import { VerdictSchema } from '../../core/api/verification.ts';

const USAGE = `Usage: eid-terminal records <subcommand> [options] [--data-dir DIR]

  list [--json] [--limit N] [--before SEQ] [--search TEXT] [--verdict V] [--from DATE] [--to DATE]
  show ID [--json]
  export --format csv|json --operator NAME --pin PIN [--out FILE] [filters as for list]
  verify-chain [--json]                 exit 0 when intact, 1 when tampering is found
  purge [--now ISO-TIME] [--json]       retention purge (tombstones stay in the chain)
  operators [--json]
  operator-add NAME --role clerk|supervisor --pin PIN [--by NAME --by-pin PIN]
  operator-unlock NAME --by NAME --by-pin PIN
  operator-pin NAME --pin NEWPIN --by NAME --by-pin PIN
  operator-disable NAME [--enable] --by NAME --by-pin PIN
  audit [--json] [--limit N]            exports, purges, operator and settings changes (newest first)
  settings [--json]                     show settings
  settings KEY VALUE --by NAME --by-pin PIN

PINs may also come from EID_TERMINAL_PIN / EID_TERMINAL_BY_PIN instead of the command line.`;

const OPTIONS = {
  'data-dir': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  limit: { type: 'string' },
  before: { type: 'string' },
  search: { type: 'string' },
  verdict: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  format: { type: 'string' },
  operator: { type: 'string' },
  pin: { type: 'string' },
  out: { type: 'string' },
  now: { type: 'string' },
  role: { type: 'string' },
  by: { type: 'string' },
  'by-pin': { type: 'string' },
  enable: { type: 'boolean' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true; args: string[] }>>['values'];

function integer(text: string | undefined, name: string): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{1,9}$/.test(text)) throw usageError(`--${name} must be a whole number`);
  return Number(text);
}

function filters(v: Values): RecordQuery {
  if (v.verdict !== undefined && !VerdictSchema.safeParse(v.verdict).success) throw usageError('--verdict is VERIFIED, NOT_VERIFIED or FAILED');
  return {
    ...(v.search !== undefined ? { search: v.search } : {}),
    ...(v.verdict !== undefined ? { verdict: v.verdict as RecordQuery['verdict'] } : {}),
    ...(v.from !== undefined ? { from: v.from } : {}),
    ...(v.to !== undefined ? { to: v.to } : {}),
  };
}

/** The last four characters only: enough for a clerk to recognise, not enough to copy. */
function maskId(id: string | undefined): string {
  return id ? `${'•'.repeat(Math.max(0, id.length - 4))}${id.slice(-4)}` : '-';
}

/** A record for printing: the face image (base64) becomes a flag. */
function printable(r: StoredRecord): unknown {
  if (!r.personal) return r;
  const { face, ...personal } = r.personal;
  return { ...r, personal: { ...personal, ...(face ? { faceStored: true } : {}) } };
}

function listLine(r: StoredRecord): string {
  const doc = [r.documentType, r.issuingState].filter(Boolean).join('/') || '-';
  const who = r.personal ? `${r.personal.fullName ?? '-'}  ${maskId(r.personal.idNumber)}` : r.purgedAt ? '(purged)' : '-';
  return `${String(r.seq).padStart(6)}  ${r.createdAt}  ${r.verdict.padEnd(12)}  ${doc.padEnd(7)}  ${r.operator.padEnd(12)}  ${who}  ${r.id}`;
}

function pinFrom(value: string | undefined, env: string): string {
  const pin = value ?? process.env[env];
  if (!pin) throw usageError(`a PIN is needed (--${env === 'EID_TERMINAL_PIN' ? 'pin' : 'by-pin'} or ${env})`);
  return pin;
}

/** The supervisor authorising a change; not needed to create the very first (supervisor) account. */
function supervisor(store: Store, v: Values, optional = false): Operator | null {
  if (v.by === undefined) {
    if (optional) return null;
    throw usageError('--by NAME --by-pin PIN (a supervisor) is required');
  }
  return store.operators.authenticateSupervisor(v.by, pinFrom(v['by-pin'], 'EID_TERMINAL_BY_PIN'));
}

async function writeOut(chunks: Iterable<string>, out: string | undefined): Promise<void> {
  if (out === undefined) {
    for (const c of chunks) if (!process.stdout.write(c)) await once(process.stdout, 'drain');
    return;
  }
  const file = createWriteStream(out, { mode: 0o600 });
  try {
    for (const c of chunks) if (!file.write(c)) await once(file, 'drain');
  } finally {
    file.end();
    await once(file, 'close');
  }
}

type Handler = (store: Store, v: Values, args: string[]) => Promise<number> | number;

const SUBCOMMANDS: Record<string, Handler> = {
  list(store, v) {
    const page = store.records.list({ ...filters(v), limit: integer(v.limit, 'limit') ?? 50, ...(v.before ? { beforeSeq: integer(v.before, 'before')! } : {}) });
    if (v.json) console.log(JSON.stringify(page.records.map(printable)));
    else {
      if (page.records.length === 0) console.log('no records');
      for (const r of page.records) console.log(listLine(r));
      if (page.nextBeforeSeq !== null) console.log(`more: --before ${page.nextBeforeSeq}`);
    }
    return 0;
  },

  show(store, v, [id]) {
    if (!id) throw usageError('records show needs a record id');
    const r = store.records.get(id);
    if (v.json) {
      console.log(JSON.stringify(printable(r), null, 2));
      return 0;
    }
    console.log(`record     ${r.id} (#${r.seq})\ntime       ${r.createdAt}\nverdict    ${r.verdict}${r.warnings.length ? `  warnings: ${r.warnings.join('; ')}` : ''}`);
    console.log(`terminal   ${r.terminalId}\noperator   ${r.operator}\npurpose    ${r.purpose}\ndocument   ${r.documentType ?? '-'} issued by ${r.issuingState ?? '-'}`);
    for (const [name, check] of Object.entries(r.checks)) console.log(`  ${name.padEnd(20)} ${check.status}`);
    console.log(`CSCA       ${r.cscaId ?? '-'}\nDS         ${r.dsId ?? '-'}`);
    for (const [k, val] of Object.entries(r.protocol)) console.log(`protocol   ${k}: ${String(val)}`);
    if (r.personal) for (const [k, val] of Object.entries(r.personal)) console.log(`  ${k.padEnd(20)} ${k === 'face' ? '(image stored)' : val}`);
    else console.log(r.purgedAt ? `personal data purged ${r.purgedAt}` : 'no personal data kept');
    console.log(`keep until ${r.retainUntil}\nsynced     ${r.syncedAt ?? 'not yet'}\nhash       ${r.hash}`);
    return 0;
  },

  async export(store, v) {
    const format = v.format as ExportFormat | undefined;
    if (format !== 'csv' && format !== 'json') throw usageError('--format csv or --format json is required');
    if (!v.operator) throw usageError('--operator NAME --pin PIN (a supervisor) is required');
    const by = store.operators.authenticateSupervisor(v.operator, pinFrom(v.pin, 'EID_TERMINAL_PIN'));
    await writeOut(store.exportRecords(by, format, filters(v)), v.out);
    if (v.out) console.error(`exported to ${v.out}`);
    return 0;
  },

  'verify-chain'(store, v) {
    const report = store.verifyChain();
    if (v.json) console.log(JSON.stringify(report));
    else {
      console.log(`${report.records} records, ${report.tombstones} tombstones: ${report.ok ? 'chain intact' : 'TAMPERING DETECTED'}`);
      for (const p of report.problems) console.log(`  ${p.kind.padEnd(22)} ${p.seq === null ? '' : `#${p.seq} `}${p.id ?? ''} ${p.detail}`);
      if (report.truncated) console.log('  (more problems not listed)');
    }
    return report.ok ? 0 : 1;
  },

  purge(store, v) {
    const at = v.now === undefined ? undefined : new Date(v.now);
    if (at && Number.isNaN(at.getTime())) throw usageError('--now must be an ISO date-time');
    const result = store.purgeExpired(at);
    if (v.json) console.log(JSON.stringify(result));
    else console.log(`${result.purged} record(s) purged to tombstones${result.unsyncedDropped ? `, ${result.unsyncedDropped} never reached the registry` : ''}`);
    return 0;
  },

  operators(store, v) {
    const list = store.operators.list();
    if (v.json) console.log(JSON.stringify(list));
    else if (list.length === 0) console.log('no operators yet: add a supervisor with `records operator-add NAME --role supervisor --pin PIN`');
    else for (const o of list) console.log(`${o.name.padEnd(20)} ${o.role.padEnd(11)} ${o.disabled ? 'disabled' : o.locked ? 'LOCKED' : 'active'}`);
    return 0;
  },

  'operator-add'(store, v, [name]) {
    if (!name || (v.role !== 'clerk' && v.role !== 'supervisor')) throw usageError('operator-add NAME --role clerk|supervisor --pin PIN');
    const by = supervisor(store, v, store.operators.count() === 0);
    const op = store.operators.add(name, v.role as OperatorRole, pinFrom(v.pin, 'EID_TERMINAL_PIN'), by);
    if (v.json) console.log(JSON.stringify(op));
    else console.log(`operator ${op.name} (${op.role}) added`);
    return 0;
  },

  'operator-unlock'(store, v, [name]) {
    if (!name) throw usageError('operator-unlock NAME --by NAME --by-pin PIN');
    store.operators.unlock(supervisor(store, v)!, name);
    console.log(`operator ${name} unlocked`);
    return 0;
  },

  'operator-pin'(store, v, [name]) {
    if (!name) throw usageError('operator-pin NAME --pin NEWPIN --by NAME --by-pin PIN');
    store.operators.setPin(supervisor(store, v)!, name, pinFrom(v.pin, 'EID_TERMINAL_PIN'));
    console.log(`PIN of ${name} changed`);
    return 0;
  },

  'operator-disable'(store, v, [name]) {
    if (!name) throw usageError('operator-disable NAME [--enable] --by NAME --by-pin PIN');
    store.operators.setDisabled(supervisor(store, v)!, name, !v.enable);
    console.log(`operator ${name} ${v.enable ? 'enabled' : 'disabled'}`);
    return 0;
  },

  audit(store, v) {
    const events = store.audit.list(integer(v.limit, 'limit') ?? 100);
    if (v.json) console.log(JSON.stringify(events));
    else if (events.length === 0) console.log('no audit events');
    else for (const e of events) console.log(`${e.at}  ${e.actor.padEnd(14)} ${e.action.padEnd(17)} ${JSON.stringify(e.detail)}`);
    return 0;
  },

  settings(store, v, [key, value]) {
    if (key === undefined) {
      const all = { ...store.settings.all(), purposeProfile: store.profile().name };
      if (v.json) console.log(JSON.stringify(all));
      else for (const [k, val] of Object.entries(all)) console.log(`${k.padEnd(22)} ${val}`);
      return 0;
    }
    if (value === undefined) throw usageError('settings KEY VALUE');
    // Changing what is kept about people is a supervisor's decision once accounts exist.
    store.changeSetting(supervisor(store, v, store.operators.count() === 0), key, value);
    console.log(`${key} set`);
    return 0;
  },
};

export const command: Command = {
  summary: 'verification records: list, show, export, verify-chain, purge; operators; settings',
  async run(args) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: OPTIONS, strict: true });
    const [sub, ...rest] = positionals;
    if (values.help || sub === undefined) {
      console.log(USAGE);
      return sub === undefined && !values.help ? 2 : 0;
    }
    const handler = SUBCOMMANDS[sub];
    if (!handler) throw usageError(`unknown subcommand ${sub}`);
    const store = openStore({ dataDir: resolveDataDir(values['data-dir']) });
    try {
      return await handler(store, values, rest);
    } finally {
      store.close();
    }
  },
};
