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
import { toBase64 } from '../../core/bytes/base64.ts';
import { registryKeyFingerprint } from '../../core/registry-protocol/registry-key.ts';
import { createEnrolmentCode } from '../../registry/enrolment-codes.ts';
import { openRegistry, type RegistryHome } from '../../registry/open-store.ts';
import { startRegistry } from '../../registry/start.ts';
import { publishTrustList, rotateTrustListKey } from '../../registry/trust-publish.ts';
import { print, printJson, usageError } from '../output.ts';

const USAGE = `Usage:
  eid-terminal registry serve [--port N (8080)] [--host ADDR (127.0.0.1)] [--data-dir DIR] [--postgres URL]
  eid-terminal registry key [--data-dir DIR] [--postgres URL] [--json]     the trust-list key's fingerprint, for enrolments
  eid-terminal registry rotate-key [--data-dir DIR] [--postgres URL] [--json]   a new trust-list key; terminals move over on their next sync
  eid-terminal registry enrolment-code [--data-dir DIR] [--postgres URL] [--json]
  eid-terminal registry terminals [--data-dir DIR] [--postgres URL] [--json]
  eid-terminal registry revoke TERMINAL_ID [--data-dir DIR] [--postgres URL]
  eid-terminal registry trust-publish FILE... [--data-dir DIR] [--postgres URL] [--json]
  eid-terminal registry records [--terminal ID] [--since ISO-TIME] [--limit N] [--json] [--data-dir DIR] [--postgres URL]
  eid-terminal registry flags [--terminal ID] [--json] [--data-dir DIR] [--postgres URL]

The store is SQLite in DATA_DIR/registry/ unless --postgres (or EID_REGISTRY_POSTGRES_URL) is given;
the keys (trust-list signing key, data key) are files in DATA_DIR/registry/keys/ either way.`;

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

async function withRegistry<T>(v: Values, work: (home: RegistryHome) => Promise<T>): Promise<T> {
  const home = await openRegistry({ dataDir: resolveDataDir(v['data-dir']), postgresUrl: v.postgres ?? process.env.EID_REGISTRY_POSTGRES_URL });
  try {
    return await work(home);
  } finally {
    await home.store.close();
  }
}

