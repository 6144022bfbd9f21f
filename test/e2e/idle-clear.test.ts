/**
 * Idle clears (issue 14): a result left on screen clears itself after the configured time
 * (default 60 s) with a visible countdown, and a clerk with no activity is signed out after the
 * configured minutes, the countdown shown in the header. In Vietnamese at 1024x768 and in English
 * at 1920x1080. The page's clock is Playwright's.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ONE_SIZE_PER_LANGUAGE, assertOnlyLanguage, insertCard, kioskForFile, screenName, showScreen, signIn, skipWithoutChromium as skip, ui } from './kiosk-page.ts';

const open = kioskForFile({ sync: false, virtualLatencyMs: 0, bootstrapSupervisor: { name: 'lan', pin: '2468' } }, { prepare: (p) => p.clock.install(), operator: { name: 'lan', pin: '2468' } });

for (const screen of ONE_SIZE_PER_LANGUAGE) {
  const { lang } = screen;

  test(`${screenName(screen)}: a result clears itself after 60 s, counting down on screen`, { skip }, async () => {
    await showScreen(open.page, screen);
    if (await open.page.getByTestId('sign-in').isVisible()) await signIn(open.page, 'lan', '2468', lang);
    await insertCard(open.page, 'cccd-2021');
    await open.page.getByRole('button', { name: ui(lang, 'verify.start') }).click();
    await open.page.getByTestId('verdict').waitFor();
    assert.equal(await open.page.getByTestId('clears-in').innerText(), ui(lang, 'idle.clearsIn', { seconds: 60 }));
    await open.page.clock.fastForward(30_000);
    await open.page.getByTestId('clears-in').filter({ hasText: ui(lang, 'idle.clearsIn', { seconds: 30 }) }).waitFor();
    await assertOnlyLanguage(open.page, lang, 'a result counting down');
    await open.page.clock.fastForward(31_000);
    await open.page.getByTestId('verdict').waitFor({ state: 'detached' });
    assert.deepEqual(await open.kiosk.host.terminal.getSessions(), [], 'closed on the terminal too');
  });

  test(`${screenName(screen)}: a clerk with no activity is signed out after the configured minutes, with the countdown in the header`, { skip }, async () => {
    await open.kiosk.host.terminal.updateSettings({ operator: 'lan', pin: '2468', settings: { idleSignOutMinutes: 2 } });
    await open.page.keyboard.press('Shift'); // the clerk's last activity: the countdown starts again from here
    const countdown = (time: RegExp) => new RegExp(`^${ui(lang, 'idle.signOutIn', { time: '@' }).replace('@', time.source)}$`);
    await open.page.getByTestId('sign-out-in').filter({ hasText: countdown(/[12]:\d\d/) }).waitFor();
    await open.page.clock.fastForward(60_000);
    await open.page.getByTestId('sign-out-in').filter({ hasText: countdown(/[01]:\d\d/) }).waitFor();
    await open.page.clock.fastForward(61_000);
    await open.page.getByTestId('sign-in').waitFor();
    assert.equal((await open.kiosk.host.terminal.getStatus()).operator, null);
  });
}
