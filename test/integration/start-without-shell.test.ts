/**
 * `npm start` on a machine without the Electron binary and without a usable browser: one line
 * says what the terminal does instead, and nothing prints a stack trace (the electron package
 * would, when asked for its binary, try to download it and print the failure).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { electronBinary } from '../../cli/commands/start.ts';
import { RunningCli, stackTraceLines } from '../helpers/cli-process.ts';

function scratch(t: { after(fn: () => void): void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'eid-start-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

test('no Electron binary is found without asking the electron package to download it', (t) => {
  assert.equal(electronBinary({ ELECTRON_OVERRIDE_DIST_PATH: scratch(t) }), undefined);
});

test('npm start with no Electron and no browser prints the URL and how to open it, no stack trace', { timeout: 180_000 }, async (t) => {
  const dir = scratch(t);
  const env = { ELECTRON_OVERRIDE_DIST_PATH: join(dir, 'no-electron'), EID_TERMINAL_BROWSER: join(dir, 'no-browser') };
  const cli = new RunningCli(['--data-dir', join(dir, 'data'), '--no-pcsc'], { npmScript: 'start', env });
  t.after(() => cli.stop());
  await cli.waitFor(/Press Ctrl\+C to stop\./);
  await cli.stop(); // npm itself ends by the signal it passed on
  const lines = cli.output.trim().split('\n');
  assert.match(lines[0]!, /^http:\/\/127\.0\.0\.1:\d+\/\?code=[0-9a-f]+$/);
  assert.ok(lines.includes('Electron is not installed and no Chromium, Chrome or Edge was found: open the URL above in a web browser on this machine (paste it into the address bar). Press Ctrl+C to stop.'), cli.output);
  assert.deepEqual(stackTraceLines(cli.output), []);
});

test('a browser that cannot open a window is said in one line; the terminal keeps serving', { timeout: 180_000 }, async (t) => {
  const dir = scratch(t);
  const cli = new RunningCli(['start', '--data-dir', join(dir, 'data'), '--no-pcsc'], { env: { ELECTRON_OVERRIDE_DIST_PATH: dir, EID_TERMINAL_BROWSER: '/bin/false' } });
  t.after(() => cli.stop());
  await cli.waitFor(/false could not open a window: open the URL above in a browser on this machine\. Press Ctrl\+C to stop\./);
  assert.match(cli.output, /Electron is not installed: eID Terminal runs in a false app window instead\./);
  const [url] = await cli.waitFor(/http:\/\/127\.0\.0\.1:\d+\/\?code=[0-9a-f]+/);
  assert.equal((await fetch(url)).status, 200);
  assert.equal(await cli.stop(), 0);
  assert.deepEqual(stackTraceLines(cli.output), []);
});
