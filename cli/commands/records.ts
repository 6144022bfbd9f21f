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
import type { RecordQuery } from '../../core/store/record-types.ts';
import type { RecordReader } from '../../core/store/record-reader.ts';
import type { Operator, OperatorRole } from '../../core/store/operators.ts';
import { VerdictSchema } from '../../core/api/verification.ts';
import { print, printError, printJson, usageError } from '../output.ts';
import { readPin } from '../pin.ts';
import { cliClock } from '../clock.ts';
import { listLine, printRecord, printRecordJson, printRecordsJson } from '../record-lines.ts';

const USAGE = `Usage: eid-terminal records <subcommand> [options] [--data-dir DIR]

  list [--json] [--limit N] [--before SEQ] [--search TEXT] [--verdict V] [--from DATE] [--to DATE] [--full --by NAME]
  show ID [--json] [--full --by NAME]   personal data masked unless --full (a supervisor; audited)
  export --format csv|json --operator NAME [--out FILE] [filters as for list]
  verify-chain [--json]                 exit 0 when intact, 1 when tampering is found
  purge --by NAME [--json]              retention purge by a supervisor (tombstones stay in the chain;
                                        records the registry has not acknowledged wait)
  operators [--json]
  operator-add NAME --role clerk|supervisor [--by NAME]
  operator-unlock NAME --by NAME
  operator-pin NAME --by NAME
  operator-disable NAME [--enable] --by NAME
  audit [--json] [--limit N]            exports, full reads, purges, operator and settings changes (newest first)
  settings [--json]                     show settings
  settings KEY VALUE [--by NAME]

PINs are never arguments: each is asked for at the terminal, or read from a file readable only
by you (--pin-file FILE for the PIN of --operator or of a new account, --by-pin-file FILE for the
supervisor's), or from EID_TERMINAL_PIN / EID_TERMINAL_BY_PIN.`;

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
  full: { type: 'boolean' },
  format: { type: 'string' },
  operator: { type: 'string' },
  'pin-file': { type: 'string' },
  out: { type: 'string' },
  role: { type: 'string' },
  by: { type: 'string' },
  'by-pin-file': { type: 'string' },
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

/** The PIN of `--operator`, or of the account being created or changed. */
function ownPin(v: Values, whose: string): Promise<string> {
  return readPin({ file: v['pin-file'], fileOption: '--pin-file', env: 'EID_TERMINAL_PIN', prompt: `PIN of ${whose}` });
}

/** The supervisor authorising a change; not needed to create the very first (supervisor) account. */
async function supervisor(store: Store, v: Values, optional = false): Promise<Operator | null> {
  if (v.by === undefined) {
    if (optional) return null;
    throw usageError('--by NAME (a supervisor) is required');
  }
  const pin = await readPin({ file: v['by-pin-file'], fileOption: '--by-pin-file', env: 'EID_TERMINAL_BY_PIN', prompt: `PIN of ${v.by}` });
  return store.operators.authenticateSupervisor(v.by, pin);
}

