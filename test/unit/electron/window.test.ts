import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import type { Session, WebContents } from 'electron';
import { isAppUrl } from '../../../electron/app-url.ts';
import { kioskWindowOptions, lockNavigation, lockSession, mayUseCamera, reloadOnCrash } from '../../../electron/window.ts';

/** A stand-in for Electron's WebContents: records handlers exactly as Electron would call them. */
class FakeContents extends EventEmitter {
  openHandler: ((d: { url: string }) => { action: string }) | null = null;
  reloads = 0;
  setWindowOpenHandler(h: (d: { url: string }) => { action: string }) {
    this.openHandler = h;
  }
  reload() {
    this.reloads++;
  }
}

function navigate(contents: FakeContents, channel: string, url: string): boolean {
  let prevented = false;
  contents.emit(channel, { preventDefault: () => (prevented = true) }, url);
  return prevented;
}

/** The page as Electron now loads it, and the same build as it was loaded before, from file://. */
const PAGE = 'app://eid/index.html';
const FILE_PAGE = 'file:///opt/eid/renderer/dist/index.html';

test('the kiosk window isolates the page from Node', () => {
  const o = kioskWindowOptions('/opt/eid/preload.cjs', true);
  assert.equal(o.kiosk, true);
  assert.equal(o.fullscreen, true);
  assert.equal(o.autoHideMenuBar, true);
  assert.deepEqual(
    { ci: o.webPreferences?.contextIsolation, sb: o.webPreferences?.sandbox, ni: o.webPreferences?.nodeIntegration, dev: o.webPreferences?.devTools },
    { ci: true, sb: true, ni: false, dev: false },
  );
  assert.equal(o.webPreferences?.preload, '/opt/eid/preload.cjs');
  assert.equal(kioskWindowOptions('/p', false).webPreferences?.devTools, true);
});

test('navigation away from the app and new windows are blocked', () => {
  const c = new FakeContents();
  lockNavigation(c as unknown as WebContents, isAppUrl);
  assert.equal(navigate(c, 'will-navigate', 'https://example.com/'), true);
  assert.equal(navigate(c, 'will-redirect', 'http://127.0.0.2/phish'), true);
  assert.equal(navigate(c, 'will-navigate', 'app://eid/index.html#/history'), false);
  assert.equal(navigate(c, 'will-navigate', FILE_PAGE), true, 'a file page is not the app');
  assert.equal(navigate(c, 'will-navigate', 'app://other/index.html'), true);
  assert.equal(navigate(c, 'will-redirect', 'app://eid:1/index.html'), true);
  assert.deepEqual(c.openHandler?.({ url: 'https://example.com' }), { action: 'deny' });
  assert.equal(navigate(c, 'will-attach-webview', 'x'), true);
});

test('the camera alone, video only, for the app\'s own page; nothing else', () => {
  const app = PAGE;
  assert.equal(mayUseCamera({ permission: 'media', url: FILE_PAGE, mediaTypes: ['video'] }, isAppUrl), false, 'a file page');
  assert.equal(mayUseCamera({ permission: 'media', url: 'app://other/index.html', mediaTypes: ['video'] }, isAppUrl), false, 'another app host');
  assert.equal(mayUseCamera({ permission: 'media', url: app, mediaTypes: ['video'] }, isAppUrl), true);
  assert.equal(mayUseCamera({ permission: 'media', url: app, mediaTypes: ['audio'] }, isAppUrl), false, 'no microphone');
  assert.equal(mayUseCamera({ permission: 'media', url: app, mediaTypes: ['video', 'audio'] }, isAppUrl), false, 'not with the microphone');
  assert.equal(mayUseCamera({ permission: 'media', url: app, mediaTypes: [] }, isAppUrl), false, 'unspecified media');
  assert.equal(mayUseCamera({ permission: 'media', url: app, mediaTypes: ['unknown'] }, isAppUrl), false);
  assert.equal(mayUseCamera({ permission: 'media', url: 'https://example.com/', mediaTypes: ['video'] }, isAppUrl), false, 'another origin');
  assert.equal(mayUseCamera({ permission: 'media', url: '', mediaTypes: ['video'] }, isAppUrl), false);
  for (const permission of ['display-capture', 'geolocation', 'notifications', 'clipboard-read', 'mediaKeySystem']) {
    assert.equal(mayUseCamera({ permission, url: app, mediaTypes: ['video'] }, isAppUrl), false, permission);
  }
});

test('every other permission request is denied, by the request and the check handler alike', () => {
  let requestHandler: ((wc: unknown, p: string, cb: (ok: boolean) => void, d?: object) => void) | null = null;
  let checkHandler: ((wc: unknown, p: string, origin: string, d: object) => boolean) | null = null;
  const session = {
    setPermissionRequestHandler: (h: typeof requestHandler) => (requestHandler = h),
    setPermissionCheckHandler: (h: typeof checkHandler) => (checkHandler = h),
  };
  lockSession(session as unknown as Session, isAppUrl);
  const app = PAGE;
  const ask = (permission: string, details: object): boolean | null => {
    let granted: boolean | null = null;
    requestHandler!(null, permission, (ok) => (granted = ok), details);
    return granted;
  };
  for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) assert.equal(ask(permission, { requestingUrl: 'https://example.com/' }), false, permission);
  assert.equal(ask('media', { requestingUrl: app, mediaTypes: ['video'] }), true, 'the camera for the app');
  assert.equal(ask('media', { requestingUrl: FILE_PAGE, mediaTypes: ['video'] }), false, 'not for a file page');
  assert.equal(ask('media', { requestingUrl: app, mediaTypes: ['audio'] }), false);
  assert.equal(ask('geolocation', { requestingUrl: app }), false);
  assert.equal(checkHandler!(null, 'media', 'app://eid', { requestingUrl: app, mediaType: 'video' }), true);
  // A check without the frame's URL is judged by the origin Electron names.
  assert.equal(checkHandler!(null, 'media', 'app://eid', { mediaType: 'video' }), true);
  assert.equal(checkHandler!(null, 'media', 'file:///', { mediaType: 'video' }), false);
  assert.equal(checkHandler!(null, 'media', 'app://eid', { requestingUrl: app, mediaType: 'audio' }), false);
  assert.equal(checkHandler!(null, 'geolocation', 'app://eid', { requestingUrl: app }), false);
  assert.equal(checkHandler!(null, 'media', 'https://example.com', { requestingUrl: 'https://example.com/', mediaType: 'video' }), false);
});

test('a crashed renderer is reloaded', () => {
  const c = new FakeContents();
  reloadOnCrash(c as unknown as WebContents);
  c.emit('render-process-gone', {}, { reason: 'crashed' });
  assert.equal(c.reloads, 1);
});
