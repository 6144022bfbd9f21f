/** The kiosk the e2e tests drive, and what they do on its page more than once. Not a test file itself. */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createHost, type Host, type HostOptions } from '../../host/create-host.ts';
import { ensureRendererBuilt } from '../../host/renderer-files.ts';
import { startService, type RunningService } from '../../service/server.ts';
import { skipUnlessCi } from '../../fixtures/setup-skip.ts';
import { catalogues, type Lang, type UiKey } from '../../core/messages/catalogue.ts';
import type { MessageParams } from '../../core/messages/define.ts';
import { render } from '../../core/messages/render.ts';

const CHROMIUM = '/usr/bin/chromium';
export const skipWithoutChromium = skipUnlessCi(existsSync(CHROMIUM) ? undefined : { suite: 'end-to-end kiosk (Chromium)', missing: 'Chromium is not installed', enable: 'sudo apt-get install chromium' });

export interface Kiosk {
  readonly host: Host;
  readonly service: RunningService;
  readonly page: Page;
  /** Stops the service (the page stays open). */
  stopService(): Promise<void>;
  /** Starts it again at the same port with the same token, as service/main.ts does. */
  startService(): Promise<void>;
  close(): Promise<void>;
}

/** How Chromium is started: extra switches (a fake camera) and permissions granted to the page. */
export interface BrowserOptions {
  readonly args?: readonly string[];
  readonly permissions?: string[];
}

/**
 * A terminal on a fresh data folder, served by service/, with Chromium on its page. `prepare`
 * runs on the page before it loads (init scripts); `seed` fills the data folder before the
 * terminal opens it.
 */