async function serve(v: Values): Promise<number> {
  const port = v.port === undefined ? 8080 : Number(v.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw usageError('--port must be 0..65535');
  const registry = await startRegistry({
    dataDir: resolveDataDir(v['data-dir']), postgresUrl: v.postgres ?? process.env.EID_REGISTRY_POSTGRES_URL,
    port, host: v.host ?? '127.0.0.1',
  });
  print(`registry listening on ${registry.url} (store: ${registry.store.kind}, key ${registryKeyFingerprint(registry.key.publicKey)})`);
  await new Promise<void>((resolve) => {
    const stop = (): void => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await registry.close();
  return 0;
}

/** The face match in one column: decision (or how it ended without one), score/threshold, active check, the teller. */
function faceMatchColumn(m: Record<string, unknown> | null): string {
  if (!m) return '-';
  const score = typeof m.score === 'number' ? ` ${m.score}/${String(m.threshold)}` : '';
  return `face ${String(m.decision ?? m.outcome)}${score} ${String(m.activeCheck)} ${String(m.teller)}`;
}

async function records(v: Values): Promise<number> {
  const limit = v.limit === undefined ? 1000 : Number(v.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1_000_000) throw usageError('--limit must be 1..1000000');
  if (v.since !== undefined && Number.isNaN(Date.parse(v.since))) throw usageError('--since must be an ISO 8601 time, e.g. 2026-11-01 or 2026-11-01T08:00:00Z');
  const rows = await withRegistry(v, async ({ store, personal }) => (await store.queryRecords({ ...(v.terminal ? { terminalId: v.terminal } : {}), ...(v.since ? { since: v.since } : {}), limit }))
    .map(({ personal: _sealed, ...r }) => ({
      ...r,
      payload: JSON.parse(personal.payloadOf({ ...r, personal: _sealed })) as Record<string, unknown>,
      faceMatch: r.faceMatch === null ? null : JSON.parse(r.faceMatch) as Record<string, unknown>,
    })));
  if (v.json) {
    printJson(rows);
    return 0;
  }
  for (const r of rows) {
    const verdict = typeof r.payload.verdict === 'string' ? r.payload.verdict : '';
    print([r.receivedAt, r.terminalId, String(r.seq).padStart(6), r.id, verdict, r.flags.join(',') || '-', faceMatchColumn(r.faceMatch)].join('  '));
  }
  print(`${rows.length} record(s)`);
  return 0;
}

export const command: Command = {
  summary: 'run the central registry, and administer it (enrolment codes, terminals, trust list, records)',
  async run(args) {
    const { values: v, positionals } = parse(args);
    const [sub, ...rest] = positionals;
    if (v.help || sub === undefined) {
      print(USAGE);
      return sub === undefined && !v.help ? 2 : 0;
    }
    const now = new Date();
    switch (sub) {
      case 'serve':
        return serve(v);
      case 'key': {
        const key = await withRegistry(v, async (home) => home.keys);
        const fingerprint = registryKeyFingerprint(key.publicKey);
        const previous = key.rotations.map((r) => registryKeyFingerprint(r.previous));
        if (v.json) printJson({ keyId: key.keyId, fingerprint, publicKey: toBase64(key.publicKey), previous });
        else print(`${fingerprint}\n(key id ${key.keyId}: give the fingerprint to whoever enrols a counter, for --expect-fingerprint)${previous.length ? `\nhanded over from ${previous.join(', ')}` : ''}`);
        return 0;
      }
      case 'rotate-key': {
        const out = await withRegistry(v, (home) => rotateTrustListKey(home.store, home.keyStore, now));
        const fingerprint = registryKeyFingerprint(out.keys.publicKey);
        if (v.json) printJson({ keyId: out.keys.keyId, fingerprint, previousKeyId: out.previousKeyId, trustListVersion: out.trustListVersion });
        else print(`new trust-list key ${fingerprint} (key id ${out.keys.keyId}), handed over from ${out.previousKeyId}; ${out.trustListVersion === null ? 'no trust list published yet' : `trust list version ${out.trustListVersion} re-signed for the terminals to move over`}`);
        return 0;
      }
      case 'enrolment-code': {
        const { code, expiresAt } = await withRegistry(v, ({ store }) => createEnrolmentCode(store, now));
        if (v.json) printJson({ code, expiresAt });
        else print(`${code}\n(one use, valid until ${expiresAt})`);
        return 0;
      }
      case 'terminals': {
        const list = await withRegistry(v, ({ store }) => store.listTerminals());
        if (v.json) printJson(list.map(({ publicKey: _k, ...t }) => t));
        else for (const t of list) print(`${t.id}  ${t.enrolledAt}  ${t.revokedAt ? `REVOKED ${t.revokedAt}` : 'active'}  ${t.name ?? ''}`);
        return 0;
      }
      case 'revoke': {
        const id = rest[0];
        if (!id) throw usageError('revoke needs a terminal id');
        const done = await withRegistry(v, ({ store }) => store.revokeTerminal(id, now.toISOString()));
        if (!done) throw new EidError('TERMINAL_NOT_FOUND', { terminalId: id });
        print(`revoked ${id}`);
        return 0;
      }
      case 'trust-publish': {
        if (rest.length === 0) throw usageError('trust-publish needs at least one file');
        const files = rest.map((f) => ({ name: basename(f), bytes: new Uint8Array(readFileSync(f)) }));
        const out = await withRegistry(v, ({ store, keyStore }) => publishTrustList(store, keyStore, files, now));
        if (v.json) printJson(out);
        else {
          for (const r of out.reports) print(`${r.source}: ${r.kind}, ${r.certificatesAdded} certificate(s), ${r.crlsAdded} CRL(s)${r.skipped ? `, ${r.skipped} skipped` : ''}`);
          print(`published trust list version ${out.version}: ${out.cscas} CSCA(s), ${out.crls} CRL(s)`);
        }
        return 0;
      }
      case 'records':
        return records(v);
      case 'flags': {
        const flags = await withRegistry(v, ({ store }) => store.listFlags(v.terminal));
        if (v.json) printJson(flags);
        else for (const f of flags) print(`${f.flaggedAt}  ${f.terminalId}  ${String(f.seq).padStart(6)}  ${f.kind}  ${f.resolvedAt ? `resolved ${f.resolvedAt}` : 'OPEN'}  ${f.detail}`);
        return 0;
      }
      default:
        throw usageError(`unknown subcommand ${sub}`);
    }
  },
};
