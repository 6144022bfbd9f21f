/**
 * The verdict is always in view (issue 14): at 1024x768, 1366x768 and 1920x1080 the banner, with
 * the photo beside it, is inside the viewport when the result appears, when focus is on "Next
 * customer", and when the clerk has scrolled to the end of the checks.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { insertCard, openKiosk, skipWithoutChromium as skip, type Kiosk } from './kiosk-page.ts';

let kiosk: Kiosk;
let page: Page;

before(async () => {
  if (skip) return;
  kiosk = await openKiosk({ sync: false, virtualLatencyMs: 0 });
  page = kiosk.page;
});

after(async () => {
  if (!skip) await kiosk?.close();
});

async function assertInView(size: { width: number; height: number }, when: string): Promise<void> {
  const banner = await page.getByTestId('verdict').boundingBox();
  const photo = await page.getByTestId('face').boundingBox();
  assert.ok(banner && photo, when);
  const inside = (b: { x: number; y: number; width: number; height: number }) => b.y >= 0 && b.y + b.height <= size.height && b.x >= 0 && b.x + b.width <= size.width;
  assert.ok(inside(banner), `banner ${JSON.stringify(banner)} in ${size.width}x${size.height} ${when}`);
  assert.ok(inside(photo), `photo ${JSON.stringify(photo)} in ${size.width}x${size.height} ${when}`);
  assert.ok(photo.x + photo.width <= banner.x && photo.y < banner.y + banner.height, `the photo is beside the banner ${when}`);
}

for (const size of [{ width: 1024, height: 768 }, { width: 1366, height: 768 }, { width: 1920, height: 1080 }]) {
  test(`at ${size.width}x${size.height} the banner and the photo stay in view`, { skip }, async () => {
    await page.setViewportSize(size);
    await insertCard(page, /^Căn cước công dân gắn chip/);
    await page.getByRole('button', { name: 'Đọc thẻ' }).click();
    await page.getByTestId('verdict').waitFor();
    await assertInView(size, 'when shown');
    await page.locator('details.checks summary').click();
    await page.getByTestId('next-customer').focus();
    await assertInView(size, 'with focus on Next customer');
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await assertInView(size, 'scrolled to the end');
    await page.getByTestId('next-customer').click();
  });
}
