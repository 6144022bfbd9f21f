import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { command } from '../../../cli/commands/records.ts';
import { main } from '../../../cli/main.ts';
import { openStore } from '../../../core/store/store.ts';
import { ALICE, BOB, tempDir, vnResult } from './fixtures.ts';
import { captureOutput } from '../../helpers/cli-capture.ts';
import { messageText } from '../../../cli/output.ts';
import { warning } from '../../../core/messages/message.ts';

/** Runs `eid-terminal records ...` in-process and captures what it prints; `pins` are the PIN variables to set for the run. */
async function records(...args: (string | { pin?: string; byPin?: string })[]): Promise<{ code: number; out: string; err: string }> {
  const pins = (typeof args.at(-1) === 'object' ? args.pop() : {}) as { pin?: string; byPin?: string };
  const set = (name: string, value: string | undefined) => (value === undefined ? delete process.env[name] : (process.env[name] = value));
  set('EID_TERMINAL_PIN', pins.pin);
  set('EID_TERMINAL_BY_PIN', pins.byPin);
  try {
    return await captureOutput(() => main(['records', ...(args as string[])]));
  } finally {
    set('EID_TERMINAL_PIN', undefined);
    set('EID_TERMINAL_BY_PIN', undefined);
  }
}

function seed(dir: string): string[] {
  const store = openStore({ dataDir: dir });
  try {
    store.operators.add('Mai', 'supervisor', '2468', null);
    return [ALICE, BOB, ALICE].map((p, i) => store.write({ result: vnResult(p, i === 1 ? 'FAILED' : 'VERIFIED'), context: { operator: 'Mai', createdAt: new Date(Date.UTC(2026, 0, 10 + i)) } }).id);
  } finally {
    store.close();
  }
}

