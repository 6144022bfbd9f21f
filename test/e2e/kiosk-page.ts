/** The kiosk the e2e tests drive, and what they do on its page more than once. Not a test file itself. */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createHost, type Host, type HostOptions } from '../../host/create-host.ts';
import { ensureRendererBuilt } from '../../host/renderer-files.ts';
import { startService, type RunningService } from '../../service/server.ts';
import { skipUnlessCi } from '../../fixtures/setup-skip.ts';

const CHROMIUM = '/usr/bin/chromium';
export const skipWithoutChromium = skipUnlessCi(existsSync(CHROMIUM) ? undefined : { suite: 'end-to-end kiosk (Chromium)', missing: 'Chromium is not installed', enable: 'sudo apt-get install chromium' });

export interface Kiosk {
  readonly host: Host;
  readonly service: RunningService;
  readonly page: Page;
  close(): Promise<void>;
}

/**
 * A terminal on a fresh data folder, served by service/, with Chromium on its page. `prepare`
 * runs on the page before it loads (init scripts).
 */
export async function openKiosk(options: Omit<HostOptions, 'dataDir'>, prepare: (page: Page) => Promise<unknown> = async () => {}): Promise<Kiosk> {
  const dataDir = mkdtempSync(join(tmpdir(), 'eid-e2e-'));
  const host = await createHost({ ...options, dataDir });
  const service = await startService({ api: host.terminal, staticDir: await ensureRendererBuilt() });
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  await prepare(page);
  await page.goto(service.url);
  return {
    host,
    service,
    page,
    close: async () => {
      await browser.close();
      await service.close();
      await host.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** One kiosk for the tests of a file: opened before them (unless Chromium is missing), closed after. */
export function kioskForTests(options: Omit<HostOptions, 'dataDir'>, ready: (kiosk: Kiosk) => Promise<unknown> = async () => {}): { readonly kiosk: Kiosk; readonly page: Page } {
  let kiosk: Kiosk | undefined;
  before(async () => {
    if (skipWithoutChromium) return;
    kiosk = await openKiosk(options);
    await ready(kiosk);
  });
  after(async () => {
    await kiosk?.close();
  });
  return {
    get kiosk() {
      return kiosk!;
    },
    get page() {
      return kiosk!.page;
    },
  };
}

/** Puts a sample card on the virtual reader from the demo panel: `profile` or `profile/variant` (labels follow the screen's language). */
export async function insertCard(page: Page, card: string): Promise<void> {
  const select = page.getByTestId('demo-select');
  await select.locator('option').first().waitFor({ state: 'attached' });
  const option = select.locator(`option[data-card="${card}"]`);
  assert.equal(await option.count(), 1, `no sample card ${card}`);
  await select.selectOption((await option.getAttribute('value'))!);
  await page.getByTestId('demo-insert').click();
  // The key of the sample card is filled in for the demo; wait for it so later typing is not overwritten.
  await page.locator('textarea[name=mrz]').filter({ hasText: /</ }).waitFor();
}

/** Gives a CCCD key (ID number, birth date, expiry or none) on its tab and presses "Đọc thẻ". */
/**
 * The ID number first, as the kiosk asks; the birth date (and expiry) only when the form asks for
 * it (the chip did not open with the ID number alone).
 */
export async function readWithCccdKey(page: Page, idNumber: string, dateOfBirth: string, dateOfExpiry = ''): Promise<void> {
  await page.getByRole('tab', { name: 'Số CCCD', exact: true }).click();
  await page.locator('input[name=idNumber]').fill(idNumber);
  await page.getByRole('button', { name: 'Đọc thẻ' }).click();
  const asked = page.getByTestId('birth-date-needed');
  await page.locator('[data-testid=birth-date-needed], [data-testid=verdict], [data-testid=session-error]').first().waitFor({ timeout: 30_000 });
  if (!(await asked.isVisible())) return;
  await page.locator('input[name=dateOfBirth]').fill(dateOfBirth);
  await page.locator('input[name=dateOfExpiry]').fill(dateOfExpiry);
  await page.getByRole('button', { name: 'Đọc thẻ' }).click();
}
