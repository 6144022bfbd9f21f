/**
 * Issue 15, row 1: another local user must get nothing from the registry's data folder. The
 * folder is 0700 and its files (database, -wal, -shm, keys) 0600 whatever the umask; the trust-list
 * signing key lives in a 0600 key file behind SigningKeyStore, never in the database; personal
 * fields of stored records are sealed with a data key kept outside the database; an existing
 * database (key in `settings`, personal data in clear) is migrated on open, for SQLite and PostgreSQL.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { fileURLToPath } from 'node:url';
import { generateEd25519KeyPair } from '../../core/crypto/node-crypto.ts';
import { toBase64 } from '../../core/bytes/base64.ts';
import { isEidError } from '../../core/errors.ts';
import { startRegistry, type RunningRegistry } from '../../registry/start.ts';
import { openRegistry } from '../../registry/open-store.ts';
import { ALICE } from '../unit/store/fixtures.ts';
import { makeRecords } from '../../fixtures/sync/memory-outbox.ts';
import { chainHash } from '../../core/registry-protocol/record-chain.ts';
import { enrolTestTerminal, tempDir } from '../integration/registry/registry-harness.ts';
import { startTestPostgres } from '../integration/registry/postgres-server.ts';
import { main } from '../../cli/main.ts';
import { captureOutput } from '../helpers/cli-capture.ts';

const posix = process.platform !== 'win32';
const SECRETS = [ALICE.fullName, ALICE.idNumber, 'Số 1 Phố Huế'];

/** A record of the payload chain that carries personal fields, as a hospital profile sends them. */
function personalRecords(n: number): Record<string, unknown>[] {
  let prev = '0'.repeat(64);
  return makeRecords(n).map((r) => {
    const body: Record<string, unknown> = { ...r, prevHash: prev, personal: { fullName: ALICE.fullName, idNumber: ALICE.idNumber, placeOfResidence: 'Số 1 Phố Huế' } };
    delete body.hash;
    const hash = chainHash(prev, body);
    prev = hash;
    return { ...body, hash };
  });
}

function bytesOf(dir: string): Buffer {
  return Buffer.concat(readdirSync(dir).filter((f) => statSync(join(dir, f)).isFile()).map((f) => readFileSync(join(dir, f))));
}

function modes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, rel: string) => {
    out[rel || '.'] = (statSync(d).mode & 0o777).toString(8);
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p, rel ? `${rel}/${f}` : f);
      else out[rel ? `${rel}/${f}` : f] = (statSync(p).mode & 0o777).toString(8);
    }
  };
  walk(dir, '');
  return out;
}

test('row 1: folder 0700 and every file 0600 under umask 022; no signing key and no personal data in the database files', { skip: !posix }, async () => {
  const dir = tempDir('eid-sec-rest-');
  const umask = process.umask(0o022);
  let registry: RunningRegistry | undefined;
  try {
    registry = await startRegistry({ dataDir: dir.path, port: 0 });
    const term = await enrolTestTerminal(registry);
    const answer = await term.client().pushBatch({ terminalNow: new Date().toISOString(), records: personalRecords(3) });
    assert.deepEqual(answer.results.map((r) => r.status), ['stored', 'stored', 'stored']);
    const registryDir = join(dir.path, 'registry');
    assert.ok(existsSync(join(registryDir, 'registry.sqlite-wal')), 'the WAL is there to be checked');
    for (const [path, mode] of Object.entries(modes(registryDir))) assert.equal(mode, statSync(join(registryDir, path)).isDirectory() ? '700' : '600', path);

    const signingKey = readFileSync(join(registryDir, 'keys', 'trust-list-signing.key'), 'utf8');
    const privateKey = (JSON.parse(signingKey) as { privateKey: string }).privateKey;
    const db = bytesOf(registryDir);
    const raw = db.toString('latin1');
    for (const secret of SECRETS) assert.equal(db.includes(Buffer.from(secret)), false, `${secret} in the database files`);
    assert.equal(raw.includes(privateKey), false, 'no private key in the database files');
    assert.equal(db.includes(Buffer.from(privateKey, 'base64').subarray(16)), false, 'no private key bytes in the database files');

    // The administrator still reads the records in full.
    const listed = await captureOutput(() => main(['registry', 'records', '--json', '--data-dir', dir.path]));
    const payloads = (JSON.parse(listed.out) as { payload: { personal: { fullName: string } } }[]).map((r) => r.payload.personal.fullName);
    assert.deepEqual(payloads, [ALICE.fullName, ALICE.fullName, ALICE.fullName]);
  } finally {
    process.umask(umask);
    await registry?.close();
    dir.remove();
  }
});

test('row 1: a signing key file others can read is refused', { skip: !posix }, async () => {
  const dir = tempDir('eid-sec-rest-');
  try {
    await (await startRegistry({ dataDir: dir.path, port: 0 })).close();
    chmodSync(join(dir.path, 'registry', 'keys', 'trust-list-signing.key'), 0o644);
    const published = await captureOutput(() => main(['registry', 'rotate-key', '--json', '--data-dir', dir.path]));
    assert.equal(JSON.parse(published.out).error.code, 'KEY_FILE_INSECURE');
    chmodSync(join(dir.path, 'registry', 'keys', 'trust-list-signing.key'), 0o600);
    chmodSync(join(dir.path, 'registry', 'keys', 'data.key'), 0o640);
    await assert.rejects(startRegistry({ dataDir: dir.path, port: 0 }), (e) => isEidError(e, 'KEY_FILE_INSECURE'));
  } finally {
    dir.remove();
  }
});

