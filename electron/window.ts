/**
 * The kiosk window and the locks on it. Pure functions over Electron objects passed in, so the
 * unit tests can check them with the electron module replaced at this boundary.
 */
import type { BrowserWindowConstructorOptions, Session, WebContents } from 'electron';

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

/** A permission as Electron asks about it: the page's URL and, for `media`, the kinds of media. */
export interface PermissionAsked {
  readonly permission: string;
  readonly url: string;
  readonly mediaTypes: readonly string[];
}

/** The one permission the kiosk grants: the camera (video, never the microphone) to the app's own page, for face match. */
export function mayUseCamera({ permission, url, mediaTypes }: PermissionAsked, isAppUrl: (url: string) => boolean): boolean {
  return permission === 'media' && isAppUrl(url) && mediaTypes.length > 0 && mediaTypes.every((t) => t === 'video');
}

/** Denies every permission but the app's camera (geolocation, notifications, microphone ...). The page's CSP and referrer headers come with its files (app-protocol.ts). */
export function lockSession(session: Session, isAppUrl: (url: string) => boolean): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? (details.mediaTypes ?? []) : [];
    callback(mayUseCamera({ permission, url: details?.requestingUrl ?? '', mediaTypes }, isAppUrl));
  });
  // A check may come without the frame's URL; then the origin Electron names is judged.
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    mayUseCamera({ permission, url: details?.requestingUrl || requestingOrigin, mediaTypes: details?.mediaType ? [details.mediaType] : [] }, isAppUrl));
}

/** Reloads the UI when its renderer process dies, so the counter is never left with a blank screen. */
export function reloadOnCrash(contents: WebContents): void {
  contents.on('render-process-gone', () => contents.reload());
  contents.on('unresponsive', () => contents.reload());
}
