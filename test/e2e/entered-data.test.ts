/**
 * A QR code that is not the chip's (issue 14, item 4): the card opens with the QR code's number
 * and birth date, but its name and sex are another person's; the banner says so with its action
 * (the verdict stays) and the warnings name both differences.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDocument } from '../../core/chip/factory/build-document.ts';
import type { CalendarDate } from '../../core/mrz/index.ts';
import { insertCard, kioskForTests, skipWithoutChromium as skip } from './kiosk-page.ts';

const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));

const k = kioskForTests({ virtualLatencyMs: 0, sync: false });

const dmy = (d: CalendarDate) => `${String(d.day).padStart(2, '0')}${String(d.month).padStart(2, '0')}${d.year}`;

test('a QR code with another name and sex than the chip is warned about, field by field', { skip }, async () => {
  const page = k.page;
  const { holder } = buildDocument('cccd-2021');
  const otherSex = holder.sex === 'M' ? 'Nữ' : 'Nam';
  const qr = [holder.idNumber, '', 'Phạm Văn Khác', dmy(holder.dateOfBirth), otherSex, holder.placeOfResidence, dmy(holder.dateOfIssue)].join('|');
  await insertCard(page, 'cccd-2021');
  await page.getByRole('tab', { name: 'Quét mã QR' }).click();
  await page.locator('[name=qr]').fill(qr);
  await page.getByRole('button', { name: 'Đọc thẻ' }).click();
  await page.getByTestId('verdict').waitFor({ timeout: 30_000 });
  assert.match(await page.getByTestId('verdict').innerText(), /ĐÃ XÁC THỰC/, 'the chip is genuine: the verdict stays');
  assert.match(await page.getByTestId('verdict-entered').innerText(), /Mã QR không khớp .*Kiểm tra lại người và giấy tờ/s);
  const warnings = await page.getByTestId('warnings').innerText();
  assert.match(warnings, /Họ tên trong mã QR khác với dữ liệu trong chip/);
  assert.match(warnings, /Giới tính trong mã QR khác với dữ liệu trong chip/);
  assert.doesNotMatch(warnings, /Ngày sinh trong mã QR|Số định danh .* trong mã QR/);
  await page.screenshot({ path: join(SHOTS, '25-qr-mismatch.png'), fullPage: true });
});
