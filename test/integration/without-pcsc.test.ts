/**
 * A machine without the PC/SC binding (the optional `smartcard` package did not build for want of
 * the PC/SC development files): `readers` says in one sentence how to enable real readers, `read`
 * fails with PCSC_UNAVAILABLE and no stack trace, and the terminal serves its UI and verifies a
 * sample card on the virtual reader. Here a preload makes the installed binding unloadable;
 * scripts/check-install-without-pcsc.ts runs this file in a copy installed without the headers.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pcscEnableCommand } from '../../native/pcsc-errors.ts';
import { RunningCli, runCli, stackTraceLines } from '../helpers/cli-process.ts';
import { redeemPageUrl } from '../helpers/page-session.ts';

const noBinding = { withoutBinding: true } as const;
const SPECIMEN_MRZ = 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10';

test('readers: one sentence in the shell language naming the command that enables real readers', () => {
  const en = runCli(['readers'], { ...noBinding, env: { LANG: 'en_US.UTF-8', LC_ALL: '' } });
  assert.equal(en.status, 0, en.stderr);
  assert.deepEqual(en.stdout.trim().split('\n'), [`Real card readers need the PC/SC binding (npm package smartcard), which is not installed here; to enable it, run: ${pcscEnableCommand()}`]);
  const vi = runCli(['readers'], { ...noBinding, env: { LANG: 'vi_VN.UTF-8', LC_ALL: '' } });
  assert.match(vi.stdout.trim(), new RegExp(`^Đầu đọc thẻ thật cần thành phần PC/SC .*${pcscEnableCommand().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  const json = JSON.parse(runCli(['readers', '--json'], noBinding).stdout) as { readers: unknown[]; note: { code: string } };
  assert.deepEqual([json.readers, json.note.code], [[], 'PCSC_UNAVAILABLE']);
  assert.deepEqual(stackTraceLines(en.stdout + en.stderr + vi.stdout + vi.stderr), []);
});

test('read: exit 2 with PCSC_UNAVAILABLE, never a stack trace', () => {
  const human = runCli(['read', '--mrz', SPECIMEN_MRZ, '--no-store'], noBinding);
  assert.equal(human.status, 2);
  assert.match(human.stderr, /^error \[PCSC_UNAVAILABLE\]: Real card readers need the PC\/SC binding/m);
  assert.deepEqual(stackTraceLines(human.stdout + human.stderr), []);
  const json = runCli(['read', '--mrz', SPECIMEN_MRZ, '--no-store', '--json'], noBinding);
  assert.equal(json.status, 2);
  assert.equal((JSON.parse(json.stdout) as { error: { code: string } }).error.code, 'PCSC_UNAVAILABLE');
});

test('serve: the terminal runs on its virtual reader and verifies a sample card', { timeout: 180_000 }, async (t) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'eid-no-pcsc-'));
  t.after(() => rmSync(dataDir, { recursive: true, force: true }));
  const cli = new RunningCli(['serve', '--no-browser', '--data-dir', dataDir], noBinding);
  t.after(() => cli.stop());
  const [url] = await cli.waitFor(/http:\/\/127\.0\.0\.1:\d+\/\?code=[0-9a-f]+/);
  const { call } = await redeemPageUrl(url);
  const status = await call<{ pcscAvailable: boolean; readers: { virtual: boolean }[] }>('getStatus', {});
  assert.equal(status.pcscAvailable, false);
  assert.ok(status.readers.some((r) => r.virtual));
  const [card] = await call<{ profile: string; variant: string | null; key: unknown }[]>('listDemoCards', {});
  assert.ok(card);
  await call('insertDemoCard', { profile: card.profile, variant: card.variant });
  await call('startVerification', { reader: null, key: card.key });
  let records: { verdict: string }[] = [];
  for (const deadline = Date.now() + 60_000; records.length === 0 && Date.now() < deadline;) {
    await new Promise((r) => setTimeout(r, 200));
    ({ records } = await call<{ records: { verdict: string }[] }>('listRecords', {}));
  }
  assert.equal(records[0]?.verdict, 'VERIFIED');
  assert.equal(await cli.stop(), 0);
  assert.match(cli.output, /PC\/SC: Real card readers need the PC\/SC binding/);
  assert.deepEqual(stackTraceLines(cli.output), []);
});
