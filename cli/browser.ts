/** Opens the kiosk UI in the app mode of a Chromium-family browser (Chromium, Chrome, Edge) when one is installed. */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeSecretFile } from '../core/secrets/private-files.ts';

const CANDIDATES = [
  '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/microsoft-edge',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe', 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/** EID_TERMINAL_BROWSER when set (then only it: a wrong path is not silently replaced), else the first installed. */
export function findBrowser(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const chosen = env.EID_TERMINAL_BROWSER;
  if (chosen) return existsSync(chosen) ? chosen : undefined;
  return CANDIDATES.find((p) => existsSync(p));
}

/** How a browser is named to the user. */
export function browserName(path: string): string {
  const file = basename(path.replace(/\\/g, '/')).toLowerCase();
  if (file.includes('edge')) return 'Microsoft Edge';
  if (file.includes('chrome')) return 'Google Chrome';
  if (file.includes('chromium')) return 'Chromium';
  return basename(path);
}

export interface AppWindow {
  /** The browser's name for messages, e.g. "Chromium". */
  readonly name: string;
  /** Resolves when the window is gone: true when it was closed, false when the browser failed. */
  readonly closed: Promise<boolean>;
  close(): void;
}

/**
 * The page the window opens first: a file in the data folder only this user may read, forwarding
 * to `url`. A process's arguments are seen by every local user (`ps`), and the one-time code in
 * `url` must not be there for another user to redeem before the window does.
 */
export function forwardingPage(url: string, dataDir: string): string {
  const file = join(dataDir, 'open-kiosk.html');
  const target = url.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  writeSecretFile(file, `<!doctype html><meta name="referrer" content="no-referrer"><meta http-equiv="refresh" content="0;url=${target}">\n`, true);
  return pathToFileURL(file).href;
}

/** Starts the browser on `url` in its own profile under the data folder; undefined when none is installed. */
export function openAppWindow(url: string, dataDir: string, kiosk: boolean): AppWindow | undefined {
  const browser = findBrowser();
  if (!browser) return undefined;
  const profile = join(dataDir, 'browser-profile');
  mkdirSync(profile, { recursive: true });
  const args = [`--app=${forwardingPage(url, dataDir)}`, `--user-data-dir=${profile}`, '--no-first-run', '--no-default-browser-check', '--disable-translate', ...(kiosk ? ['--kiosk'] : [])];
  const child = spawn(browser, args, { stdio: 'ignore' });
  const closed = new Promise<boolean>((resolve) => {
    // A browser that cannot start (not executable, no display) is reported, never thrown.
    child.once('error', () => resolve(false));
    child.once('exit', (code) => resolve(code === 0));
  });
  return { name: browserName(browser), closed, close: () => void child.kill() };
}
