/**
 * `eid-terminal read`: reads and verifies the card on a PC/SC reader end to end, prints the
 * result (the JSON shape of `verify`), stores the record unless --no-store, and can write the
 * raw files as a dump folder.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Command } from '../command.ts';
import { resolveDataDir } from '../../host/data-dir.ts';
import type { AccessKey } from '../../core/api/terminal-api.ts';
import { AccessKeySchema } from '../../core/api/terminal-api.ts';
import { EidError } from '../../core/errors.ts';
import { chipReader } from '../../core/session/chip-reader.ts';
import { storeRecorder } from '../../core/session/recorder.ts';
import { VerificationSession } from '../../core/session/session.ts';
import { openStore, type Store } from '../../core/store/store.ts';
import { connectReader } from '../../native/pcsc-transport.ts';
import { listReaders, type ReaderInfo } from '../../native/readers.ts';
import { printResult, resultJson } from '../result-printer.ts';
import { trustForRun } from '../trust-options.ts';
import { print, usageError } from '../output.ts';

const HELP = `Usage: eid-terminal read [--reader NAME|INDEX] [--wait SECONDS]
     ( --mrz "MRZ" | --document-number N --date-of-birth YYMMDD --date-of-expiry YYMMDD
     | --cccd ID12 [--date-of-birth YYMMDD [--date-of-expiry YYMMDD]] | --qr "QR TEXT" | --can NNNNNN )
     [--trust PATH]... [--out DIR] [--json] [--no-store] [--operator NAME --pin PIN] [--data-dir DIR]

Opens the chip (PACE when offered, else BAC), reads COM, SOD and the data groups (never the
EAC-protected DG3/DG4), proves the chip (CA, PACE-CAM or AA), runs passive authentication and
prints the result. A Vietnamese card opens with its ID number alone (--cccd ID12: PACE with the
last 6 digits as CAN); a chip without PACE also needs --date-of-birth, and says so
(BIRTH_DATE_NEEDED). A CCCD number or QR code without expiry tries the derived expiries in order.
The verification is recorded in the data folder unless --no-store; once operator accounts exist the
record must name one: --operator NAME with --pin PIN (or EID_TERMINAL_PIN).

Exit status: 0 VERIFIED, 1 NOT_VERIFIED or FAILED, 2 error.`;

function keyFrom(v: Record<string, string | undefined>): AccessKey {
  const given = ['mrz', 'document-number', 'cccd', 'qr', 'can'].filter((k) => v[k] !== undefined);
  if (given.length !== 1) throw usageError('give exactly one of --mrz, --document-number, --cccd, --qr, --can');
  const candidate = v.mrz !== undefined ? { kind: 'mrz', mrz: v.mrz }
    : v['document-number'] !== undefined ? { kind: 'document', documentNumber: v['document-number'], dateOfBirth: v['date-of-birth'], dateOfExpiry: v['date-of-expiry'] }
    : v.cccd !== undefined ? { kind: 'cccd', idNumber: v.cccd, dateOfBirth: v['date-of-birth'], ...(v['date-of-expiry'] && { dateOfExpiry: v['date-of-expiry'] }) }
    : v.qr !== undefined ? { kind: 'qr', text: v.qr }
    : { kind: 'can', can: v.can };
  const parsed = AccessKeySchema.safeParse(candidate);
  if (!parsed.success) throw usageError(`key: ${parsed.error.issues.map((i) => i.path.join('.') || i.message).join(', ')} missing or malformed`);
  return parsed.data;
}

function pickReader(readers: readonly ReaderInfo[], wanted: string | undefined): ReaderInfo | undefined {
  if (wanted === undefined) return readers.find((r) => r.cardPresent) ?? readers[0];
  if (/^\d+$/.test(wanted)) return readers[Number(wanted)];
  return readers.find((r) => r.name === wanted) ?? readers.find((r) => r.name.includes(wanted));
}

/** Waits up to `seconds` for a card on the chosen reader (polling the live reader list). */
async function waitForCard(wanted: string | undefined, seconds: number): Promise<ReaderInfo> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const reader = pickReader(listReaders(), wanted);
    if (reader?.cardPresent) return reader;
    if (Date.now() >= deadline) {
      if (!reader) throw new EidError('NO_READER');
      throw new EidError('NO_CARD', { detail: reader.name });
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

export const command: Command = {
  summary: 'read and verify the card on a PC/SC reader',
  async run(args) {
    const { values } = parseArgs({
      args,
      options: {
        reader: { type: 'string' }, wait: { type: 'string' },
        mrz: { type: 'string' }, 'document-number': { type: 'string' }, 'date-of-birth': { type: 'string' }, 'date-of-expiry': { type: 'string' },
        cccd: { type: 'string' }, qr: { type: 'string' }, can: { type: 'string' },
        trust: { type: 'string', multiple: true }, out: { type: 'string' }, json: { type: 'boolean' },
        'no-store': { type: 'boolean' }, operator: { type: 'string' }, pin: { type: 'string' }, 'data-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      print(HELP);
      return 0;
    }
    const key = keyFrom(values as Record<string, string | undefined>);
    const dataDir = resolveDataDir(values['data-dir']);
    const now = new Date();
    // Who the record names is settled before the card is touched, so a refused operator costs no read.
    const store = values['no-store'] ? null : openStore({ dataDir });
    try {
      const operator = store ? operatorFor(store, values.operator, values.pin ?? process.env.EID_TERMINAL_PIN) : null;
      return await readAndReport(values, key, dataDir, now, store, operator);
    } finally {
      store?.close();
    }
  },
};

/** The operator the record names: an authenticated account once accounts exist, else the given name or 'cli'. */
function operatorFor(store: Store, name: string | undefined, pin: string | undefined): string {
  if (store.operators.count() === 0) return name ?? 'cli';
  if (!name || !pin) throw new EidError('SIGN_IN_REQUIRED', { detail: 'this terminal has operator accounts: give --operator NAME and --pin PIN (or --no-store)' });
  return store.operators.authenticate(name, pin).name;
}

async function readAndReport(values: { reader?: string | undefined; wait?: string | undefined; trust?: string[] | undefined; out?: string | undefined; json?: boolean | undefined }, key: AccessKey, dataDir: string, now: Date, store: Store | null, operator: string | null): Promise<number> {
  const wait = values.wait === undefined ? 0 : Number(values.wait);
  if (!(wait >= 0 && wait <= 3600)) throw usageError('--wait takes seconds from 0 to 3600');
  const trust = trustForRun(dataDir, values.trust ?? [], now);
  const reader = await waitForCard(values.reader, wait);
  // The kiosk's flow (core/session): keys -> open -> read -> prove -> verify -> record.
  const session = new VerificationSession({
    reader: reader.name,
    read: chipReader(async () => {
      const transport = await connectReader(reader.name);
      return { transport, close: () => transport.close() };
    }, { trust: trust.store, now }),
    record: store && operator ? storeRecorder(store, operator, { reader: reader.name }) : null,
  });
  session.cardInserted();
  const final = await session.provideKey(key);
  if (final.error?.code === 'BIRTH_DATE_NEEDED') console.error('Give the date of birth: --date-of-birth YYMMDD.');
  if (values.out && final.outcome) {
    mkdirSync(values.out, { recursive: true });
    for (const [name, bytes] of final.outcome.files) writeFileSync(join(values.out, `${name}.bin`), bytes);
  }
  const { outcome } = session.completed();
  if (values.json) print(resultJson(outcome.result));
  else printResult(outcome.result, { cscaFingerprint: outcome.cscaFingerprint, documentSigner: outcome.documentSigner, notes: outcome.accessNote ? [outcome.accessNote] : [], trustFailures: trust.failures });
  return outcome.result.verdict === 'VERIFIED' ? 0 : 1;
}
