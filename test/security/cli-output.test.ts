/**
 * Issue 15, rows 10 and 16: stored text never drives the administrator's terminal (escape
 * sequences stripped from every CLI output, JSON escaped), and a reader that goes away early
 * (`records list | head -2`) ends the command quietly.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../cli/main.ts';
import { sqliteRegistryFile } from '../../registry/open-store.ts';
import { SqliteRegistryStore } from '../../registry/store/sqlite-store.ts';
import { openStore } from '../../core/store/store.ts';
import { ALICE, tempDir, vnResult } from '../unit/store/fixtures.ts';
import { captureOutput } from '../helpers/cli-capture.ts';
import { SIGNED_RESULT_TYPE } from '../../core/registry-protocol/signed-result.ts';
import { TERMINAL_KEY_SET_FORMAT } from '../../core/registry-protocol/terminal-key-set.ts';

const BIN = fileURLToPath(new URL('../../bin/eid-terminal.js', import.meta.url));
/** OSC window title, clear screen, 8-bit CSI, a bidi override and a carriage return that hides the line start. */
const HOSTILE = '\u001b]0;pwned\u0007\u001b[2Jcounter\u009b31m\u202e\r7';
const TERMINAL_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

test('row 10: a terminal name full of escape sequences is printed without them by `registry terminals`', async () => {
  const dir = tempDir();
  try {
    const store = new SqliteRegistryStore(sqliteRegistryFile(dir));
    await store.createEnrolmentCode('h', '2026-01-01T00:00:00Z', '2099-01-01T00:00:00Z');
    await store.consumeEnrolmentCode('h', '2026-01-02T00:00:00Z', { id: 't-1', name: HOSTILE, publicKey: 'AAAA', enrolledAt: '2026-01-02T00:00:00Z', revokedAt: null });
    await store.close();
    const human = await captureOutput(() => main(['registry', 'terminals', '--data-dir', dir]));
    assert.equal(human.code, 0);
    assert.doesNotMatch(human.out, TERMINAL_CONTROL);
    assert.match(human.out, /counter/);
    const json = await captureOutput(() => main(['registry', 'terminals', '--json', '--data-dir', dir]));
    assert.doesNotMatch(json.out, TERMINAL_CONTROL);
    assert.equal((JSON.parse(json.out) as { name: string }[])[0]!.name, HOSTILE, 'JSON keeps the data, escaped');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('row 10: holder data from a hostile chip is printed without control characters by `records show` and `records list`', async () => {
  const dir = tempDir();
  try {
    const store = openStore({ dataDir: dir });
    const result = vnResult(ALICE);
    const { id } = store.write({ result: { ...result, document: { ...result.document!, vn: { ...result.document!.vn!, fullName: `${HOSTILE} Dương` } } }, context: { operator: 'counter' } });
    store.close();
    for (const args of [['show', id], ['list'], ['list', '--json'], ['show', id, '--json']]) {
      const { code, out } = await captureOutput(() => main(['records', ...args, '--data-dir', dir]));
      assert.equal(code, 0, args.join(' '));
      assert.doesNotMatch(out, TERMINAL_CONTROL, args.join(' '));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('row 16: `records list | head -1` ends quietly: no EPIPE stack trace', { timeout: 60_000 }, async () => {
  const dir = tempDir();
  try {
    const store = openStore({ dataDir: dir });
    store.writeMany(Array.from({ length: 1000 }, () => ({ result: vnResult(ALICE), context: { operator: 'counter' } })));
    store.close();
    const child = spawn(process.execPath, [BIN, 'records', 'list', '--limit', '1000', '--data-dir', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // Like head: read the first chunk, then close the pipe while the command is still writing.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    assert.equal(stderr, '', 'nothing on stderr');
    assert.equal(code, 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('row 10: a signed result whose key id is full of escape sequences is described without them by `result verify`', async () => {
  const dir = tempDir();
  try {
    const part = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
    const jws = `${part({ alg: 'EdDSA', typ: SIGNED_RESULT_TYPE, kid: HOSTILE })}.${part({ iss: HOSTILE })}.AAAA`;
    const keys = join(dir, 'keys.json');
    writeFileSync(keys, JSON.stringify({ format: TERMINAL_KEY_SET_FORMAT, issuedAt: '2026-01-01T00:00:00Z', keys: [] }));
    const result = join(dir, 'result.jws');
    writeFileSync(result, jws);
    for (const json of [[], ['--json']]) {
      const { out } = await captureOutput(() => main(['result', 'verify', result, '--keys', keys, ...json]));
      assert.match(out, /unknown/, json.join(' '));
      assert.doesNotMatch(out, TERMINAL_CONTROL, json.join(' '));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
