/**
 * `eid-terminal virtual-card list|serve`: the document factory's sample cards, and a virtual chip
 * plugged into pcscd through vsmartcard's vpcd (native/vpcd-bridge.ts) so any PC/SC application
 * — this terminal included — can read it as if it lay on a reader.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Command } from '../command.ts';
import { EidError } from '../../core/errors.ts';
import { catalogue, type CatalogueEntry } from '../../core/chip/factory/catalogue.ts';
import { buildDocument } from '../../core/chip/factory/build-document.ts';
import { isProfileName, PROFILE_NAMES, PROFILES } from '../../core/chip/factory/profiles.ts';
import { isVariantName, VARIANT_NAMES, variantAppliesTo } from '../../core/chip/factory/variants.ts';
import { documentFromDump, dumpFileName, MAX_DUMP_FILE_BYTES } from '../../core/chip/dump-document.ts';
import { VirtualChip, virtualChipFor } from '../../core/chip/virtual-chip.ts';
import { usageError } from '../output.ts';
import { VPCD_DEFAULT_HOST, VPCD_DEFAULT_PORT, VpcdBridge } from '../../native/vpcd-bridge.ts';
import { print, printError, printJson } from '../output.ts';

const HELP = `Usage:
  eid-terminal virtual-card list [--json]
  eid-terminal virtual-card serve --profile NAME [--variant NAME] [--large-face] [--pace-cam]
                                  [--seed TEXT] [--port 35963] [--host 127.0.0.1]
  eid-terminal virtual-card serve --dump DIR --mrz "MRZ" [--port 35963] [--host 127.0.0.1]

list    the sample documents: profiles (${PROFILE_NAMES.join(', ')}) and broken
        variants, the MRZ/CAN that opens each one, and the verdict a correct terminal gives
serve   puts a virtual chip on vpcd's reader (pcscd with vsmartcard-vpcd must run) until
        Ctrl+C. --dump serves the raw files of a dump folder (COM, SOD, DG1..DG16, CardAccess,
        CardSecurity, optionally with .bin) behind BAC with the given MRZ.

Variants: ${VARIANT_NAMES.join(', ')}
DEMO ONLY: the sample documents are signed by the demo CSCAs in certs/demo/demo-csca-*.pem, whose
private keys are public. Never trust those certificates in production.`;

function printList(entries: readonly CatalogueEntry[], json: boolean): void {
  if (json) {
    printJson({ documents: entries }, 2);
    return;
  }
  let profile = '';
  let genuineMrz = '';
  for (const e of entries) {
    if (e.profile !== profile) {
      profile = e.profile;
      genuineMrz = e.mrz;
      print(`\n${e.profile} — ${e.description}`);
      print(`  access: ${e.accessProtocols.join(' + ')}; chip proof: ${[e.chipAuthentication, e.activeAuthentication].filter(Boolean).join(', ') || 'none'}; trust: demo CSCA ${e.trustAuthority}`);
    }
    const expected = e.expected.check ? `${e.expected.verdict} (${e.expected.check} ${e.expected.status})` : e.expected.verdict;
    print(`  ${(e.variant ?? 'genuine').padEnd(22)} ${expected}`);
    // Variants share the genuine card's keys unless their holder differs (expired-document).
    if (e.variant === null || e.mrz !== genuineMrz) print(`    MRZ: ${e.mrz.split('\n').join(' / ')}${e.can ? `   CAN: ${e.can}` : ''}`);
  }
}

function readDump(dir: string): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch (e) {
    throw new EidError('DUMP_NOT_FOUND', {}, { cause: e });
  }
  for (const entry of entries) {
    if (!dumpFileName(entry)) continue;
    const path = join(dir, entry);
    const size = statSync(path).size;
    if (size > MAX_DUMP_FILE_BYTES) throw new EidError('DUMP_FILE_TOO_LARGE', { file: entry, maxBytes: MAX_DUMP_FILE_BYTES });
    files.set(entry, new Uint8Array(readFileSync(path)));
  }
  return files;
}

function waitForSignal(): Promise<string> {
  return new Promise((done) => {
    // Signal listeners do not keep Node running; while vpcd is unreachable nothing else would.
    const keepAlive = setInterval(() => undefined, 1 << 30);
    const onSignal = (signal: string): void => {
      clearInterval(keepAlive);
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      done(signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}

async function serve(chip: VirtualChip, keyLines: readonly string[], host: string, port: number): Promise<number> {
  const bridge = new VpcdBridge(chip, { host, port });
  bridge.on('connected', () => print(`card inserted on vpcd ${host}:${port}`));
  bridge.on('disconnected', () => {
    chip.reset();
    print('vpcd connection closed');
  });
  bridge.on('responder-error', (e) => printError(`chip error: ${e instanceof Error ? e.message : String(e)}`));
  for (const line of keyLines) print(line);
  // Listen for Ctrl+C before waiting for vpcd, so an early interrupt still removes the card cleanly.
  const stopped = waitForSignal();
  let stopping = false;
  // The bridge keeps retrying after this timeout; the message only tells the user why nothing happens yet.
  void bridge.insert(3_000).then(
    () => print('serving; press Ctrl+C to remove the card'),
    (e: unknown) => {
      if (!stopping) printError(`${e instanceof Error ? e.message : String(e)} Still trying; press Ctrl+C to stop.`);
    },
  );
  const signal = await stopped;
  stopping = true;
  await bridge.stop();
  print(`${signal}: card removed`);
  return 0;
}

export const command: Command = {
  summary: 'Sample documents on a virtual chip: list them, or serve one over vpcd',
  async run(args: string[]): Promise<number> {
    const [sub, ...rest] = args;
    if (sub === undefined || sub === '--help' || sub === '-h') {
      print(HELP);
      return sub === undefined ? 2 : 0;
    }
    const { values } = parseArgs({
      args: rest,
      options: {
        json: { type: 'boolean', default: false },
        profile: { type: 'string' },
        variant: { type: 'string' },
        seed: { type: 'string' },
        'large-face': { type: 'boolean', default: false },
        'pace-cam': { type: 'boolean', default: false },
        dump: { type: 'string' },
        mrz: { type: 'string' },
        port: { type: 'string', default: String(VPCD_DEFAULT_PORT) },
        host: { type: 'string', default: VPCD_DEFAULT_HOST },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    });
    if (values.help) {
      print(HELP);
      return 0;
    }
    if (sub === 'list') {
      printList(catalogue(), values.json ?? false);
      return 0;
    }
    if (sub !== 'serve') throw usageError(`unknown subcommand ${sub}`);
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw usageError('--port must be a TCP port number');
    const host = values.host ?? VPCD_DEFAULT_HOST;
    if (values.dump !== undefined) {
      if (!values.mrz) throw usageError('--dump needs --mrz "MRZ" (the key the chip will accept)');
      const doc = documentFromDump(readDump(resolve(values.dump)), values.mrz);
      // A dump may hold a real person's data: the MRZ is not echoed back.
      return serve(new VirtualChip(doc), [`dump ${resolve(values.dump)}: ${doc.files.size} files, BAC only`, 'open with the MRZ given in --mrz'], host, port);
    }
    const profile = values.profile;
    if (!profile || !isProfileName(profile)) throw usageError(`--profile must be one of ${PROFILE_NAMES.join(', ')}`);
    const variant = values.variant ?? null;
    if (variant !== null && !isVariantName(variant)) throw usageError(`--variant must be one of ${VARIANT_NAMES.join(', ')}`);
    if (variant !== null && !variantAppliesTo(variant, PROFILES[profile])) throw usageError(`variant ${variant} does not apply to ${profile}`);
    const doc = buildDocument(profile, variant, { ...(values.seed ? { seed: values.seed } : {}), largeFace: values['large-face'] ?? false, paceCam: values['pace-cam'] ?? false });
    const lines = [
      `${profile}${variant ? ` / ${variant}` : ''}: ${doc.description}`,
      `open with MRZ: ${doc.access.mrz.split('\n').join(' / ')}`,
      ...(doc.access.can ? [`or CAN: ${doc.access.can}`] : []),
      `expected verdict: ${doc.expected.verdict}${doc.expected.check ? ` (${doc.expected.check} ${doc.expected.status})` : ''}; trust: eid-terminal read --trust certs/demo (certs/demo/demo-csca-${doc.trust.authority.toLowerCase()}.pem)`,
    ];
    return serve(virtualChipFor(doc), lines, host, port);
  },
};
