/** `eid-terminal enrol URL CODE`: register this terminal with the organisation's registry. */
import { parseArgs } from 'node:util';
import type { Command } from '../command.ts';
import { resolveDataDir } from '../../host/data-dir.ts';
import { enrolTerminal } from '../../core/sync/enrolment.ts';
import { registryKeyFingerprint } from '../../core/registry-protocol/registry-key.ts';
import { openStore } from '../../core/store/store.ts';
import { print, printError, printJson, usageError } from '../output.ts';
import { canPrompt, confirm } from '../prompt.ts';

const USAGE = `Usage: eid-terminal enrol URL CODE [--expect-fingerprint SHA256:...] [--name LABEL] [--key-type ed25519|p256] [--force] [--data-dir DIR] [--json]

URL must be https (plain http only to a registry on this machine). The registry's key is pinned
at enrolment: compare its fingerprint with the one the administrator reads from
\`eid-terminal registry key\`. With --expect-fingerprint it is checked before the code is sent;
without, you are asked to confirm it at the terminal.`;

export const command: Command = {
  summary: 'enrol this terminal with the central registry (one-time code from the administrator)',
  async run(args) {
    const { values, positionals } = parseArgs({
      args, allowPositionals: true,
      options: {
        'data-dir': { type: 'string' }, name: { type: 'string' }, 'key-type': { type: 'string' }, 'expect-fingerprint': { type: 'string' },
        force: { type: 'boolean' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      print(USAGE);
      return 0;
    }
    const [url, code] = positionals;
    if (!url || !code) throw usageError('URL and CODE are required');
    const keyType = values['key-type'] ?? 'ed25519';
    if (keyType !== 'ed25519' && keyType !== 'p256') throw usageError('--key-type is ed25519 or p256');
    const expected = values['expect-fingerprint'];
    const store = openStore({ dataDir: resolveDataDir(values['data-dir']) });
    try {
      const name = values.name ?? store.settings.get('terminalName');
      const id = await enrolTerminal(store.kv, url, code, {
        ...(name ? { name } : {}), ...(values.force ? { force: true } : {}), keyAlg: keyType === 'p256' ? 'ecdsa-p256-sha256' : 'ed25519',
        ...(expected !== undefined ? { expectFingerprint: expected } : {}),
        // Without an expected fingerprint a person at the terminal confirms it, as SSH asks on first contact.
        ...(expected === undefined && canPrompt() ? {
          confirmFingerprint: (fp: string) => confirm(`The registry's key fingerprint is ${fp}.\nIs it the one your administrator gave you?`),
        } : {}),
      });
      store.kv.set('registryUrl', id.registryUrl);
      const fingerprint = registryKeyFingerprint(id.registryKey);
      if (values.json) printJson({ terminalId: id.terminalId, registryUrl: id.registryUrl, registryKeyId: id.registryKeyId, registryKeyFingerprint: fingerprint });
      else {
        print(`enrolled as ${id.terminalId} with ${id.registryUrl}\nregistry key ${fingerprint} pinned`);
        if (expected === undefined && !canPrompt()) printError('note: the registry key was not compared with a known fingerprint; pass --expect-fingerprint when scripting enrolment');
      }
      return 0;
    } finally {
      store.close();
    }
  },
};