/** What a registry of the previous version left: the signing key in `settings`, personal fields in clear. */
const LEGACY_KEY = generateEd25519KeyPair();
const LEGACY_RECORD = personalRecords(1)[0]!;
const LEGACY_SETTING = JSON.stringify({ privateKey: toBase64(LEGACY_KEY.privateKeyDer), publicKey: toBase64(LEGACY_KEY.spkiDer) });

test('row 1: an existing SQLite registry is migrated: key to its file, personal fields sealed, nothing left in the files', { skip: !posix }, async () => {
  const dir = tempDir('eid-sec-legacy-');
  try {
    const registryDir = join(dir.path, 'registry');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(registryDir, { recursive: true, mode: 0o755 });
    const legacy = new Database(join(registryDir, 'registry.sqlite'));
    legacy.pragma('journal_mode = WAL');
    legacy.exec(readFileSync(fileURLToPath(new URL('../../registry/store/migrations/sqlite/001_init.sql', import.meta.url)), 'utf8'));
    legacy.exec("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL); INSERT INTO schema_migrations VALUES (1, '001_init.sql', '2026-01-01')");
    legacy.prepare('INSERT INTO settings VALUES (?, ?)').run('registry.signingKey', LEGACY_SETTING);
    legacy.prepare("INSERT INTO terminals VALUES ('t-1', 'counter', 'x', '2026-01-01', NULL)").run();
    legacy.prepare(`INSERT INTO records VALUES (?, 't-1', 0, ?, '2026-01-02T00:00:00.000Z', 0, ?, ?, '[]', ?)`)
      .run(LEGACY_RECORD.id, LEGACY_RECORD.terminalTime, LEGACY_RECORD.prevHash, LEGACY_RECORD.hash, JSON.stringify(LEGACY_RECORD));
    legacy.close();
    chmodSync(join(registryDir, 'registry.sqlite'), 0o644);

    const home = await openRegistry({ dataDir: dir.path });
    try {
      assert.equal(home.keys.keyId, (await import('../../core/registry-protocol/registry-key.ts')).registryKeyId(LEGACY_KEY.spkiDer), 'the key terminals pinned stays the current one');
      assert.equal(await home.store.getSetting('registry.signingKey'), undefined);
      const [stored] = await home.store.queryRecords({ limit: 10 });
      assert.equal(home.personal.payloadOf(stored!), JSON.stringify(LEGACY_RECORD), 'the payload reads back exactly as the terminal sent it');
    } finally {
      await home.store.close();
    }
    const db = bytesOf(registryDir);
    for (const secret of SECRETS) assert.equal(db.includes(Buffer.from(secret)), false, `${secret} left in the database files`);
    assert.equal(db.includes(Buffer.from(toBase64(LEGACY_KEY.privateKeyDer))), false, 'the old key left the database files');
    assert.equal(statSync(join(registryDir, 'registry.sqlite')).mode & 0o777, 0o600);
    assert.equal(statSync(registryDir).mode & 0o777, 0o700);
  } finally {
    dir.remove();
  }
});

test('row 1: an existing PostgreSQL registry is migrated the same way', async (t) => {
  const server = await startTestPostgres();
  if (!server) return t.skip(process.env.CI ? undefined : 'PostgreSQL is not installed');
  const dir = tempDir('eid-sec-pg-');
  try {
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    await client.query(readFileSync(fileURLToPath(new URL('../../registry/store/migrations/postgres/001_init.sql', import.meta.url)), 'utf8'));
    await client.query("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL); INSERT INTO schema_migrations VALUES (1, '001_init.sql', now())");
    await client.query('INSERT INTO settings VALUES ($1, $2)', ['registry.signingKey', LEGACY_SETTING]);
    await client.query("INSERT INTO terminals VALUES ('t-1', 'counter', 'x', now(), NULL)");
    await client.query("INSERT INTO records VALUES ($1, 't-1', 0, $2, now(), 0, $3, $4, '[]', $5)",
      [LEGACY_RECORD.id, LEGACY_RECORD.terminalTime, LEGACY_RECORD.prevHash, LEGACY_RECORD.hash, JSON.stringify(LEGACY_RECORD)]);
    const home = await openRegistry({ dataDir: dir.path, postgresUrl: server.url });
    try {
      const [stored] = await home.store.queryRecords({ limit: 10 });
      assert.equal(home.personal.payloadOf(stored!), JSON.stringify(LEGACY_RECORD));
    } finally {
      await home.store.close();
    }
    const settings = (await client.query('SELECT key, value FROM settings')).rows as { key: string; value: string }[];
    assert.equal(settings.some((s) => s.value.includes(toBase64(LEGACY_KEY.privateKeyDer))), false, 'no private key in the database');
    const payloads = (await client.query('SELECT payload FROM records')).rows as { payload: string }[];
    for (const secret of SECRETS) assert.equal(payloads.some((p) => p.payload.includes(secret)), false, `${secret} in clear`);
    await client.end();
  } finally {
    server.stop();
    dir.remove();
  }
});
