/**
 * The administrator's and the counter's commands as a person runs them: a registry started with
 * `registry serve`, a code from `registry enrolment-code`, `enrol`, records written by the
 * terminal store, `sync --once`, then `registry records`, `registry flags`, `registry revoke`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { openStore } from '../../../core/store/store.ts';
import { ALICE, vnResult } from '../../unit/store/fixtures.ts';
import { tempDir } from './registry-harness.ts';

const BIN = fileURLToPath(new URL('../../../bin/eid-terminal.js', import.meta.url));
const run = promisify(execFile);

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
}

test('registry serve, enrolment-code, enrol, sync --once, records, flags, revoke', async (t) => {
  const dir = tempDir('eid-reg-cli-');
  const registryDir = join(dir.path, 'registry');
  const terminalDir = join(dir.path, 'terminal');
  const server = spawn(process.execPath, [BIN, 'registry', 'serve', '--port', '0', '--data-dir', registryDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  t.after(() => {
    server.kill('SIGTERM');
    dir.remove();
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    server.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+) \(store: sqlite/.exec(out);
      if (m) resolve(m[1]!);
    });
    server.on('exit', (c) => reject(new Error(`registry serve exited ${c}`)));
  });

  const codeOut = await cli('registry', 'enrolment-code', '--json', '--data-dir', registryDir);
  assert.equal(codeOut.code, 0, codeOut.stderr);
  const { code } = JSON.parse(codeOut.stdout) as { code: string };
  assert.match(code, /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);

  const enrolled = await cli('enrol', url, code, '--name', 'quầy 3', '--json', '--data-dir', terminalDir);
  assert.equal(enrolled.code, 0, enrolled.stderr);
  const { terminalId } = JSON.parse(enrolled.stdout) as { terminalId: string };
  const reused = await cli('enrol', url, code, '--force', '--json', '--data-dir', terminalDir);
  assert.equal(reused.code, 2);
  assert.equal((JSON.parse(reused.stdout) as { error: { code: string } }).error.code, 'ENROLMENT_CODE_INVALID');

  const store = openStore({ dataDir: terminalDir });
  const written = [0, 1, 2].map(() => store.write({ result: vnResult(ALICE), context: { operator: 'clerk-1' } }));
  store.faceMatches.record(written[0]!.id, 'clerk-1', {
    outcome: 'DECIDED', decision: 'MATCH', score: 0.71, threshold: 0.62, model: 'human-3.3.6/faceres', activeCheck: 'PASSED', tellerDecision: 'MATCH', reason: null, teller: 'CONFIRMED',
  });
  store.close();

  const synced = await cli('sync', '--once', '--json', '--data-dir', terminalDir);
  assert.equal(synced.code, 0, synced.stderr);
  const round = JSON.parse(synced.stdout) as { acknowledged: number; trustList: string; status: { pending: number; connectivity: string } };
  assert.deepEqual([round.acknowledged, round.trustList, round.status.pending, round.status.connectivity], [4, 'none', 0, 'online'], 'three records and a face match');

  const records = await cli('registry', 'records', '--terminal', terminalId, '--json', '--data-dir', registryDir);
  const list = JSON.parse(records.stdout) as { seq: number; flags: string[]; payload: { verdict: string }; faceMatch: { decision: string; teller: string } | null }[];
  assert.deepEqual(list.map((r) => [r.seq, r.flags.length, r.payload.verdict, r.faceMatch?.decision ?? null, r.faceMatch?.teller ?? null]),
    [[0, 0, 'VERIFIED', 'MATCH', 'CONFIRMED'], [1, 0, 'VERIFIED', null, null], [2, 0, 'VERIFIED', null, null]]);
  const text = await cli('registry', 'records', '--terminal', terminalId, '--data-dir', registryDir);
  assert.match(text.stdout.split('\n')[0]!, /VERIFIED {2}- {2}face MATCH 0\.71\/0\.62 PASSED CONFIRMED$/);
  assert.match(text.stdout.split('\n')[1]!, /VERIFIED {2}- {2}-$/);
  const flags = await cli('registry', 'flags', '--json', '--data-dir', registryDir);
  assert.deepEqual(JSON.parse(flags.stdout), []);

  const terminals = await cli('registry', 'terminals', '--json', '--data-dir', registryDir);
  assert.deepEqual((JSON.parse(terminals.stdout) as { id: string; name: string }[]).map((x) => [x.id, x.name]), [[terminalId, 'quầy 3']]);
  assert.equal((await cli('registry', 'revoke', terminalId, '--data-dir', registryDir)).code, 0);
  const refused = await cli('sync', '--once', '--json', '--data-dir', terminalDir);
  assert.equal(refused.code, 2);
  assert.equal((JSON.parse(refused.stdout) as { error: { code: string } }).error.code, 'TERMINAL_REVOKED');

  const usage = await cli('registry', 'nonsense', '--data-dir', registryDir);
  assert.equal(usage.code, 2);
  assert.match(usage.stderr, /USAGE/);
});
