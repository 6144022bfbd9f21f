/** `eid-terminal enrol URL CODE`: register this terminal with the organisation's registry. */
import { parseArgs } from 'node:util';
import type { Command } from '../main.ts';
import { resolveDataDir } from '../data-dir.ts';
import { EidError } from '../../core/errors.ts';
import { enrolTerminal } from '../../core/sync/enrolment.ts';
import { openStore } from '../../core/store/store.ts';
import { print, printJson } from '../output.ts';

const USAGE = 'Usage: eid-terminal enrol URL CODE [--name LABEL] [--key-type ed25519|p256] [--force] [--data-dir DIR] [--json]';

export const command: Command = {
  summary: 'enrol this terminal with the central registry (one-time code from the administrator)',
  async run(args) {
    const { values, positionals } = parseArgs({
      args, allowPositionals: true,
      options: { 'data-dir': { type: 'string' }, name: { type: 'string' }, 'key-type': { type: 'string' }, force: { type: 'boolean' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
    if (values.help) {
      print(USAGE);
      return 0;
    }
    const [url, code] = positionals;
    if (!url || !code) throw new EidError('USAGE', USAGE, 'Cần địa chỉ máy chủ và mã đăng ký');
    const keyType = values['key-type'] ?? 'ed25519';
    if (keyType !== 'ed25519' && keyType !== 'p256') throw new EidError('USAGE', USAGE, '--key-type phải là ed25519 hoặc p256');
    const store = openStore({ dataDir: resolveDataDir(values['data-dir']) });
    try {
      const name = values.name ?? store.settings.get('terminalName');
      const id = await enrolTerminal(store.kv, url, code, {
        ...(name ? { name } : {}), ...(values.force ? { force: true } : {}), keyAlg: keyType === 'p256' ? 'ecdsa-p256-sha256' : 'ed25519',
      });
      store.kv.set('registryUrl', id.registryUrl);
      if (values.json) printJson({ terminalId: id.terminalId, registryUrl: id.registryUrl, registryKeyId: id.registryKeyId });
      else print(`enrolled as ${id.terminalId} with ${id.registryUrl} (registry key ${id.registryKeyId} pinned)`);
      return 0;
    } finally {
      store.close();
    }
  },
};
