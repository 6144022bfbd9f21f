/**
 * A business application's web page on the counter's PC, through the terminal run as a user runs
 * it (`eid-terminal serve`, the integration API beside the kiosk service): the example teller form
 * (examples/teller-form) is served from a second loopback origin, registered through the kiosk's
 * TerminalApi, and fills itself when the clerk reads a virtual card. An unregistered origin, a
 * client without the request scope and a revoked client are refused.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { RunningCli } from '../helpers/cli-process.ts';
import { serveExamplePage } from './example-page-server.ts';
import { redeemPageUrl } from '../helpers/page-session.ts';
import { skipWithoutChromium as skip } from './kiosk-page.ts';
import { maskIdNumber } from '../../core/store/personal-fields.ts';

const SUPERVISOR = { operator: 'lan', pin: '2468' };

let dataDir: string;
let cli: RunningCli;
let kiosk: <T = any>(method: string, input: unknown) => Promise<T>;
let apiUrl: string;
let pages: Server;
let pageOrigin: string;
let browser: Browser;

before(async () => {
  if (skip) return;
  dataDir = mkdtempSync(join(tmpdir(), 'eid-e2e-integration-'));
  cli = new RunningCli(['serve', '--no-browser', '--no-pcsc', '--integration-port', '0', '--data-dir', dataDir, '--supervisor', SUPERVISOR.operator], { env: { EID_TERMINAL_SUPERVISOR_PIN: SUPERVISOR.pin } });
  const [url] = await cli.waitFor(/http:\/\/127\.0\.0\.1:\d+\/\?code=[0-9a-f]+/);
  kiosk = (await redeemPageUrl(url)).call;
  await kiosk('signIn', SUPERVISOR);
  pages = await serveExamplePage();
  pageOrigin = `http://127.0.0.1:${(pages.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
});

after(async () => {
  if (skip) return;
  await browser?.close();
  pages?.close();
  assert.equal(await cli.stop(), 0);
  rmSync(dataDir, { recursive: true, force: true });
});

async function register(name: string, scopes: string[]): Promise<{ id: string; secret: string }> {
  const { client, secret } = await kiosk('addIntegrationClient', { ...SUPERVISOR, client: { name, scopes, origins: [pageOrigin] } });
  return { id: client.id, secret };
}

async function openForm(origin: string, client: { id: string; secret: string }): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 900, height: 900 } });
  await page.goto(`${origin}/`);
  await page.locator('[name=apiUrl]').fill(apiUrl);
  await page.locator('[name=clientId]').fill(client.id);
  await page.locator('[name=secret]').fill(client.secret);
  await page.locator('#connect').click();
  return page;
}

async function readDemoCard(): Promise<void> {
  const cards = await kiosk<{ profile: string; variant: string | null; key: unknown }[]>('listDemoCards', {});
  const card = cards.find((c) => c.profile === 'cccd-2021' && c.variant === null)!;
  await kiosk('insertDemoCard', { profile: card.profile, variant: null });
  await kiosk('startVerification', { reader: null, key: card.key });
}

test('the teller form, registered for its origin, fills itself when the clerk reads the card', { skip, timeout: 180_000 }, async () => {
  const teller = await register('Teller web', ['results', 'request']);
  // The API was off (no client); registering the first one starts it within seconds.
  [, apiUrl] = (await cli.waitFor(/Integration API: (http:\/\/127\.0\.0\.1:\d+)/)) as unknown as [string, string];
  const page = await openForm(pageOrigin, teller);
  await page.locator('#connection-state[data-state=connected]').waitFor();
  await page.locator('#request').click();
  await page.locator('#request-state', { hasText: 'Please place the card' }).waitFor();
  await readDemoCard();
  await page.locator('#verdict[data-verdict=VERIFIED]').waitFor();
  const { records } = await kiosk<{ records: { name: string; idNumber: string }[] }>('listRecords', {});
  assert.equal(await page.locator('[name=fullName]').inputValue(), records[0]!.name);
  // The form gets the number in full; the history lists it masked (issue 14 item 5).
  assert.equal(maskIdNumber(await page.locator('[name=idNumber]').inputValue()), records[0]!.idNumber);
  assert.ok(await page.locator('[name=placeOfResidence]').inputValue());
  assert.match(await page.locator('[name=signedResult]').inputValue(), /^$|^[\w-]+\.[\w-]+\.[\w-]+$/);
  await page.screenshot({ path: fileURLToPath(new URL('./screenshots/27-teller-form.png', import.meta.url)) });

  // The same page from an origin nobody registered: the browser is refused at the CORS preflight.
  const stranger = await openForm(pageOrigin.replace('127.0.0.1', 'localhost'), teller);
  await stranger.locator('#connection-state[data-state=refused]').waitFor();

  // Revoked: the open connection is closed at the next event, a new one is refused.
  await kiosk('revokeIntegrationClient', { ...SUPERVISOR, id: teller.id });
  await kiosk('removeDemoCard', {});
  await page.locator('#connection-state', { hasText: 'revoked' }).waitFor();
  await page.locator('#connect').click();
  // No active client lists the origin any more, so the browser is stopped at the preflight already.
  await page.locator('#connection-state', { hasText: /^refused: (UNAUTHORIZED|Failed to fetch)$/ }).waitFor();
  await Promise.all([page.close(), stranger.close()]);
});

test('a client without the request scope cannot start a read', { skip, timeout: 120_000 }, async () => {
  const display = await register('Waiting-room display', ['results']);
  const page = await openForm(pageOrigin, display);
  await page.locator('#connection-state[data-state=connected]').waitFor();
  await page.locator('#request').click();
  await page.locator('#request-state', { hasText: 'refused: SCOPE_MISSING' }).waitFor();
  await page.close();
});
