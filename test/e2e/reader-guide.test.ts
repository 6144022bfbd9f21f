/**
 * Reader guidance (issue 14): the verify screen always says, with a pictogram, where the card
 * stands: no reader, place the card, card found, reading, remove the card.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { insertCard, openKiosk, skipWithoutChromium as skip, type Kiosk } from './kiosk-page.ts';

const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
const kiosks: Kiosk[] = [];
after(async () => {
  for (const k of kiosks) await k.close();
});

const guide = (page: Page, state: string) => page.locator(`[data-testid=reader-guide][data-state=${state}]`).waitFor({ timeout: 30_000 });

test('place the card, card found, reading, remove the card, each with its pictogram', { skip }, async () => {
  const kiosk = await openKiosk({ sync: false, virtualLatencyMs: 40 });
  kiosks.push(kiosk);
  const { page } = kiosk;
  await guide(page, 'placeCard');
  assert.equal(await page.locator('[data-testid=reader-guide] svg').count(), 1, 'an inline pictogram');
  await insertCard(page, 'cccd-2021');
  await guide(page, 'cardFound');
  assert.match(await page.getByTestId('reader-guide').innerText(), /Đã nhận thẻ/);
  await page.getByRole('button', { name: 'Đọc thẻ' }).click();
  await guide(page, 'reading');
  await page.getByTestId('verdict').waitFor({ timeout: 30_000 });
  await guide(page, 'removeCard');
  await page.screenshot({ path: join(SHOTS, '16-remove-card.png') });
  await kiosk.host.terminal.removeDemoCard();
  await guide(page, 'placeCard');
});

test('with no reader at all, the screen says so', { skip }, async () => {
  const kiosk = await openKiosk({ sync: false, virtualReader: false, pcsc: false });
  kiosks.push(kiosk);
  await guide(kiosk.page, 'noReader');
  assert.match(await kiosk.page.getByTestId('reader-guide').innerText(), /Chưa có đầu đọc thẻ/);
  await kiosk.page.screenshot({ path: join(SHOTS, '17-no-reader.png') });
});
