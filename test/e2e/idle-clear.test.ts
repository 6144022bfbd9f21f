/**
 * Idle clears (issue 14): a result left on screen clears itself after the configured time
 * (default 60 s) with a visible countdown, and a clerk with no activity is signed out after the
 * configured minutes, the countdown shown in the header. The page's clock is Playwright's.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { insertCard, kioskForFile, skipWithoutChromium as skip } from './kiosk-page.ts';

const open = kioskForFile({ sync: false, virtualLatencyMs: 0, bootstrapSupervisor: { name: 'lan', pin: '2468' } }, { prepare: (p) => p.clock.install(), operator: { name: 'lan', pin: '2468' } });

test('a result clears itself after 60 s, counting down on screen', { skip }, async () => {
  await insertCard(open.page, 'cccd-2021');
  await open.page.getByRole('button', { name: 'Đọc thẻ' }).click();
  await open.page.getByTestId('verdict').waitFor();
  assert.match(await open.page.getByTestId('clears-in').innerText(), /Tự xoá sau 60 giây/);
  await open.page.clock.fastForward(30_000);
  await open.page.getByTestId('clears-in').filter({ hasText: /sau 30 giây/ }).waitFor();
  await open.page.clock.fastForward(31_000);
  await open.page.getByTestId('verdict').waitFor({ state: 'detached' });
  assert.deepEqual(await open.kiosk.host.terminal.getSessions(), [], 'closed on the terminal too');
});

test('a clerk with no activity is signed out after the configured minutes, with the countdown in the header', { skip }, async () => {
  await open.kiosk.host.terminal.updateSettings({ operator: 'lan', pin: '2468', settings: { idleSignOutMinutes: 2 } });
  await open.page.getByTestId('sign-out-in').filter({ hasText: /Tự đăng xuất sau [12]:\d\d/ }).waitFor();
  await open.page.clock.fastForward(60_000);
  await open.page.getByTestId('sign-out-in').filter({ hasText: /sau [01]:\d\d/ }).waitFor();
  await open.page.clock.fastForward(61_000);
  await open.page.getByTestId('sign-in').waitFor();
  assert.equal((await open.kiosk.host.terminal.getStatus()).operator, null);
});