/** Masked records, or in full for the supervisor `--full --by NAME` names. */
async function reader(store: Store, v: Values): Promise<RecordReader> {
  return store.reader(v.full ? await supervisor(store, v) : null);
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
  async list(store, v) {
    const records = await reader(store, v);
    const page = records.list({ ...filters(v), limit: integer(v.limit, 'limit') ?? 50, ...(v.before ? { beforeSeq: integer(v.before, 'before')! } : {}) });
    if (v.json) printRecordsJson(page.records);
    else {
      if (page.records.length === 0) print('no records');
      for (const r of page.records) print(listLine(r));
      if (page.nextBeforeSeq !== null) print(`more: --before ${page.nextBeforeSeq}`);
    }
    return 0;
  },

  async show(store, v, [id]) {
    if (!id) throw usageError('records show needs a record id');
    const records = await reader(store, v);
    const r = records.get(id);
    if (v.json) printRecordJson(r);
    else printRecord(r, records.full);
    return 0;
  },

  async export(store, v) {
    const format = v.format as ExportFormat | undefined;
    if (format !== 'csv' && format !== 'json') throw usageError('--format csv or --format json is required');
    if (!v.operator) throw usageError('--operator NAME (a supervisor) is required');
    const by = store.operators.authenticateSupervisor(v.operator, await ownPin(v, v.operator));
    await writeOut(store.exportRecords(by, format, filters(v)), v.out);
    if (v.out) printError(`exported to ${v.out}`);
    return 0;
  },

  'verify-chain'(store, v) {
    const report = store.verifyChain();
    if (v.json) printJson(report);
    else {
      print(`${report.records} records, ${report.tombstones} tombstones, ${report.faceMatches} face matches: ${report.ok ? 'chain intact' : 'TAMPERING DETECTED'}`);
      for (const p of report.problems) print(`  ${p.kind.padEnd(22)} ${p.seq === null ? '' : `#${p.seq} `}${p.id ?? ''} ${p.detail}`);
      if (report.truncated) print('  (more problems not listed)');
    }
    return report.ok ? 0 : 1;
  },

  async purge(store, v) {
    const result = store.purgeExpired((await supervisor(store, v))!);
    if (v.json) printJson(result);
    else {
      const notes = [
        result.waiting ? `${result.waiting} past retention wait for the registry to acknowledge them` : '',
        result.neverSynced ? `${result.neverSynced} never synced: no registry is configured` : '',
      ].filter(Boolean);
      print(`${result.purged} record(s) purged to tombstones${notes.map((n) => `; ${n}`).join('')}`);
    }
    return 0;
  },

  operators(store, v) {
    const list = store.operators.list();
    if (v.json) printJson(list);
    else if (list.length === 0) print('no operators yet: add a supervisor with `records operator-add NAME --role supervisor`');
    else for (const o of list) print(`${o.name.padEnd(20)} ${o.role.padEnd(11)} ${o.disabled ? 'disabled' : o.locked ? 'LOCKED' : 'active'}`);
    return 0;
  },

  async 'operator-add'(store, v, [name]) {
    if (!name || (v.role !== 'clerk' && v.role !== 'supervisor')) throw usageError('operator-add NAME --role clerk|supervisor');
    const by = await supervisor(store, v, store.operators.count() === 0);
    const op = store.operators.add(name, v.role as OperatorRole, await ownPin(v, name), by);
    if (v.json) printJson(op);
    else print(`operator ${op.name} (${op.role}) added`);
    return 0;
  },

  async 'operator-unlock'(store, v, [name]) {
    if (!name) throw usageError('operator-unlock NAME --by NAME');
    store.operators.unlock((await supervisor(store, v))!, name);
    print(`operator ${name} unlocked`);
    return 0;
  },

  async 'operator-pin'(store, v, [name]) {
    if (!name) throw usageError('operator-pin NAME --by NAME');
    const by = (await supervisor(store, v))!;
    store.operators.setPin(by, name, await ownPin(v, `${name} (new)`));
    print(`PIN of ${name} changed`);
    return 0;
  },

  async 'operator-disable'(store, v, [name]) {
    if (!name) throw usageError('operator-disable NAME [--enable] --by NAME');
    store.operators.setDisabled((await supervisor(store, v))!, name, !v.enable);
    print(`operator ${name} ${v.enable ? 'enabled' : 'disabled'}`);
    return 0;
  },

  audit(store, v) {
    const events = store.audit.list(integer(v.limit, 'limit') ?? 100);
    if (v.json) printJson(events);
    else if (events.length === 0) print('no audit events');
    else for (const e of events) print(`${e.at}  ${e.actor.padEnd(14)} ${e.action.padEnd(17)} ${JSON.stringify(e.detail)}`);
    return 0;
  },

  async settings(store, v, [key, value]) {
    if (key === undefined) {
      const all = { ...store.settings.known(), purposeProfile: store.profile().name };
      if (v.json) printJson(all);
      else for (const [k, val] of Object.entries(all)) print(`${k.padEnd(22)} ${val}`);
      return 0;
    }
    if (value === undefined) throw usageError('settings KEY VALUE');
    // Changing what is kept about people is a supervisor's decision once accounts exist.
    store.changeSetting(await supervisor(store, v, store.operators.count() === 0), key, value);
    print(`${key} set`);
    return 0;
  },
};

export const command: Command = {
  summary: 'verification records: list, show, export, verify-chain, purge; operators; settings',
  async run(args) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: OPTIONS, strict: true });
    const [sub, ...rest] = positionals;
    if (values.help || sub === undefined) {
      print(USAGE);
      return sub === undefined && !values.help ? 2 : 0;
    }
    const handler = SUBCOMMANDS[sub];
    if (!handler) throw usageError(`unknown subcommand ${sub}`);
    const now = cliClock();
    const store = openStore({ dataDir: resolveDataDir(values['data-dir']), ...(now ? { now } : {}) });
    try {
      return await handler(store, values, rest);
    } finally {
      store.close();
    }
  },
};
