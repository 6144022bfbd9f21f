/**
 * Purpose profiles decide what the result screen shows (issue 14, item 5): each built-in
 * profile's fields on the screen, and the history with masked ID numbers found by their end.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { buildDocument } from '../../core/chip/factory/build-document.ts';
import { insertCard, openKiosk, skipWithoutChromium as skip, type Kiosk } from './kiosk-page.ts';

let kiosk: Kiosk;
let page: Page;
const boss = { operator: 'Mai', pin: '9876' };

before(async () => {
  if (skip) return;
  kiosk = await openKiosk({ virtualLatencyMs: 0, sync: false, bootstrapSupervisor: { name: 'Mai', pin: '9876' } });
  page = kiosk.page;
  await page.locator('input[name=operator]').fill('Mai');
  await page.locator('input[name=pin]').fill('9876');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
});

after(async () => {
  if (!skip) await kiosk?.close();
});

const LABELS = ['Họ, chữ đệm và tên', 'Ngày sinh', 'Tuổi', 'Giới tính', 'Số định danh', 'Quốc tịch', 'Dân tộc', 'Tôn giáo', 'Quê quán', 'Nơi thường trú', 'Ngày cấp', 'Họ tên cha', 'Họ tên mẹ'];

async function holderLabels(purpose: string): Promise<{ labels: string[]; photo: boolean }> {
  await kiosk.host.terminal.updateSettings({ ...boss, settings: { purpose } });
  await insertCard(page, /^Căn cước công dân gắn chip \(CCCD, 2021\): BAC, xác thực chip và xác thực chủ động$/);
  await page.getByRole('button', { name: 'Đọc thẻ' }).click();
  await page.getByTestId('verdict').waitFor({ timeout: 30_000 });
  const labels = await page.locator('[data-testid=holder] dt').allInnerTexts();
  const photo = (await page.getByTestId('face').count()) > 0;
  await page.getByTestId('next-customer').click();
  return { labels: LABELS.filter((l) => labels.some((x) => x.startsWith(l))), photo };
}

test('each purpose profile shows its own fields', { skip }, async () => {
  const hospital = await holderLabels('hospital');
  assert.deepEqual(hospital.labels, ['Họ, chữ đệm và tên', 'Ngày sinh', 'Tuổi', 'Giới tính', 'Số định danh', 'Nơi thường trú']);
  assert.equal(hospital.photo, true);
  const bank = await holderLabels('bank');
  assert.deepEqual(bank.labels, ['Họ, chữ đệm và tên', 'Ngày sinh', 'Số định danh', 'Quốc tịch', 'Nơi thường trú', 'Ngày cấp']);
  const government = await holderLabels('government');
  assert.deepEqual(government.labels, ['Họ, chữ đệm và tên', 'Ngày sinh', 'Giới tính', 'Số định danh', 'Quốc tịch', 'Dân tộc', 'Quê quán', 'Nơi thường trú', 'Ngày cấp']);
  const minimal = await holderLabels('minimal');
  assert.deepEqual(minimal.labels, ['Họ, chữ đệm và tên']);
  assert.equal(minimal.photo, true);
});

test('the history masks the ID number and finds it by its last digits', { skip }, async () => {
  const idNumber = buildDocument('cccd-2021').holder.idNumber;
  await page.getByRole('button', { name: 'Lịch sử' }).click();
  await page.getByTestId('history-search').fill(idNumber.slice(-5));
  await page.getByTestId('history-row').first().waitFor();
  const text = await page.getByTestId('history').innerText();
  assert.ok(text.includes(`••••••••${idNumber.slice(-4)}`));
  assert.ok(!text.includes(idNumber), 'the full number is not on screen');
  assert.equal(await page.getByTestId('history-row').count(), 4);
});
