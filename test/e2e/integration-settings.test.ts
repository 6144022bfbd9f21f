/**
 * The supervisor's side of the integration API, on the kiosk's Settings screen, with the terminal
 * run as a user runs it (`eid-terminal serve`) and driven only through its screen (the first
 * supervisor made there, the card read there): the API turned on shows where it listens; a
 * business application added there gets its secret once (copied with the button); the example
 * teller form, served from a second loopback origin, connects with that secret and fills itself
 * from a card read; the application revoked on the screen (after a confirmation) is refused; the
 * API turned off on the screen refuses every connection.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { createServer as createTcpServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { RunningCli } from '../helpers/cli-process.ts';
import { serveExamplePage } from './example-page-server.ts';
import { assertAccessible, assertOnlyLanguage, insertCard, showScreen, skipWithoutChromium as skip, ui, ONE_SIZE_PER_LANGUAGE, screenName, saveFullPage } from './kiosk-page.ts';

const SUPERVISOR = { operator: 'lan', pin: '2468' };

let dataDir: string;
let cli: RunningCli;
let kioskUrl: string;
let apiPort: number;
let pages: Server;
let pageOrigin: string;
let browser: Browser;
let context: BrowserContext;
let settings: Page;

/** A port free now, given to the terminal as its integration port (the screen shows it). */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createTcpServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

before(async () => {
  if (skip) return;
  dataDir = mkdtempSync(join(tmpdir(), 'eid-e2e-integration-settings-'));
  apiPort = await freePort();
  cli = new RunningCli(['serve', '--no-browser', '--no-pcsc', '--integration-port', String(apiPort), '--data-dir', dataDir]);
  // The address the kiosk window opens (whatever grants the page its access: a token or a one-time code).
  [kioskUrl] = await cli.waitFor(/http:\/\/127\.0\.0\.1:\d+\/\?(?:token|code)=[0-9a-f]+/);
  pages = await serveExamplePage();
  pageOrigin = `http://127.0.0.1:${(pages.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(kioskUrl).origin });
  settings = await context.newPage();
  await settings.goto(kioskUrl);
});

after(async () => {
  if (skip) return;
  await browser?.close();
  pages?.close();
  assert.equal(await cli.stop(), 0);
  rmSync(dataDir, { recursive: true, force: true });
});

const shot = (name: string) => saveFullPage(settings, name);
const where = () => settings.getByTestId('integration-where');
const row = (name: string) => settings.locator(`[data-testid=integration-client][data-name="${name}"]`);

/** Adds an application on the Settings screen; returns the credentials it shows once. */
async function addOnScreen(name: string, scopes: string[]): Promise<{ id: string; secret: string }> {
  const form = settings.getByTestId('integration-add');
  await form.locator('input[name=integrationName]').fill(name);
  await form.locator('textarea[name=integrationOrigins]').fill(pageOrigin);
  for (const s of ['results', 'request', 'status']) await form.locator(`input[name=scope-${s}]`).setChecked(scopes.includes(s));
  await form.getByRole('button', { name: 'Thêm ứng dụng' }).click();
  const shown = settings.getByTestId('integration-secret');
  await shown.waitFor();
  return { id: await shown.locator('input[name=integrationClientId]').inputValue(), secret: await shown.locator('input[name=integrationSecret]').inputValue() };
}

async function openForm(client: { id: string; secret: string }): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${pageOrigin}/`);
  await page.locator('[name=apiUrl]').fill(`http://127.0.0.1:${apiPort}`);
  await page.locator('[name=clientId]').fill(client.id);
  await page.locator('[name=secret]').fill(client.secret);
  await page.locator('#connect').click();
  return page;
}

/** Opens Settings, unlocked with the supervisor's PIN. */
async function unlockSettings(): Promise<void> {
  await settings.getByRole('button', { name: 'Cài đặt' }).click();
  await settings.getByTestId('settings-locked').waitFor();
  await settings.locator('input[name=operator]').fill(SUPERVISOR.operator);
  await settings.locator('input[name=pin]').fill(SUPERVISOR.pin);
  await settings.getByRole('button', { name: 'Mở khoá' }).click();
  await settings.getByTestId('integration').waitFor();
}

/** The clerk reads the sample card on the verify screen; returns the holder's data as shown there. */
async function readCardOnScreen(): Promise<string> {
  await settings.getByRole('button', { name: 'Xác thực' }).click();
  await insertCard(settings, 'cccd-2021');
  await settings.getByRole('button', { name: 'Đọc thẻ' }).click();
  await settings.getByTestId('verdict').filter({ hasText: 'ĐÃ XÁC THỰC' }).waitFor({ timeout: 30_000 });
  return settings.getByTestId('holder').innerText();
}

