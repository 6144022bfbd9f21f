/**
 * Idle clears (issue 14): a result left on screen clears itself after the configured time
 * (default 60 s) with a visible countdown, and a clerk with no activity is signed out after the
 * configured minutes, the countdown shown in the header. The page's clock is Playwright's.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { insertCard, openKiosk, skipWithoutChromium as skip, type Kiosk } from './kiosk-page.ts';

let kiosk: Kiosk;
let page: Page;

before(async () => {
  if (skip) return;
  kiosk = await openKiosk({ sync: false, virtualLatencyMs: 0, bootstrapSupervisor: { name: 'lan', pin: '2468' } }, (p) => p.clock.install());
  page = kiosk.page;
  await page.locator('input[name=operator]').fill('lan');
  await page.locator('input[name=pin]').fill('2468');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
});

after(async () => {
  if (!skip) await kiosk?.close();
});

test('a result clears itself after 60 s, counting down on screen', { skip }, async () => {
  await insertCard(page, /^Căn cước công dân gắn chip/);
  await page.getByRole('button', { name: 'Đọc thẻ' }).click();
  await page.getByTestId('verdict').waitFor();
  assert.match(await page.getByTestId('clears-in').innerText(), /Tự xoá sau 60 giây/);
  await page.clock.fastForward(30_000);
  await page.getByTestId('clears-in').filter({ hasText: /sau 30 giây/ }).waitFor();
  await page.clock.fastForward(31_000);
  await page.getByTestId('verdict').waitFor({ state: 'detached' });
  assert.deepEqual(await kiosk.host.terminal.getSessions(), [], 'closed on the terminal too');
});

test('a clerk with no activity is signed out after the configured minutes, with the countdown in the header', { skip }, async () => {
  await kiosk.host.terminal.updateSettings({ operator: 'lan', pin: '2468', settings: { idleSignOutMinutes: 2 } });
  await page.getByTestId('sign-out-in').filter({ hasText: /Tự đăng xuất sau [12]:\d\d/ }).waitFor();
  await page.clock.fastForward(60_000);
  await page.getByTestId('sign-out-in').filter({ hasText: /sau [01]:\d\d/ }).waitFor();
  await page.clock.fastForward(61_000);
  await page.getByTestId('sign-in').waitFor();
  assert.equal((await kiosk.host.terminal.getStatus()).operator, null);
});
