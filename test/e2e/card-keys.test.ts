/**
 * The ID number alone opens a Vietnamese chip (issue 16): PACE with the CAN = the last 6 digits of
 * the ID, and the result says so; a card without PACE makes the same form ask for the birth date,
 * saying why, and verifies once it is given.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDocument } from '../../core/chip/factory/build-document.ts';
import { insertCard, kioskForFile, pressReadWithIdNumber, skipWithoutChromium as skip } from './kiosk-page.ts';

const open = kioskForFile({ sync: false, virtualLatencyMs: 0 });
const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
const shot = (name: string): Promise<Buffer> => open.page.screenshot({ path: join(SHOTS, `${name}.png`) });

test('the ID number alone: VERIFIED, and the result says PACE opened the chip with the CAN from the ID number', { skip }, async () => {
  const page = open.page;
  const doc = buildDocument('can-cuoc-2024');
  await insertCard(page, 'can-cuoc-2024');
  await pressReadWithIdNumber(page, doc.holder.idNumber);
  const verdict = page.getByTestId('verdict');
  await verdict.waitFor({ timeout: 30_000 });
  assert.match(await verdict.innerText(), /ĐÃ XÁC THỰC/);
  assert.equal(await page.getByTestId('birth-date-needed').count(), 0, 'no birth date was asked for');
  await page.getByText(/Chip mở được bằng PACE, mã CAN là 6 chữ số cuối của số định danh/).waitFor();
  await shot('52-id-number-alone');
  await page.locator('details.checks summary').click();
  assert.match(await page.getByTestId('check-accessControl').innerText(), /PACE-CAN .*brainpoolP256r1/);
  await shot('53-pace-can-check');
  await page.getByTestId('next-customer').click();
});

test('a card without PACE: the form asks for the birth date and says why, then the card verifies', { skip }, async () => {
  const page = open.page;
  const doc = buildDocument('can-cuoc-2024', 'without-pace');
  const { day, month, year } = doc.holder.dateOfBirth;
  const printed = `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
  await insertCard(page, 'can-cuoc-2024/without-pace');
  await pressReadWithIdNumber(page, doc.holder.idNumber);
  const asked = page.getByTestId('birth-date-needed');
  await asked.waitFor({ timeout: 30_000 });
  assert.match(await asked.innerText(), /không hỗ trợ PACE/);
  assert.equal(await page.getByTestId('verdict').count(), 0);
  // The ID number stays; only the birth date is added.
  assert.equal(await page.locator('input[name=idNumber]').inputValue(), doc.holder.idNumber);
  await page.locator('input[name=dateOfBirth]').waitFor();
  await shot('54-birth-date-asked');
  await page.locator('input[name=dateOfBirth]').fill(printed);
  await page.getByRole('button', { name: 'Đọc thẻ' }).click();
  const verdict = page.getByTestId('verdict');
  await verdict.waitFor({ timeout: 30_000 });
  assert.match(await verdict.innerText(), /ĐÃ XÁC THỰC/);
  await page.locator('details.checks summary').click();
  assert.match(await page.getByTestId('check-accessControl').innerText(), /BAC/);
  await shot('55-verified-with-birth-date');
  await page.getByTestId('next-customer').click();
});
