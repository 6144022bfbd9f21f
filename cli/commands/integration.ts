/**
 * `eid-terminal integration add | list | revoke`: the business applications allowed on the
 * terminal's local integration API (docs/reference/integration.md). A supervisor authorises each
 * change; the PIN comes from a file, the environment or a prompt, never from the arguments.
 */
import { parseArgs } from 'node:util';
import type { Command } from '../command.ts';
import { print, printJson, usageError } from '../output.ts';
import type { IntegrationClient, IntegrationScope } from '../../core/api/integration-clients.ts';
import { openStore, type Store } from '../../core/store/store.ts';
import { resolveDataDir } from '../../host/data-dir.ts';
import { supervisorPin } from '../supervisor-pin.ts';

const USAGE = `Usage:
  eid-terminal integration add NAME [--origin https://app.example]... --scope results|request|status... --by NAME
  eid-terminal integration list --by NAME [--json]
  eid-terminal integration revoke CLIENT_ID --by NAME
Options: --data-dir DIR, --by-pin-file FILE (else EID_TERMINAL_BY_PIN, else a prompt), --json.
--origin pins a browser client to the origin its pages come from (https, or http on 127.0.0.1/localhost);
a client without --origin is a native application and is refused from web pages.
The secret is printed once by add: give it to the application, it cannot be shown again.`;

const OPTIONS = {
  'data-dir': { type: 'string' },
  origin: { type: 'string', multiple: true },
  scope: { type: 'string', multiple: true },
  by: { type: 'string' },
  'by-pin-file': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

function line(c: IntegrationClient): string {
  const origins = c.origins.length ? c.origins.join(' ') : '(native)';
  return `${c.id}  ${c.name.padEnd(24)}  ${c.scopes.join(',').padEnd(22)}  ${c.revokedAt ? `revoked ${c.revokedAt}` : 'active'}  ${origins}`;
}

async function run(store: Store, sub: string | undefined, rest: string[], v: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true; args: string[] }>>['values']): Promise<number> {
  if (!v.by) throw usageError('--by NAME (a supervisor) is required');
  const by = store.operators.authenticateSupervisor(v.by, await supervisorPin(v.by, v['by-pin-file']));
  if (sub === 'add') {
    const [name] = rest;
    if (!name) throw usageError('integration add needs a NAME');
    const { client, secret } = store.integrationClients.add(by, { name, origins: v.origin ?? [], scopes: (v.scope ?? []) as IntegrationScope[] });
    if (v.json) printJson({ client, secret });
    else {
      print(line(client));
      print(`client id: ${client.id}\nsecret:    ${secret}\nThe secret is shown this once. The application authenticates with HTTP Basic (client id : secret).`);
    }
    return 0;
  }
  if (sub === 'list') {
    const clients = store.integrationClients.list();
    if (v.json) printJson(clients);
    else if (clients.length === 0) print('no integration clients');
    else for (const c of clients) print(`${line(c)}  last result ${c.lastUsedAt ?? 'never'}`);
    return 0;
  }
  if (sub === 'revoke') {
    const [id] = rest;
    if (!id) throw usageError('integration revoke needs a CLIENT_ID');
    const client = store.integrationClients.revoke(by, id);
    if (v.json) printJson(client);
    else print(line(client));
    return 0;
  }
  throw usageError(`unknown subcommand ${sub ?? '(none)'}`);
}

export const command: Command = {
  summary: 'integration clients (business applications) of the local integration API: add, list, revoke',
  async run(args) {
    const { values, positionals } = parseArgs({ args, options: OPTIONS, allowPositionals: true });
    if (values.help) {
      print(USAGE);
      return 0;
    }
    const [sub, ...rest] = positionals;
    const store = openStore({ dataDir: resolveDataDir(values['data-dir']) });
    try {
      return await run(store, sub, rest, values);
    } finally {
      store.close();
    }
  },
};
