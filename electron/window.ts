/**
 * The kiosk window and the locks on it. Pure functions over Electron objects passed in, so the
 * unit tests can check them with the electron module replaced at this boundary.
 */
import type { BrowserWindowConstructorOptions, Session, WebContents } from 'electron';

export const CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export function kioskWindowOptions(preloadPath: string, kiosk: boolean): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    fullscreen: kiosk,
    kiosk,
    autoHideMenuBar: true,
    backgroundColor: '#f4f6f8',
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
      devTools: !kiosk,
    },
  };
}

/** Keeps the window on the app's own page: no navigation away, no new windows. */
export function lockNavigation(contents: WebContents, isAppUrl: (url: string) => boolean): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Denies every permission (camera, geolocation, notifications ...) and adds the CSP and referrer headers. */
export function lockSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY], 'Referrer-Policy': ['no-referrer'] } });
  });
}

/** Reloads the UI when its renderer process dies, so the counter is never left with a blank screen. */
export function reloadOnCrash(contents: WebContents): void {
  contents.on('render-process-gone', () => contents.reload());
  contents.on('unresponsive', () => contents.reload());
}