test('records list --json prints the records as a JSON array, newest first, with filters', async () => {
  const dir = tempDir();
  try {
    const ids = seed(dir);
    const all = await records('list', '--json', '--full', '--by', 'Mai', '--data-dir', dir, { byPin: '2468' });
    assert.equal(all.code, 0, all.err);
    const parsed = JSON.parse(all.out) as { id: string; verdict: string; personal: { fullName: string } }[];
    assert.deepEqual(parsed.map((r) => r.id), [...ids].reverse());
    assert.equal(parsed[0]!.personal.fullName, ALICE.fullName);
    const failed = JSON.parse((await records('list', '--json', '--verdict', 'FAILED', '--data-dir', dir)).out) as { id: string }[];
    assert.deepEqual(failed.map((r) => r.id), [ids[1]]);
    const byName = JSON.parse((await records('list', '--json', '--search', 'Dương', '--to', '2026-01-11', '--data-dir', dir)).out) as { id: string }[];
    assert.deepEqual(byName.map((r) => r.id), [ids[0]]);
    const page = await records('list', '--limit', '2', '--data-dir', dir);
    assert.match(page.out, /more: --before 1/);
    assert.equal(page.out.includes(ALICE.idNumber), false, 'the human list masks ID numbers');
    assert.match(page.out, /1234/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('records show prints one record, its warnings as sentences; an unknown id is a JSON error with exit 2', async () => {
  const dir = tempDir();
  try {
    const ids = seed(dir);
    const shown = await records('show', ids[1]!, '--data-dir', dir);
    assert.equal(shown.code, 0);
    assert.match(shown.out, /verdict\s+FAILED/);
    assert.match(shown.out, /dataGroupHashes\s+FAIL/);
    const withWarning = await records('show', ids[0]!, '--data-dir', dir);
    assert.ok(withWarning.out.includes(`warnings: ${messageText(warning('REVOCATION_UNKNOWN', { gap: 'no-crl' }))}`), withWarning.out);
    const missing = await records('show', '01900000-0000-7000-8000-000000000000', '--json', '--data-dir', dir);
    assert.equal(missing.code, 2);
    assert.equal(JSON.parse(missing.out).error.code, 'RECORD_NOT_FOUND');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('records export writes a 0600 file for a supervisor and refuses a wrong PIN', async () => {
  const dir = tempDir();
  try {
    seed(dir);
    const out = join(dir, 'audit.csv');
    const ok = await records('export', '--format', 'csv', '--operator', 'Mai', '--out', out, '--data-dir', dir, { pin: '2468' });
    assert.equal(ok.code, 0, ok.err);
    const csv = readFileSync(out, 'utf8');
    assert.equal(csv.trimEnd().split('\r\n').length, 4);
    assert.ok(csv.includes(BOB.fullName));
    if (process.platform !== 'win32') assert.equal(statSync(out).mode & 0o777, 0o600);
    await records('export', '--format', 'json', '--operator', 'Mai', '--search', ALICE.idNumber, '--out', join(dir, 'a.json'), '--data-dir', dir, { pin: '2468' });
    const audit = (await records('audit', '--data-dir', dir)).out;
    assert.match(audit, /Mai\s+export\s+\{"format":"json","count":2,"searched":true\}/);
    assert.match(audit, /Mai\s+export\s+\{"format":"csv","count":3\}/);
    assert.equal(audit.includes(ALICE.idNumber), false, 'the audit log does not repeat what was searched');
    const bad = await records('export', '--format', 'json', '--operator', 'Mai', '--json', '--data-dir', dir, { pin: '0000' });
    assert.equal(bad.code, 2);
    assert.equal(JSON.parse(bad.out).error.code, 'OPERATOR_AUTH_FAILED');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('records verify-chain exits 1 after tampering; a purge leaves a checkable chain', async () => {
  const dir = tempDir();
  try {
    const ids = seed(dir);
    const store = openStore({ dataDir: dir });
    store.outbox.acknowledge(ids);
    store.close();
    assert.equal((await records('verify-chain', '--data-dir', dir)).code, 0);
    // The CLI's clock moves only for tests (cli/clock.ts).
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'test';
    process.env.EID_TERMINAL_TEST_NOW = '2031-06-01T00:00:00Z';
    const purged = await records('purge', '--by', 'Mai', '--json', '--data-dir', dir, { byPin: '2468' });
    delete process.env.EID_TERMINAL_TEST_NOW;
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
    assert.deepEqual(JSON.parse(purged.out), { purged: 3, waiting: 0, neverSynced: 0 });
    const intact = JSON.parse((await records('verify-chain', '--json', '--data-dir', dir)).out);
    assert.equal(intact.ok, true);
    assert.equal(intact.tombstones, 3);

    const raw = new Database(join(dir, 'records.db'));
    assert.equal(raw.prepare("UPDATE records SET verdict = 'VERIFIED' WHERE seq = 1 AND verdict = 'FAILED'").run().changes, 1);
    raw.close();
    const broken = await records('verify-chain', '--data-dir', dir);
    assert.equal(broken.code, 1);
    assert.match(broken.out, /TAMPERING DETECTED/);
    assert.match(broken.out, /EDITED\s+#1/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('operators and settings need a supervisor once accounts exist', async () => {
  const dir = tempDir();
  try {
    assert.equal((await records('operator-add', 'Mai', '--role', 'supervisor', '--data-dir', dir, { pin: '2468' })).code, 0);
    const noAuth = await records('operator-add', 'Lan', '--role', 'clerk', '--json', '--data-dir', dir, { pin: '1357' });
    assert.equal(noAuth.code, 2);
    assert.equal((await records('operator-add', 'Lan', '--role', 'clerk', '--by', 'Mai', '--data-dir', dir, { pin: '1357', byPin: '2468' })).code, 0);
    const list = JSON.parse((await records('operators', '--json', '--data-dir', dir)).out) as { name: string; role: string }[];
    assert.deepEqual(list.map((o) => `${o.name}:${o.role}`), ['Lan:clerk', 'Mai:supervisor']);
    assert.equal((await records('settings', 'purposeProfile', 'hospital', '--by', 'Lan', '--data-dir', dir, { byPin: '1357' })).code, 2);
    assert.equal((await records('settings', 'purposeProfile', 'hospital', '--by', 'Mai', '--data-dir', dir, { byPin: '2468' })).code, 0);
    assert.equal(JSON.parse((await records('settings', '--json', '--data-dir', dir)).out).purposeProfile, 'hospital');
    assert.equal((await records('settings', 'purposeProfile', 'casino', '--by', 'Mai', '--data-dir', dir, { byPin: '2468' })).code, 2);
    const audit = JSON.parse((await records('audit', '--json', '--data-dir', dir)).out) as { actor: string; action: string; detail: Record<string, unknown> }[];
    assert.deepEqual(audit.map((e) => `${e.actor}:${e.action}`), ['Mai:setting-change', 'Mai:operator-add', 'Mai:operator-add']);
    assert.deepEqual(audit[0]!.detail, { key: 'purposeProfile' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the data folder also comes from EID_TERMINAL_DATA_DIR; bad usage exits 2', async () => {
  const dir = tempDir();
  const before = process.env.EID_TERMINAL_DATA_DIR;
  try {
    seed(dir);
    process.env.EID_TERMINAL_DATA_DIR = dir;
    assert.equal((JSON.parse((await records('list', '--json')).out) as unknown[]).length, 3);
    assert.equal((await records('list', '--limit', 'lots')).code, 2);
    assert.equal((await records('frobnicate')).code, 2);
    assert.equal(typeof command.summary, 'string');
  } finally {
    if (before === undefined) delete process.env.EID_TERMINAL_DATA_DIR;
    else process.env.EID_TERMINAL_DATA_DIR = before;
    rmSync(dir, { recursive: true, force: true });
  }
});
