/**
 * Supervisor tools in the kiosk (issue 14, item 7): a fresh terminal makes its first supervisor on
 * screen; a clerk locked out by wrong PINs is told for how long and unlocked by the supervisor;
 * the preferred reader is chosen; a demo CSCA is imported with a warning and removed. The first
 * two in Vietnamese at 1024x768 and in English at 1920x1080 (on a fresh terminal of its own).
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import type { Lang } from '../../core/messages/catalogue.ts';
import { render } from '../../core/messages/render.ts';
import { ONE_SIZE_PER_LANGUAGE, assertOnlyLanguage, kioskForFile, openKiosk, screenName, showScreen, skipWithoutChromium as skip, ui, type Kiosk, type Screen, saveFullPage } from './kiosk-page.ts';

const DEMO_CSCA = fileURLToPath(new URL('../../certs/demo/demo-csca-vn.pem', import.meta.url));

const k = kioskForFile({ virtualLatencyMs: 0, sync: false });
const shot = (name: string) => saveFullPage(k.page, name);

async function unlockSettings(operator: string, pin: string, page: Page = k.page, lang: Lang = 'vi'): Promise<void> {
  await page.getByRole('button', { name: ui(lang, 'nav.settings') }).click();
  await page.getByTestId('settings-locked').waitFor();
  await page.locator('input[name=operator]').fill(operator);
  await page.locator('input[name=pin]').fill(pin);
  await page.getByRole('button', { name: ui(lang, 'pin.unlock') }).click();
  await page.getByTestId('settings').waitFor();
}

/** Vietnamese on the file's kiosk (the later tests go on from there), English on a fresh one. */
const english: { kiosk?: Kiosk } = {};
after(async () => english.kiosk?.close());
async function pageFor(screen: Screen): Promise<Page> {
  if (screen.lang === 'en' && !english.kiosk) {
    english.kiosk = await openKiosk({ virtualLatencyMs: 0, sync: false });
  }
  const page = screen.lang === 'vi' ? k.page : english.kiosk!.page;
  await showScreen(page, screen);
  return page;
}

for (const screen of ONE_SIZE_PER_LANGUAGE) {
  const { lang } = screen;
  const shoot = (name: string, page: Page) => (lang === 'vi' ? saveFullPage(page, name) : Promise.resolve());

  test(`${screenName(screen)}: first start: the supervisor is created on screen, and adds a clerk`, { skip }, async () => {
    const page = await pageFor(screen);
    await page.getByRole('button', { name: ui(lang, 'nav.settings') }).click();
    await page.getByTestId('first-supervisor').waitFor();
    await page.locator('input[name=operator]').fill('Mai');
    await page.locator('input[name=pin]').fill('9876');
    await page.locator('input[name=pinAgain]').fill('9875');
    await page.getByRole('button', { name: ui(lang, 'setup.action') }).click();
    await page.getByRole('alert').filter({ hasText: ui(lang, 'setup.pinMismatch') }).waitFor();
    await page.locator('input[name=pinAgain]').fill('9876');
    await assertOnlyLanguage(page, lang, 'first start');
    await shoot('21-first-supervisor', page);
    await page.getByRole('button', { name: ui(lang, 'setup.action') }).click();
    await page.getByTestId('settings').waitFor();
    await page.getByTestId('sign-out').filter({ hasText: 'Mai' }).waitFor();
    await page.locator('input[name=newOperator]').fill('Lan');
    await page.locator('input[name=newOperatorPin]').fill('1234');
    await page.getByRole('button', { name: ui(lang, 'operators.add') }).click();
    await page.locator('[data-testid=operator-row][data-name=Lan]').waitFor();
    assert.equal(await page.locator('[data-testid=operator-row][data-name=Mai] select').inputValue(), 'supervisor');
    assert.equal(await page.locator('[data-testid=operator-row][data-name=Lan] select').inputValue(), 'clerk');
  });

  test(`${screenName(screen)}: a clerk locked out is told for how long; the supervisor unlocks on screen`, { skip }, async () => {
    const page = await pageFor(screen);
    await page.getByTestId('sign-out').click();
    await page.getByRole('button', { name: ui(lang, 'nav.verify') }).click();
    await page.getByTestId('sign-in').waitFor();
    for (let i = 0; i < 5; i++) {
      await page.locator('input[name=operator]').fill('Lan');
      await page.locator('input[name=pin]').fill('0000');
      await page.getByRole('button', { name: ui(lang, 'signIn.action') }).click();
      await page.getByRole('alert').waitFor();
    }
    await page.getByRole('alert').filter({ hasText: render(lang, { code: 'OPERATOR_LOCKED', params: { minutes: 15 } }) }).waitFor();
    await assertOnlyLanguage(page, lang, 'a clerk locked out');
    await shoot('22-clerk-locked', page);
    await unlockSettings('Mai', '9876', page, lang);
    const row = page.locator('[data-testid=operator-row][data-name=Lan]');
    await row.filter({ hasText: ui(lang, 'operators.lockedUntil', { time: '' }).trim() }).waitFor();
    await row.getByRole('button', { name: ui(lang, 'operators.unlock') }).click();
    await row.filter({ hasText: ui(lang, 'operators.active') }).waitFor();
    await assertOnlyLanguage(page, lang, 'the operators');
    await shoot('23-operators', page);
    await page.getByRole('button', { name: ui(lang, 'nav.verify') }).click();
    await page.locator('input[name=operator]').fill('Lan');
    await page.locator('input[name=pin]').fill('1234');
    await page.getByRole('button', { name: ui(lang, 'signIn.action') }).click();
    await page.getByTestId('sign-out').filter({ hasText: 'Lan' }).waitFor();
  });
}

