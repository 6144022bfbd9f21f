/**
 * `eid-terminal registry ...`: run the reference registry and administer it. Admin subcommands
 * work on the store directly (on the registry host), not over the network.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import type { Command } from '../command.ts';
import { resolveDataDir } from '../../host/data-dir.ts';
import { EidError } from '../../core/errors.ts';
import { createEnrolmentCode } from '../../registry/enrolment-codes.ts';
import { openRegistryStore } from '../../registry/open-store.ts';
import { loadOrCreateRegistryKey } from '../../registry/registry-key.ts';
import { startRegistry } from '../../registry/start.ts';
import { publishTrustList } from '../../registry/trust-publish.ts';
import { usageError } from '../output.ts';
import type { RegistryStore } from '../../registry/store/types.ts';

const USAGE = `Usage:
  eid-terminal registry serve [--port N (8080)] [--host ADDR (127.0.0.1)] [--data-dir DIR] [--postgres URL]
  eid-terminal registry enrolment-code [--data-dir DIR] [--postgres URL] [--json]
  eid-terminal registry terminals [--data-dir DIR] [--postgres URL] [--json]
  eid-terminal registry revoke TERMINAL_ID [--data-dir DIR] [--postgres URL]
  eid-terminal registry trust-publish FILE... [--data-dir DIR] [--postgres URL] [--json]
  eid-terminal registry records [--terminal ID] [--since ISO-TIME] [--limit N] [--json] [--data-dir DIR] [--postgres URL]
  eid-terminal registry flags [--terminal ID] [--json] [--data-dir DIR] [--postgres URL]

The store is SQLite in DATA_DIR/registry/ unless --postgres (or EID_REGISTRY_POSTGRES_URL) is given.`;

const OPTIONS = {
  'data-dir': { type: 'string' },
  postgres: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  terminal: { type: 'string' },
  since: { type: 'string' },
  limit: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = ReturnType<typeof parse>['values'];
function parse(args: string[]) {
  return parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
}

async function withStore<T>(v: Values, work: (store: RegistryStore) => Promise<T>): Promise<T> {
  const store = await openRegistryStore({ dataDir: resolveDataDir(v['data-dir']), postgresUrl: v.postgres ?? process.env.EID_REGISTRY_POSTGRES_URL });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

async function serve(v: Values): Promise<number> {
  const port = v.port === undefined ? 8080 : Number(v.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw usageError('--port must be 0..65535');
  const registry = await startRegistry({
    dataDir: resolveDataDir(v['data-dir']), postgresUrl: v.postgres ?? process.env.EID_REGISTRY_POSTGRES_URL,
    port, host: v.host ?? '127.0.0.1',
  });
  console.log(`registry listening on ${registry.url} (store: ${registry.store.kind}, key id ${registry.key.keyId})`);
  await new Promise<void>((resolve) => {
    const stop = (): void => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await registry.close();
  return 0;
}

async function records(v: Values): Promise<number> {
  const limit = v.limit === undefined ? 1000 : Number(v.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1_000_000) throw usageError('--limit must be 1..1000000');
  if (v.since !== undefined && Number.isNaN(Date.parse(v.since))) throw usageError('--since must be an ISO 8601 time, e.g. 2026-11-01 or 2026-11-01T08:00:00Z');
  const rows = await withStore(v, (s) => s.queryRecords({ ...(v.terminal ? { terminalId: v.terminal } : {}), ...(v.since ? { since: v.since } : {}), limit }));
  if (v.json) {
    console.log(JSON.stringify(rows.map((r) => ({ ...r, payload: JSON.parse(r.payload) as unknown }))));
    return 0;
  }
  for (const r of rows) {
    const verdict = (JSON.parse(r.payload) as { verdict?: string }).verdict ?? '';
    console.log([r.receivedAt, r.terminalId, String(r.seq).padStart(6), r.id, verdict, r.flags.join(',') || '-'].join('  '));
  }
  console.log(`${rows.length} record(s)`);
  return 0;
}

export const command: Command = {
  summary: 'run the central registry, and administer it (enrolment codes, terminals, trust list, records)',
  async run(args) {
    const { values: v, positionals } = parse(args);
    const [sub, ...rest] = positionals;
    if (v.help || sub === undefined) {
      console.log(USAGE);
      return sub === undefined && !v.help ? 2 : 0;
    }
    const now = new Date();
    switch (sub) {
      case 'serve':
        return serve(v);
      case 'enrolment-code': {
        const { code, expiresAt } = await withStore(v, (s) => createEnrolmentCode(s, now));
        console.log(v.json ? JSON.stringify({ code, expiresAt }) : `${code}\n(one use, valid until ${expiresAt})`);
        return 0;
      }
      case 'terminals': {
        const list = await withStore(v, (s) => s.listTerminals());
        if (v.json) console.log(JSON.stringify(list.map(({ publicKey: _k, ...t }) => t)));
        else for (const t of list) console.log(`${t.id}  ${t.enrolledAt}  ${t.revokedAt ? `REVOKED ${t.revokedAt}` : 'active'}  ${t.name ?? ''}`);
        return 0;
      }
      case 'revoke': {
        const id = rest[0];
        if (!id) throw usageError('revoke needs a terminal id');
        const done = await withStore(v, (s) => s.revokeTerminal(id, now.toISOString()));
        if (!done) throw new EidError('TERMINAL_NOT_FOUND', { terminalId: id });
        console.log(`revoked ${id}`);
        return 0;
      }
      case 'trust-publish': {
        if (rest.length === 0) throw usageError('trust-publish needs at least one file');
        const files = rest.map((f) => ({ name: basename(f), bytes: new Uint8Array(readFileSync(f)) }));
        const out = await withStore(v, async (s) => publishTrustList(s, await loadOrCreateRegistryKey(s), files, now));
        if (v.json) console.log(JSON.stringify(out));
        else {
          for (const r of out.reports) console.log(`${r.source}: ${r.kind}, ${r.certificatesAdded} certificate(s), ${r.crlsAdded} CRL(s)${r.skipped ? `, ${r.skipped} skipped` : ''}`);
          console.log(`published trust list version ${out.version}: ${out.cscas} CSCA(s), ${out.crls} CRL(s)`);
        }
        return 0;
      }
      case 'records':
        return records(v);
      case 'flags': {
        const flags = await withStore(v, (s) => s.listFlags(v.terminal));
        if (v.json) console.log(JSON.stringify(flags));
        else for (const f of flags) console.log(`${f.flaggedAt}  ${f.terminalId}  ${String(f.seq).padStart(6)}  ${f.kind}  ${f.resolvedAt ? `resolved ${f.resolvedAt}` : 'OPEN'}  ${f.detail}`);
        return 0;
      }
      default:
        throw usageError(`unknown subcommand ${sub}`);
    }
  },
};
