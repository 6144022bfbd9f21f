/**
 * No dead ends at the counter (issue 14): every state has a way forward on screen. Reading with
 * no card asks for the card and Cancel goes back to the form with the key kept; a second tab shows
 * the session as it stands and follows "Next customer"; a stopped service is said in the status
 * bar within 3 s and the page reconnects by itself when it is back.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { buildDocument } from '../../core/chip/factory/build-document.ts';
import { insertCard, openKiosk, readWithCccdKey, skipWithoutChromium as skip, type Kiosk } from './kiosk-page.ts';

let kiosk: Kiosk;
let page: Page;
const doc = buildDocument('cccd-2021');
const birth = doc.access.mrz.split('\n')[1]!.slice(0, 6);

before(async () => {
  if (skip) return;
  kiosk = await openKiosk({ sync: false, virtualLatencyMs: 5 });
  page = kiosk.page;
});

after(async () => {
  if (!skip) await kiosk?.close();
});

test('reading with no card asks for the card; Cancel goes back to the form with the key kept', { skip }, async () => {
  await readWithCccdKey(page, doc.holder.idNumber, birth);
  const waiting = page.getByTestId('place-card');
  await waiting.waitFor();
  assert.match(await waiting.innerText(), /Đặt thẻ lên đầu đọc/);
  await page.getByRole('button', { name: 'Huỷ' }).click();
  await page.getByRole('button', { name: 'Đọc thẻ' }).waitFor();
  assert.equal(await page.locator('input[name=idNumber]').inputValue(), doc.holder.idNumber);
  assert.deepEqual(await kiosk.host.terminal.getSessions(), [], 'the waiting session was closed');
});

test('a second tab shows the result as it stands, and follows "Next customer"', { skip }, async () => {
  await insertCard(page, /^Căn cước công dân gắn chip/);
  await page.getByRole('button', { name: 'Đọc thẻ' }).click();
  await page.getByTestId('verdict').waitFor();
  const second = await page.context().browser()!.newPage(); // its own session storage, as a second tab
  try {
    await second.goto(kiosk.service.url);
    await second.getByTestId('verdict').waitFor();
    await page.getByTestId('next-customer').click();
    await second.getByRole('button', { name: 'Đọc thẻ' }).waitFor();
    assert.equal(await second.getByTestId('verdict').count(), 0);
  } finally {
    await second.close();
  }
});

test('a stopped service is shown within 3 s; when it is back the page reconnects and reads', { skip }, async () => {
  await kiosk.stopService();
  await page.getByTestId('status-service').waitFor({ timeout: 3000 });
  assert.match(await page.getByTestId('status-service').innerText(), /dừng/);
  await kiosk.startService();
  await page.getByTestId('status-service').waitFor({ state: 'detached', timeout: 10_000 });
  await insertCard(page, /^Căn cước công dân gắn chip/);
  await page.getByRole('button', { name: 'Đọc thẻ' }).click();
  assert.match(await page.getByTestId('verdict').innerText(), /ĐÃ XÁC THỰC/);
});
