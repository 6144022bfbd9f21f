/**
 * Issue 15, rows 2 and 14, in the browser: the kiosk page opened on its one-time address ends on
 * the bare origin (no code, no token in the address bar), reaches the API and the event socket
 * with its cookie alone, and its WebSocket URL carries no secret. Chromium enforces the served
 * CSP here, so a policy that blocked the page's own calls would fail too.
 */
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openKiosk, skipWithoutChromium as skip, type Kiosk } from '../e2e/kiosk-page.ts';
import { forwardingPage } from '../../cli/browser.ts';

let kiosk: Kiosk | undefined;
const sockets: string[] = [];
const violations: string[] = [];
before(async () => {
  if (skip) return;
  kiosk = await openKiosk({ sync: false, virtualLatencyMs: 0 }, async (page) => {
    page.on('websocket', (ws) => sockets.push(ws.url()));
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
  });
});
after(async () => {
  await kiosk?.close();
});

test('the page ends on the bare origin and talks to the terminal with its cookie only', { skip }, async () => {
  const { page, service } = kiosk!;
  await page.getByTestId('status-reader').waitFor();
  assert.equal(page.url(), `${service.origin}/`);
  assert.ok(sockets.length > 0, 'the event socket was opened');
  for (const url of sockets) assert.equal(url, `ws://127.0.0.1:${service.port}/events`);
  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name === `eid-terminal-${service.port}`);
  assert.deepEqual([session?.httpOnly, session?.sameSite], [true, 'Strict']);
  assert.equal(await page.evaluate(() => document.cookie), '', 'the page cannot read its cookie');
  assert.equal(await page.evaluate(() => JSON.stringify(sessionStorage) + JSON.stringify(localStorage)).then((s) => s.includes(service.token)), false);
  assert.deepEqual(violations, []);
});

test('the app window\'s first page, a private file, forwards to the one-time address and the kiosk opens', { skip }, async (t) => {
  const { page, service } = kiosk!;
  const dataDir = mkdtempSync(join(tmpdir(), 'eid-forwarding-'));
  t.after(() => rmSync(dataDir, { recursive: true, force: true }));
  const window = await page.context().browser()!.newPage(); // a browser without the cookie, as at start
  try {
    await window.goto(forwardingPage(service.openUrl(), dataDir));
    await window.waitForURL(`${service.origin}/`);
    await window.getByTestId('status-reader').waitFor();
  } finally {
    await window.close();
  }
});
