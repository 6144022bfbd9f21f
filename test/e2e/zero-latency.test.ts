/**
 * The kiosk with the virtual reader answering at once (no APDU latency), where a refused key can
 * end the session before startVerification has answered with its id. The test makes that order
 * certain instead of hoping for it: the page's startVerification answer is held back until the
 * page has handled the session's final event. The session as it stands is shown again after a
 * reload. In Vietnamese at 1024x768 and in English at 1920x1080. No step waits for a set time:
 * each waits for what the page shows or has received.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { buildDocument } from '../../core/chip/factory/build-document.ts';
import { render } from '../../core/messages/render.ts';
import { ONE_SIZE_PER_LANGUAGE, assertBannerInView, assertOnlyLanguage, insertCard, openKiosk, readWithCccdKey, screenName, showScreen, skipWithoutChromium as skip, ui, type Kiosk } from './kiosk-page.ts';

let kiosk: Kiosk;
let page: Page;

/** Keeps every WebSocket message the page receives, recorded in the same dispatch as the app handles it. */
function recordSocketMessages(): void {
  const Native = window.WebSocket;
  const received: string[] = [];
  Object.assign(window, { receivedTerminalEvents: received });
  window.WebSocket = class extends Native {
    constructor(...args: ConstructorParameters<typeof WebSocket>) {
      super(...args);
      this.addEventListener('message', (m) => received.push(String(m.data)));
    }
  };
}

/** Resolves once the page has handled the event that ends `sessionId` with `state`. */
async function pageHandledEnd(sessionId: string, state: string): Promise<void> {
  await page.waitForFunction(([id, end]) => {
    const received = (window as unknown as { receivedTerminalEvents: string[] }).receivedTerminalEvents;
    return received.some((text) => {
      const e = JSON.parse(text) as { type: string; event?: { sessionId: string; state: string } };
      return e.type === 'session' && e.event?.sessionId === id && e.event.state === end;
    });
  }, [sessionId, state] as const);
}

before(async () => {
  if (skip) return;
  kiosk = await openKiosk({ sync: false, virtualLatencyMs: 0 }, (p) => p.addInitScript(recordSocketMessages));
  page = kiosk.page;
});

after(async () => {
  if (!skip) await kiosk?.close();
});

for (const screen of ONE_SIZE_PER_LANGUAGE) {
  test(`${screenName(screen)}: a wrong key refused before startVerification answers still shows the error`, { skip }, async () => {
    await showScreen(page, screen);
    await insertCard(page, 'cccd-2021');
    await page.route('**/api/startVerification', async (route) => {
      const response = await route.fetch();
      const { result } = (await response.json()) as { result: { sessionId: string } };
      await pageHandledEnd(result.sessionId, 'error');
      await route.fulfill({ response });
    });
    await readWithCccdKey(page, '079090000001', '900101', '300101', screen.lang);
    const error = page.getByTestId('session-error');
    await error.waitFor();
    assert.equal(await error.getAttribute('data-code'), 'ACCESS_DENIED');
    assert.equal(await error.locator('h2').innerText(), render(screen.lang, { code: 'ACCESS_DENIED', params: {} }));
    await assertOnlyLanguage(page, screen.lang, 'a refused key');
    await page.unroute('**/api/startVerification');
  });

  test(`${screenName(screen)}: after a reload the page shows the session as it stands; the right key then verifies`, { skip }, async () => {
    const doc = buildDocument('cccd-2021');
    await page.reload();
    const error = page.getByTestId('session-error');
    await error.waitFor();
    assert.equal(await error.getAttribute('data-code'), 'ACCESS_DENIED');
    assert.equal(await error.locator('h2').innerText(), render(screen.lang, { code: 'ACCESS_DENIED', params: {} }), 'the language is kept across the reload');

    await page.getByRole('button', { name: ui(screen.lang, 'verify.retry') }).click();
    await readWithCccdKey(page, doc.holder.idNumber, doc.access.mrz.split('\n')[1]!.slice(0, 6), '', screen.lang);
    await page.getByTestId('verdict').waitFor();
    assert.equal(await page.getByTestId('verdict').locator('strong').innerText(), ui(screen.lang, 'verdict.VERIFIED'));
    await assertBannerInView(page, screen);
    await assertOnlyLanguage(page, screen.lang, 'verified after a retry');

    await page.getByTestId('next-customer').click();
    await page.reload();
    await page.getByRole('button', { name: ui(screen.lang, 'verify.start') }).waitFor();
    assert.equal(await page.getByTestId('verdict').count(), 0, 'nothing of the previous customer comes back');
  });
}
