/**
 * The verdict is always in view (issue 14): at 1024x768, 1366x768 and 1920x1080 the banner, with
 * the photo beside it, is inside the viewport when the result appears, when focus is on "Next
 * customer", and when the clerk has scrolled to the end of the checks; in Vietnamese and English,
 * with no text of the other language on screen.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertOnlyLanguage, insertCard, kioskForFile, screenName, showScreen, skipWithoutChromium as skip, ui } from './kiosk-page.ts';

const open = kioskForFile({ sync: false, virtualLatencyMs: 0 });
const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));

async function assertInView(size: { width: number; height: number }, when: string): Promise<void> {
  const banner = await open.page.getByTestId('verdict').boundingBox();
  const photo = await open.page.getByTestId('face').boundingBox();
  assert.ok(banner && photo, when);
  const inside = (b: { x: number; y: number; width: number; height: number }) => b.y >= 0 && b.y + b.height <= size.height && b.x >= 0 && b.x + b.width <= size.width;
  assert.ok(inside(banner), `banner ${JSON.stringify(banner)} in ${size.width}x${size.height} ${when}`);
  assert.ok(inside(photo), `photo ${JSON.stringify(photo)} in ${size.width}x${size.height} ${when}`);
  assert.ok(photo.x + photo.width <= banner.x && photo.y < banner.y + banner.height, `the photo is beside the banner ${when}`);
}

const SIZES = [{ width: 1024, height: 768 }, { width: 1366, height: 768 }, { width: 1920, height: 1080 }];
for (const screen of (['vi', 'en'] as const).flatMap((lang) => SIZES.map((size) => ({ lang, ...size })))) {
  const size = { width: screen.width, height: screen.height };
  test(`${screenName(screen)}: the banner and the photo stay in view`, { skip }, async () => {
    await showScreen(open.page, screen);
    await insertCard(open.page, 'cccd-2021');
    await open.page.getByRole('button', { name: ui(screen.lang, 'verify.start') }).click();
    await open.page.getByTestId('verdict').waitFor();
    await assertInView(size, 'when shown');
    await open.page.locator('details.checks summary').click();
    await open.page.getByTestId('next-customer').focus();
    await assertInView(size, 'with focus on Next customer');
    await open.page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await assertInView(size, 'scrolled to the end');
    await assertOnlyLanguage(open.page, screen.lang, 'the result, checks open');
    if (screen.width === 1024 && screen.height === 768) await open.page.screenshot({ path: join(SHOTS, `${screen.lang === 'vi' ? 33 : 34}-verified-1024-${screen.lang}.png`) });
    await open.page.getByTestId('next-customer').click();
  });
}
