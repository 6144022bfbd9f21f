/**
 * End to end: Debian's Chromium drives the real kiosk UI served by service/ over the real
 * terminal core, with cards on the built-in virtual reader and a real registry on loopback.
 * Every screen is saved under test/e2e/screenshots/.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import type { Host } from '../../host/create-host.ts';
import { startRegistry, type RunningRegistry } from '../../registry/start.ts';
import { createEnrolmentCode } from '../../registry/enrolment-codes.ts';
import { buildDocument } from '../../core/chip/factory/build-document.ts';
import { insertCard as insertCardOn, openKiosk, readWithCccdKey, signIn, skipWithoutChromium as skip, type Kiosk, saveFullPage } from './kiosk-page.ts';

const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));

let registryDir: string;
let kiosk: Kiosk;
let host: Host;
let registry: RunningRegistry | null = null;
let registryPort = 0;
let page: Page;

const shot = (name: string) => saveFullPage(page, name);
const insertCard = (card: string) => insertCardOn(page, card);

async function startRegistryOn(port: number): Promise<RunningRegistry> {
  return startRegistry({ dataDir: registryDir, port });
}

before(async () => {
  if (skip) return;
  mkdirSync(SHOTS, { recursive: true });
  registryDir = mkdtempSync(join(tmpdir(), 'eid-e2e-registry-'));
  registry = await startRegistryOn(0);
  registryPort = registry.port;
  kiosk = await openKiosk({ bootstrapSupervisor: { name: 'lan', pin: '2468' }, virtualLatencyMs: 30 });
  ({ host, page } = kiosk);
});

after(async () => {
  if (skip) return;
  await kiosk?.close();
  await registry?.close();
  rmSync(registryDir, { recursive: true, force: true });
});

test('a clerk signs in, then a genuine CCCD is VERIFIED with photo and DG13 fields', { skip }, async () => {
  await page.getByTestId('sign-in').waitFor();
  await shot('01-sign-in');
  await signIn(page, 'lan', '2468');
  await page.getByText('Đặt thẻ lên đầu đọc').waitFor();
  await shot('02-idle');
  await insertCard('cccd-2021');
  await page.getByRole('button', { name: 'Đọc thẻ' }).click();
  await page.getByTestId('reading').waitFor();
  await shot('03-reading');
  const verdict = page.getByTestId('verdict');
  await verdict.waitFor({ timeout: 30_000 });
  assert.match(await verdict.innerText(), /ĐÃ XÁC THỰC/);
  const holder = await page.getByTestId('holder').innerText();
  const doc = buildDocument('cccd-2021');
  assert.ok(holder.includes(doc.holder.fullName), 'full name with diacritics from DG13');
  assert.match(holder, /Nơi thường trú/);
  const faceWidth = await page.getByTestId('face').evaluate((img: HTMLImageElement) => img.naturalWidth);
  assert.ok(faceWidth > 0, 'the photo decodes in the browser');
  await page.locator('details.checks summary').click();
  await shot('04-verified');
  await page.getByTestId('next-customer').click();
  assert.equal(await page.locator('input[name=idNumber]').inputValue(), '', 'nothing of the previous customer remains');
});

test('a tampered card is FAILED with the failed check named', { skip }, async () => {
  await insertCard('cccd-2021/tampered-dg');
  await page.getByRole('button', { name: 'Đọc thẻ' }).click();
  await page.getByTestId('verdict').waitFor({ timeout: 30_000 });
  assert.match(await page.getByTestId('verdict').innerText(), /KHÔNG HỢP LỆ/);
  await page.locator('details.checks summary').click();
  assert.match(await page.getByTestId('check-dataGroupHashes').innerText(), /Không đạt/);
  await shot('05-failed');
  await page.getByTestId('next-customer').click();
});

test('a wrong key is refused, and the clerk retries with the right one', { skip }, async () => {
  const doc = buildDocument('cccd-2021');
  await insertCard('cccd-2021');
  await readWithCccdKey(page, '079090000001', '900101', '300101');
  const error = page.getByTestId('session-error');
  await error.waitFor({ timeout: 30_000 });
  assert.equal(await error.getAttribute('data-code'), 'ACCESS_DENIED');
  assert.match(await error.innerText(), /Chip không chấp nhận khoá/);
  await shot('06-wrong-key');
  await page.getByRole('button', { name: 'Thử lại' }).click();
  await readWithCccdKey(page, doc.holder.idNumber, doc.access.mrz.split('\n')[1]!.slice(0, 6));
  await page.getByTestId('verdict').waitFor({ timeout: 30_000 });
  assert.match(await page.getByTestId('verdict').innerText(), /ĐÃ XÁC THỰC/);
  await page.getByTestId('next-customer').click();
});

test('a card pulled out mid-read gives a clear error and the terminal keeps working', { skip }, async () => {
  await insertCard('cccd-2021');
  await page.getByRole('button', { name: 'Đọc thẻ' }).click();
  await page.getByTestId('reading').waitFor();
  await page.getByTestId('reading-step').filter({ hasText: 'Đang đọc dữ liệu' }).waitFor({ timeout: 30_000 });
  await host.virtualReader!.remove();
  const error = page.getByTestId('session-error');
  await error.waitFor({ timeout: 30_000 });
  assert.equal(await error.getAttribute('data-code'), 'SESSION_CARD_REMOVED');
  await shot('07-card-removed');
  await page.getByRole('button', { name: 'Khách tiếp theo' }).click();
});

test('settings open only with a supervisor PIN; the terminal enrols with the registry', { skip }, async () => {
  await page.getByRole('button', { name: 'Cài đặt' }).click();
  await page.getByTestId('settings-locked').waitFor();
  await page.locator('input[name=operator]').fill('lan');
  await page.locator('input[name=pin]').fill('1357');
  await page.getByRole('button', { name: 'Mở khoá' }).click();
  await page.getByRole('alert').waitFor();
  await shot('08-settings-locked');
  await page.locator('input[name=pin]').fill('2468');
  await page.getByRole('button', { name: 'Mở khoá' }).click();
  await page.getByTestId('settings').waitFor();
  const { code } = await createEnrolmentCode(registry!.store, new Date());
  await page.locator('input[name=registryUrl]').fill(registry!.url);
  await page.locator('input[name=enrolCode]').fill(code);
  await page.getByRole('button', { name: 'Đăng ký quầy' }).click();
  await page.getByTestId('settings-message').filter({ hasText: 'Đã đăng ký quầy' }).waitFor({ timeout: 30_000 });
  await shot('09-settings');
  await page.getByTestId('status-pending').filter({ hasText: /^0$/ }).waitFor({ timeout: 30_000 });
});

test('offline, a verification waits in the outbox; back online, the pending count goes to zero', { skip }, async () => {
  await registry!.close();
  registry = null;
  await page.getByRole('button', { name: 'Xác thực' }).click();
  await insertCard('cccd-2021');
  await page.getByRole('button', { name: 'Đọc thẻ' }).click();
  await page.getByTestId('verdict').waitFor({ timeout: 30_000 });
  await page.getByTestId('status-network').filter({ hasText: 'Ngoại tuyến' }).waitFor({ timeout: 30_000 });
  assert.notEqual(await page.getByTestId('status-pending').innerText(), '0');
  await shot('10-offline-pending');
  registry = await startRegistryOn(registryPort);
  await page.getByTestId('status-pending').filter({ hasText: /^0$/ }).waitFor({ timeout: 60_000 });
  await page.getByTestId('status-network').filter({ hasText: 'Trực tuyến' }).waitFor({ timeout: 30_000 });
  await page.getByTestId('next-customer').click();
});

test('history finds a customer by name and shows the sync state', { skip }, async () => {
  const doc = buildDocument('cccd-2021');
  await page.getByRole('button', { name: 'Lịch sử' }).click();
  await page.getByTestId('history-search').fill(doc.holder.fullName.split(' ').at(-1)!);
  await page.getByTestId('history-row').first().waitFor();
  const rows = await page.getByTestId('history-row').count();
  assert.ok(rows >= 3, `expected the verified reads of this holder, got ${rows}`);
  assert.match(await page.getByTestId('history').innerText(), /Đã đồng bộ/);
  await shot('11-history');
});

test('the whole UI switches to English', { skip }, async () => {
  await page.getByRole('button', { name: 'Ngôn ngữ' }).click();
  await page.getByRole('button', { name: 'Verify' }).click();
  await insertCard('icao-td3-passport');
  await page.getByRole('button', { name: 'Read card' }).click();
  await page.getByTestId('verdict').waitFor({ timeout: 30_000 });
  assert.match(await page.getByTestId('verdict').innerText(), /VERIFIED/);
  await shot('12-english-passport');
});
