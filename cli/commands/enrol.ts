/** `eid-terminal enrol URL CODE`: register this terminal with the organisation's registry. */
import { parseArgs } from 'node:util';
import type { Command } from '../command.ts';
import { resolveDataDir } from '../../host/data-dir.ts';
import { enrolTerminal } from '../../core/sync/enrolment.ts';
import { usageError } from '../output.ts';
import { openStore } from '../../core/store/store.ts';

const USAGE = 'Usage: eid-terminal enrol URL CODE [--name LABEL] [--key-type ed25519|p256] [--force] [--data-dir DIR] [--json]';

export const command: Command = {
  summary: 'enrol this terminal with the central registry (one-time code from the administrator)',
  async run(args) {
    const { values, positionals } = parseArgs({
      args, allowPositionals: true,
      options: { 'data-dir': { type: 'string' }, name: { type: 'string' }, 'key-type': { type: 'string' }, force: { type: 'boolean' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
    if (values.help) {
      console.log(USAGE);
      return 0;
    }
    const [url, code] = positionals;
    if (!url || !code) throw usageError('URL and CODE are required');
    const keyType = values['key-type'] ?? 'ed25519';
    if (keyType !== 'ed25519' && keyType !== 'p256') throw usageError('--key-type is ed25519 or p256');
    const store = openStore({ dataDir: resolveDataDir(values['data-dir']) });
    try {
      const name = values.name ?? store.settings.get('terminalName');
      const id = await enrolTerminal(store.kv, url, code, {
        ...(name ? { name } : {}), ...(values.force ? { force: true } : {}), keyAlg: keyType === 'p256' ? 'ecdsa-p256-sha256' : 'ed25519',
      });
      store.kv.set('registryUrl', id.registryUrl);
      if (values.json) console.log(JSON.stringify({ terminalId: id.terminalId, registryUrl: id.registryUrl, registryKeyId: id.registryKeyId }));
      else console.log(`enrolled as ${id.terminalId} with ${id.registryUrl} (registry key ${id.registryKeyId} pinned)`);
      return 0;
    } finally {
      store.close();
    }
  },
};
