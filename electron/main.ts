/**
 * Electron main process: one kiosk window on the bundled UI, the terminal core in this process
 * with the integration API beside it (integration/start.ts, as the service runs them), TerminalApi
 * over validated IPC, the page served from app://eid (app-protocol.ts). Everything testable lives
 * in window.ts, ipc.ts, app-url.ts and app-protocol.ts.
 */
import { app, BrowserWindow, ipcMain, Menu, protocol, safeStorage, session } from 'electron';
import { join } from 'node:path';
import { DEFAULT_INTEGRATION_PORT } from '../host/host-options.ts';
import { startTerminal } from '../integration/start.ts';
import { defaultKeyProvider } from '../core/store/key-provider.ts';
import { APP_SCHEME_PRIVILEGES, rendererFileHandler } from './app-protocol.ts';
import { APP_INDEX_URL, APP_SCHEME, isAppUrl } from './app-url.ts';
import { forwardEvents, registerIpc } from './ipc.ts';
import { kioskWindowOptions, lockNavigation, lockSession, reloadOnCrash } from './window.ts';

const kiosk = !process.argv.includes('--windowed');
const rendererDir = join(__dirname, '..', '..', 'renderer', 'dist');
// Privileges can only be given before the app is ready.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let window: BrowserWindow | null = null;
  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.whenReady().then(async () => {
    Menu.setApplicationMenu(null);
    protocol.handle(APP_SCHEME, rendererFileHandler(rendererDir));
    lockSession(session.defaultSession, isAppUrl);
    const dataDir = process.env.EID_TERMINAL_DATA_DIR ?? app.getPath('userData');
    // The data key is sealed with the OS keychain (safeStorage) where the platform offers one.
    const running = await startTerminal({ dataDir, keyProvider: defaultKeyProvider(dataDir, safeStorage), pcsc: true }, {
      port: DEFAULT_INTEGRATION_PORT,
      onError: (e) => console.error(e.message),
    });
    const { host } = running;
    registerIpc(ipcMain, host.terminal, isAppUrl);
    window = new BrowserWindow(kioskWindowOptions(join(__dirname, 'preload.cjs'), kiosk));
    lockNavigation(window.webContents, isAppUrl);
    reloadOnCrash(window.webContents);
    const stopEvents = forwardEvents(host.terminal, window.webContents);
    window.once('ready-to-show', () => window?.show());
    window.on('closed', () => {
      stopEvents();
      window = null;
    });
    await window.loadURL(APP_INDEX_URL);
    app.on('before-quit', () => void running.close());
  }).catch((e: unknown) => {
    console.error(`eID Terminal could not start: ${e instanceof Error ? e.message : String(e)}`);
    app.exit(1);
  });
  app.on('window-all-closed', () => app.quit());
}