test('the preferred reader is chosen from the connected readers and kept', { skip }, async () => {
  await unlockSettings('Mai', '9876');
  const select = k.page.locator('select[name=reader]');
  const names = await select.locator('option').allTextContents();
  assert.equal(names[0], 'Tự chọn');
  assert.ok(names.length >= 2, 'the virtual reader is offered');
  await select.selectOption({ index: 1 });
  await k.page.getByTestId('settings-save').click();
  await k.page.getByTestId('settings-message').filter({ hasText: 'Đã lưu' }).waitFor();
  assert.equal((await k.kiosk.host.terminal.getSettings()).reader, names[1]);
});

test('a demo CSCA imported is flagged with a warning, and removed in two clicks', { skip }, async () => {
  await k.page.locator('input[type=file]').setInputFiles(DEMO_CSCA);
  await k.page.getByTestId('trust-demo-warning').filter({ hasText: 'CSCA demo' }).waitFor();
  const demo = k.page.getByTestId('trust-csca').filter({ hasText: 'DEMO' });
  await k.page.locator('.trust summary').filter({ hasText: 'VN' }).click();
  await demo.waitFor();
  await shot('24-trust-demo');
  await demo.getByRole('button', { name: 'Gỡ bỏ' }).click();
  await demo.getByRole('button', { name: 'Xác nhận gỡ bỏ' }).click();
  await k.page.getByTestId('trust-message').filter({ hasText: 'Đã gỡ khỏi kho tin cậy' }).waitFor();
  assert.equal((await k.kiosk.host.terminal.listTrust()).some((c) => c.demo), false);
});

test('a supervisor adjusts what the result screen shows, per profile', { skip }, async () => {
  const photo = k.page.locator('input[name=show-face]');
  assert.equal(await photo.isChecked(), true, "the bank profile's default shows the photo");
  await photo.uncheck();
  await k.page.locator('input[name=show-sex]').check();
  await k.page.getByTestId('settings-save').click();
  await settled(async () => {
    const shown = (await k.kiosk.host.terminal.getSettings()).displayFields;
    return !!shown?.includes('sex') && !shown.includes('face');
  });
  await k.page.getByRole('button', { name: 'Mặc định của hồ sơ mục đích' }).click();
  assert.equal(await photo.isChecked(), true);
  await k.page.getByTestId('settings-save').click();
  await settled(async () => (await k.kiosk.host.terminal.getSettings()).displayFields === null);
});

/** Waits until the terminal has what the screen saved (the "saved" note may stand from an earlier save). */
async function settled(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.fail('the terminal never had the saved settings');
}
