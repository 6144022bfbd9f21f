/**
 * The verdict banner says which check decided and what the clerk does now, differently for each
 * broken sample card, at 1024x768 and 1920x1080 in Vietnamese and English (the banner in view, no
 * text of the other language on screen); an expired but genuine document is not "origin not proven"; the import of
 * a CSCA is offered to supervisors only; a FAILED document's data and photo stay hidden until the
 * clerk asks, and are then marked untrustworthy.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Lang, UiKey } from '../../core/messages/catalogue.ts';
import { EVERY_SCREEN, assertBannerInView, assertOnlyLanguage, insertCard, kioskForFile, screenName, showScreen, skipWithoutChromium as skip, ui } from './kiosk-page.ts';

const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
const open = kioskForFile({ sync: false, virtualLatencyMs: 0, bootstrapSupervisor: { name: 'lan', pin: '2468' } }, { operator: { name: 'lan', pin: '2468' } });

async function read(card: string, lang: Lang = 'vi'): Promise<string> {
  await insertCard(open.page, card);
  await open.page.getByRole('button', { name: ui(lang, 'verify.start') }).click();
  return open.page.getByTestId('verdict').innerText();
}

const BROKEN: readonly [variant: string, reason: UiKey, action: UiKey][] = [
  ['cloned-chip', 'reason.clonedChip', 'action.refuseAskAnother'],
  ['tampered-dg', 'reason.alteredPhoto', 'action.refuseAskAnother'],
  ['revoked-ds', 'reason.revokedSigner', 'action.refuseWithdrawn'],
  ['dg1-dg13-mismatch', 'reason.mismatch', 'action.refuseAskAnother'],
  ['expired-document', 'reason.expired', 'action.askValidDocument'],
];

for (const screen of EVERY_SCREEN) {
  test(`${screenName(screen)}: each broken card gets its own reason and action in the banner, in view`, { skip }, async () => {
    await showScreen(open.page, screen);
    for (const [variant, reason, action] of BROKEN) {
      const banner = await read(`cccd-2021/${variant}`, screen.lang);
      assert.equal(await open.page.getByTestId('verdict-reason').innerText(), ui(screen.lang, reason), variant);
      assert.equal(await open.page.getByTestId('verdict-action').innerText(), ui(screen.lang, action), variant);
      assert.ok(!banner.includes(ui(screen.lang, 'verdict.NOT_VERIFIED.reason')), `${variant}: not "origin not proven"`);
      await assertBannerInView(open.page, screen);
      await assertOnlyLanguage(open.page, screen.lang, variant);
      if (screen.width === 1024 && variant === 'cloned-chip') await open.page.screenshot({ path: join(SHOTS, `${screen.lang === 'vi' ? 29 : 30}-cloned-chip-1024-${screen.lang}.png`) });
      if (screen.lang === 'vi' && screen.width === 1920 && variant === 'cloned-chip') await open.page.screenshot({ path: join(SHOTS, '13-cloned-chip.png') });
      if (screen.lang === 'vi' && screen.width === 1920 && variant === 'expired-document') await open.page.screenshot({ path: join(SHOTS, '14-expired.png') });
      await open.page.getByTestId('next-customer').click();
    }
  });
}

test('an unknown signer: check another way; the CSCA import is offered to a supervisor', { skip }, async () => {
  await showScreen(open.page, { lang: 'vi', width: 1280, height: 860 });
  const banner = await read('cccd-2021/unknown-csca');
  assert.match(banner, /Máy chưa biết cơ quan cấp/);
  assert.match(banner, /Kiểm tra giấy tờ bằng cách khác/);
  assert.match(banner, /Giám sát viên: .*CSCA/, 'lan is a supervisor');
  await open.page.getByTestId('next-customer').click();
});

test('a FAILED document hides the holder data and photo until shown anyway, then marks them untrustworthy', { skip }, async () => {
  await read('cccd-2021/tampered-dg');
  assert.equal(await open.page.getByTestId('holder').count(), 0);
  assert.equal(await open.page.getByTestId('face').count(), 0);
  await open.page.screenshot({ path: join(SHOTS, '15-failed-hidden.png') });
  await open.page.getByRole('button', { name: /Vẫn hiển thị/ }).click();
  await open.page.getByTestId('holder').waitFor();
  await open.page.getByTestId('face').waitFor();
  assert.match(await open.page.getByTestId('untrustworthy').innerText(), /KHÔNG ĐÁNG TIN CẬY/);
  await open.page.getByTestId('next-customer').click();
  await read('cccd-2021/tampered-dg');
  assert.equal(await open.page.getByTestId('holder').count(), 0, 'the next customer starts hidden again');
  await open.page.getByTestId('next-customer').click();
});