test('a supervisor turns the API on and adds the teller form on screen; the secret is shown once and the form fills from a card read', { skip, timeout: 180_000 }, async () => {
  // A fresh terminal: the first supervisor is made on the Settings screen, and signed in.
  await settings.getByRole('button', { name: 'Cài đặt' }).click();
  await settings.locator('input[name=operator]').fill(SUPERVISOR.operator);
  await settings.locator('input[name=pin]').fill(SUPERVISOR.pin);
  await settings.locator('input[name=pinAgain]').fill(SUPERVISOR.pin);
  await settings.getByRole('button', { name: 'Tạo người giám sát' }).click();
  await settings.getByTestId('integration').waitFor();
  await where().filter({ hasText: `Đang tắt. Khi bật, giao diện lắng nghe ở cổng ${apiPort}` }).waitFor();
  await settings.getByText('Chưa có ứng dụng nào được đăng ký.').waitFor();

  await settings.getByLabel('Bật giao diện tích hợp').click();
  await where().filter({ hasText: `Đang bật: lắng nghe tại http://127.0.0.1:${apiPort}` }).waitFor();

  const teller = await addOnScreen('Quầy giao dịch web', ['results', 'request']);
  assert.match(teller.id, /^ic_[0-9a-f]{16}$/);
  assert.ok(teller.secret.length >= 43);
  await settings.getByTestId('integration-secret').getByRole('alert').filter({ hasText: 'Mã chỉ hiện một lần này' }).waitFor();
  await settings.getByRole('button', { name: 'Sao chép', exact: true }).click();
  await settings.getByText('Đã sao chép', { exact: true }).waitFor();
  assert.equal(await settings.evaluate(() => navigator.clipboard.readText()), teller.secret);
  await assertAccessible(settings, 'integration settings with a new secret');
  await shot('48-integration-secret');
  await settings.getByRole('button', { name: 'Tôi đã sao chép mã bí mật' }).click();
  await row('Quầy giao dịch web').waitFor();
  assert.ok(!(await settings.content()).includes(teller.secret), 'the secret is gone from the screen');
  assert.match(await row('Quầy giao dịch web').innerText(), /chưa có/);

  const form = await openForm(teller);
  await form.locator('#connection-state[data-state=connected]').waitFor();
  const holder = await readCardOnScreen();
  await form.locator('#verdict[data-verdict=VERIFIED]').waitFor();
  const fullName = await form.locator('[name=fullName]').inputValue();
  assert.ok(fullName && holder.includes(fullName), `${fullName} as the kiosk shows it`);
  await unlockSettings();

  // Revoked on the screen, after a confirmation: the open connection is closed, a new one refused.
  await row('Quầy giao dịch web').getByRole('button', { name: 'Thu hồi' }).click();
  const confirm = row('Quầy giao dịch web').getByRole('alertdialog');
  await confirm.filter({ hasText: 'Thu hồi Quầy giao dịch web? Ứng dụng bị ngắt kết nối ngay' }).waitFor();
  await shot('49-integration-revoke-confirm');
  await confirm.getByRole('button', { name: 'Thu hồi ngay' }).click();
  await row('Quầy giao dịch web').and(settings.locator('[data-revoked=true]')).waitFor();
  assert.match(await row('Quầy giao dịch web').innerText(), /Đã thu hồi lúc/);
  assert.doesNotMatch(await row('Quầy giao dịch web').innerText(), /chưa có/, 'the last result received is shown');
  await form.locator('#connection-state', { hasText: 'refused: client revoked' }).waitFor();
  await form.locator('#connect').click();
  await form.locator('#connection-state', { hasText: /^refused: (UNAUTHORIZED|Failed to fetch)$/ }).waitFor();
  await shot('50-integration-revoked');
  await form.close();
});

test('the API turned off on screen closes every connection and refuses new ones; on again, it is back', { skip, timeout: 120_000 }, async () => {
  const display = await addOnScreen('Màn hình chờ', ['results']);
  await settings.getByRole('button', { name: 'Tôi đã sao chép mã bí mật' }).click();
  const form = await openForm(display);
  await form.locator('#connection-state[data-state=connected]').waitFor();

  await settings.getByLabel('Bật giao diện tích hợp').click();
  await where().filter({ hasText: `Đang tắt. Khi bật, giao diện lắng nghe ở cổng ${apiPort}` }).waitFor();
  await form.locator('#connection-state', { hasText: 'disconnected' }).waitFor();
  await form.locator('#connect').click();
  await form.locator('#connection-state', { hasText: 'refused: Failed to fetch' }).waitFor();
  await assert.rejects(fetch(`http://127.0.0.1:${apiPort}/v1/status`), 'nothing listens on the port');
  await shot('51-integration-off');

  await settings.getByLabel('Bật giao diện tích hợp').click();
  await where().filter({ hasText: `lắng nghe tại http://127.0.0.1:${apiPort}` }).waitFor();
  await form.locator('#connect').click();
  await form.locator('#connection-state[data-state=connected]').waitFor();
  await form.close();
});

test('the section speaks the language of the screen and fits it, at 1024x768 in Vietnamese and 1920x1080 in English', { skip, timeout: 60_000 }, async () => {
  for (const screen of ONE_SIZE_PER_LANGUAGE) {
    await showScreen(settings, screen);
    await settings.getByRole('heading', { name: ui(screen.lang, 'integration.title') }).waitFor();
    await settings.getByLabel(ui(screen.lang, 'integration.enabled')).waitFor();
    await assertOnlyLanguage(settings, screen.lang, `integration settings, ${screenName(screen)}`);
    const overflow = await settings.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0, `no sideways scrolling at ${screenName(screen)}`);
  }
});
