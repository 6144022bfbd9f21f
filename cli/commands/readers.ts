/**
 * `eid-terminal readers [--json] [--watch]`: the PC/SC readers, whether a card is on each and
 * its ATR, and what the terminal knows about the reader (quirks). --watch follows readers and
 * cards live until interrupted. Exit 0 on success (also with no reader, and on a machine without the
 * PC/SC binding, where it says in one sentence how to enable real readers), 2 when the smart-card
 * service is not running (error PCSC_UNAVAILABLE).
 */
import { parseArgs } from 'node:util';
import type { Command } from '../command.ts';
import { isEidError } from '../../core/errors.ts';
import { toHex } from '../../core/bytes/hex.ts';
import { nativePcscBinding } from '../../native/pcsc-binding.ts';
import type { PcscBinding } from '../../native/pcsc-binding.ts';
import { ReaderWatcher, listReaders } from '../../native/readers.ts';
import type { ReaderEvent, ReaderInfo } from '../../native/readers.ts';
import { jsonMessage, jsonText, messageText, print, printJson, usageError } from '../output.ts';
import { quirksFor } from '../../native/reader-quirks.ts';

const USAGE = `Usage: eid-terminal readers [--json] [--watch]

Lists the smart-card readers, whether a card is on each, and the card's ATR.
  --json    one JSON object: {"readers":[{"name","cardPresent","atr","cardMute","quirk"}]}
            (plus "note":{"code","message"} when this machine lacks the PC/SC binding)
  --watch   keep running and print reader and card events (JSON lines with --json); Ctrl-C ends`;

export interface ReaderJson {
  readonly name: string;
  readonly cardPresent: boolean;
  /** ATR in upper-case hex, null without a card. */
  readonly atr: string | null;
  readonly cardMute: boolean;
  /** Why the terminal treats this reader specially, null when it does not. */
  readonly quirk: string | null;
}

export function readerJson(reader: ReaderInfo): ReaderJson {
  return {
    name: reader.name,
    cardPresent: reader.cardPresent,
    atr: reader.atr ? toHex(reader.atr) : null,
    cardMute: reader.cardMute,
    quirk: quirksFor(reader.name)?.reason ?? null,
  };
}

/** The human listing: one reader per line, then the ATR and quirk indented under it. */
export function formatReaders(readers: readonly ReaderInfo[]): string {
  if (readers.length === 0) return 'No card reader found. Plug in a PC/SC reader (USB) and run this again.';
  const lines: string[] = [];
  for (const r of readers) {
    const json = readerJson(r);
    const status = !r.cardPresent ? 'no card' : r.cardMute ? 'card present, not answering' : 'card present';
    lines.push(`${r.name}: ${status}`);
    if (json.atr) lines.push(`  ATR ${json.atr.replace(/(..)(?!$)/g, '$1 ')}`);
    if (json.quirk) lines.push(`  note: ${json.quirk}`);
  }
  return lines.join('\n');
}

function formatEvent(e: ReaderEvent): string {
  const where = e.reader ? ` ${e.reader}` : '';
  const atr = e.atr ? ` ATR ${toHex(e.atr)}` : '';
  const why = e.error ? ` (${e.error.code}: ${messageText(e.error)})` : '';
  return `${e.type}${where}${atr}${why}`;
}

function eventJson(e: ReaderEvent): string {
  return jsonText({
    type: e.type,
    reader: e.reader ?? null,
    ...(e.atr ? { atr: toHex(e.atr) } : {}),
    ...(e.error ? { error: jsonMessage(e.error) } : {}),
  });
}

/** Follows readers until SIGINT/SIGTERM; resolves with exit status 0. */
async function watch(json: boolean, binding: PcscBinding): Promise<number> {
  const watcher = new ReaderWatcher({ binding });
  watcher.on('event', (e) => print(json ? eventJson(e) : formatEvent(e)));
  watcher.start();
  await new Promise<void>((resolve) => {
    const done = (): void => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve();
    };
    process.on('SIGINT', done);
    process.on('SIGTERM', done);
  });
  await watcher.stop();
  return 0;
}

/** The command with an injectable binding, for tests. */
export async function runReaders(args: string[], binding: () => PcscBinding = nativePcscBinding): Promise<number> {
  let values: { json?: boolean; watch?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      args,
      options: { json: { type: 'boolean' }, watch: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: false,
    }));
  } catch (e) {
    throw usageError(e instanceof Error ? e.message : String(e), e);
  }
  if (values.help) {
    print(USAGE);
    return 0;
  }
  let pcsc: PcscBinding;
  try {
    pcsc = binding();
  } catch (e) {
    // Only the binding's absence is thrown here; a stopped service shows when the readers are listed.
    if (!isEidError(e, 'PCSC_UNAVAILABLE')) throw e;
    if (values.json) printJson({ readers: [], note: jsonMessage(e) });
    else print(messageText(e));
    return 0;
  }
  if (values.watch) return watch(values.json === true, pcsc);
  const readers = listReaders(pcsc);
  if (values.json) printJson({ readers: readers.map(readerJson) });
  else print(formatReaders(readers));
  return 0;
}

export const command: Command = {
  summary: 'List smart-card readers, card presence and ATR (--json, --watch)',
  run: (args) => runReaders(args),
};
