/** Opens the kiosk UI in Chromium's app mode when a Chromium-family browser is installed. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const CANDIDATES = [
  process.env.EID_TERMINAL_BROWSER,
  '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/microsoft-edge',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe', 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

export function findBrowser(): string | undefined {
  return CANDIDATES.find((p): p is string => !!p && existsSync(p));
}

/** Starts the browser on `url` in its own profile under the data folder; undefined when none is installed. */
export function openAppWindow(url: string, dataDir: string, kiosk: boolean): ChildProcess | undefined {
  const browser = findBrowser();
  if (!browser) return undefined;
  const profile = join(dataDir, 'browser-profile');
  mkdirSync(profile, { recursive: true });
  const args = [`--app=${url}`, `--user-data-dir=${profile}`, '--no-first-run', '--no-default-browser-check', '--disable-translate', ...(kiosk ? ['--kiosk'] : [])];
  return spawn(browser, args, { stdio: 'ignore', detached: false });
}