export async function openKiosk(options: Omit<HostOptions, 'dataDir'>, prepare: (page: Page) => Promise<unknown> = async () => {}, seed: (dataDir: string) => void = () => {}, browserOptions: BrowserOptions = {}): Promise<Kiosk> {
  const dataDir = mkdtempSync(join(tmpdir(), 'eid-e2e-'));
  seed(dataDir);
  const host = await createHost({ ...options, dataDir });
  const staticDir = await ensureRendererBuilt();
  let service = await startService({ api: host.terminal, staticDir });
  let running = true;
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', ...(browserOptions.args ?? [])] });
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 }, permissions: browserOptions.permissions ?? [] });
  await prepare(page);
  await page.goto(service.openUrl());
  return {
    host,
    get service() {
      return service;
    },
    page,
    stopService: async () => {
      running = false;
      await service.close();
    },
    startService: async () => {
      service = await startService({ api: host.terminal, staticDir, port: service.port, token: service.token });
      running = true;
    },
    close: async () => {
      await browser.close();
      if (running) await service.close();
      await host.close();
      rmSync(dataDir, { recursive: true, force: true });
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

/**
 * The ID number first, as the kiosk asks; the birth date (and expiry) only when the form asks for
 * it (the chip did not open with the ID number alone).
 */
/** Types the ID number alone on its tab and presses "Đọc thẻ" (in `lang`), waiting for nothing. */
export async function pressReadWithIdNumber(page: Page, idNumber: string, lang: Lang = 'vi'): Promise<void> {
  await page.getByRole('tab', { name: ui(lang, 'key.cccd'), exact: true }).click();
  await page.locator('input[name=idNumber]').fill(idNumber);
  await page.getByRole('button', { name: ui(lang, 'verify.start') }).click();
}

export async function readWithCccdKey(page: Page, idNumber: string, dateOfBirth: string, dateOfExpiry = '', lang: Lang = 'vi'): Promise<void> {
  await pressReadWithIdNumber(page, idNumber, lang);
  const asked = page.getByTestId('birth-date-needed');
  await page.locator('[data-testid=birth-date-needed], [data-testid=verdict], [data-testid=session-error]').first().waitFor({ timeout: 30_000 });
  if (!(await asked.isVisible())) return;
  await page.locator('input[name=dateOfBirth]').fill(dateOfBirth);
  await page.locator('input[name=dateOfExpiry]').fill(dateOfExpiry);
  await page.getByRole('button', { name: ui(lang, 'verify.start') }).click();
}

/** A text of the kiosk in `lang`, from the catalogue the page speaks from. */
export function ui(lang: Lang, key: UiKey, params: MessageParams = {}): string {
  return render(lang, { code: key, params });
}

/** A viewport and a language the journeys are checked in (issue 14, "How it is checked"). */
export interface Screen {
  readonly lang: Lang;
  readonly width: number;
  readonly height: number;
}

/** Both sizes in both languages: the journeys whose point is the verdict banner. */
export const EVERY_SCREEN: readonly Screen[] = [
  { lang: 'vi', width: 1024, height: 768 },
  { lang: 'en', width: 1024, height: 768 },
  { lang: 'vi', width: 1920, height: 1080 },
  { lang: 'en', width: 1920, height: 1080 },
];

/** One size per language (the small screen in Vietnamese, the large one in English): the other journeys. */
export const ONE_SIZE_PER_LANGUAGE: readonly Screen[] = [EVERY_SCREEN[0]!, EVERY_SCREEN[3]!];

export const screenName = (s: Screen): string => `${s.lang} ${s.width}x${s.height}`;

/** Sets the viewport and, with the header's switch as a clerk would, the language. */
export async function showScreen(page: Page, screen: Screen): Promise<void> {
  await page.setViewportSize({ width: screen.width, height: screen.height });
  const current = await page.evaluate(() => document.documentElement.lang);
  if (current === screen.lang) return;
  const from: Lang = current === 'en' ? 'en' : 'vi';
  await page.getByRole('button', { name: ui(from, 'nav.language') }).click();
  await page.waitForFunction((lang) => document.documentElement.lang === lang, screen.lang);
}

/** The verdict banner lies wholly inside the viewport. */
export async function assertBannerInView(page: Page, screen: Screen): Promise<void> {
  const box = await page.getByTestId('verdict').boundingBox();
  assert.ok(box, 'a banner');
  const inside = box.y >= 0 && box.x >= 0 && box.y + box.height <= screen.height && box.x + box.width <= screen.width;
  assert.ok(inside, `the banner ${JSON.stringify(box)} inside ${screenName(screen)}`);
}

/**
 * The catalogue's texts of the other language that this one does not share (long enough not to
 * occur inside card data by chance, as the chip's "Việt Nam" on an English screen does).
 */
function foreignTexts(lang: Lang): string[] {
  const other: Lang = lang === 'vi' ? 'en' : 'vi';
  const own = new Set(Object.values(catalogues[lang]).flatMap((kind) => Object.values(kind).filter((v): v is string => typeof v === 'string')));
  return Object.values(catalogues[other])
    .flatMap((kind) => Object.values(kind))
    .filter((v): v is string => typeof v === 'string' && v.length >= 12 && !own.has(v));
}

/** No text of the other language's catalogue on the screen, and no raw code (UPPER_SNAKE) outside the folded details. */
export async function assertOnlyLanguage(page: Page, lang: Lang, where: string): Promise<void> {
  const shown = await page.evaluate(() => {
    const copy = document.body.cloneNode(true) as HTMLElement;
    // Codes belong in the details; the language switch names the other language in itself.
    copy.querySelectorAll('details.code, [lang]').forEach((e) => e.remove());
    return copy.innerText;
  });
  const foreign = foreignTexts(lang).filter((text) => shown.includes(text));
  assert.deepEqual(foreign, [], `${where}: only ${lang} on screen`);
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core on the page as it stands and fails on any serious or critical violation, naming
 * the rule and the elements. Evaluated through the debugging protocol, so the page's CSP allows it.
 */
export async function assertAccessible(page: Page, screen: string): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(c: Document, o: object): Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  assert.deepEqual(violations, [], `accessibility of ${screen}`);
}

/** Signs the operator in from the sign-in panel. */
export async function signIn(page: Page, operator: string, pin: string, lang: Lang = 'vi'): Promise<void> {
  await page.locator('input[name=operator]').fill(operator);
  await page.locator('input[name=pin]').fill(pin);
  await page.getByRole('button', { name: ui(lang, 'signIn.action') }).click();
}

/** The kiosk of a test file: opened (and signed in, when `operator` is given) before its tests, closed after them. */
export function kioskForFile(
  options: Omit<HostOptions, 'dataDir'>,
  { prepare, operator }: { prepare?: (page: Page) => Promise<unknown>; operator?: { name: string; pin: string } } = {},
): { readonly kiosk: Kiosk; readonly page: Page } {
  let kiosk: Kiosk | undefined;
  before(async () => {
    if (skipWithoutChromium) return;
    kiosk = await openKiosk(options, prepare);
    if (operator) await signIn(kiosk.page, operator.name, operator.pin);
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

const SCREENSHOTS = new URL('./screenshots/', import.meta.url).pathname;

/**
 * The whole page saved as test/e2e/screenshots/NAME.png, taken from the top: a full-page picture
 * of a scrolled page draws the pinned verdict head where the scroll left it, over the content.
 */
export async function saveFullPage(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
