/**
 * A QR code that is not the chip's (issue 14, item 4): the card opens with the QR code's number
 * and birth date, but its name and sex are another person's; the banner says so with its action
 * (the verdict stays) and the warnings name both differences; at 1024x768 and 1920x1080, in
 * Vietnamese and English.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDocument } from '../../core/chip/factory/build-document.ts';
import type { CalendarDate } from '../../core/mrz/index.ts';
import { warning } from '../../core/messages/message.ts';
import { render } from '../../core/messages/render.ts';
import { EVERY_SCREEN, assertAccessible, assertBannerInView, assertOnlyLanguage, insertCard, kioskForFile, screenName, showScreen, skipWithoutChromium as skip, ui, saveFullPage } from './kiosk-page.ts';

const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));

const k = kioskForFile({ virtualLatencyMs: 0, sync: false });

const dmy = (d: CalendarDate) => `${String(d.day).padStart(2, '0')}${String(d.month).padStart(2, '0')}${d.year}`;

for (const screen of EVERY_SCREEN) {
  test(`${screenName(screen)}: a QR code with another name and sex than the chip is warned about, in the banner and field by field`, { skip }, async () => {
    const page = k.page;
    await showScreen(page, screen);
    const { holder } = buildDocument('cccd-2021');
    const otherSex = holder.sex === 'M' ? 'Nữ' : 'Nam'; // the QR code's own words, as printed
    const qr = [holder.idNumber, '', 'Phạm Văn Khác', dmy(holder.dateOfBirth), otherSex, holder.placeOfResidence, dmy(holder.dateOfIssue)].join('|');
    await insertCard(page, 'cccd-2021');
    await page.getByRole('tab', { name: ui(screen.lang, 'key.qr') }).click();
    await page.locator('[name=qr]').fill(qr);
    await page.getByRole('button', { name: ui(screen.lang, 'verify.start') }).click();
    await page.getByTestId('verdict').waitFor({ timeout: 30_000 });
    assert.equal(await page.getByTestId('verdict').locator('strong').innerText(), ui(screen.lang, 'verdict.VERIFIED'), 'the chip is genuine: the verdict stays');
    const entered = await page.getByTestId('verdict-entered').innerText();
    assert.ok(entered.includes(ui(screen.lang, 'reason.enteredMismatch.qr')) && entered.includes(ui(screen.lang, 'action.checkPersonAndDocument')), entered);
    await assertBannerInView(page, screen);
    const warnings = await page.getByTestId('warnings').innerText();
    const says = (field: 'name' | 'sex' | 'dateOfBirth' | 'number') => warnings.includes(render(screen.lang, warning('ENTERED_DATA_MISMATCH', { source: 'qr', field })));
    assert.ok(says('name') && says('sex'), warnings);
    assert.ok(!says('dateOfBirth') && !says('number'), warnings);
    await assertOnlyLanguage(page, screen.lang, 'QR/chip mismatch');
    if (screen.width === 1024) await assertAccessible(page, `the QR/chip mismatch (${screenName(screen)})`);
    if (screen.width === 1024) await page.screenshot({ path: join(SHOTS, `${screen.lang === 'vi' ? 31 : 32}-qr-mismatch-1024-${screen.lang}.png`) });
    if (screen.lang === 'vi' && screen.width === 1920) await saveFullPage(page, '25-qr-mismatch');
    await page.getByTestId('next-customer').click();
  });
}
