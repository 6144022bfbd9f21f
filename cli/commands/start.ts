/**
 * `eid-terminal start` (what `npm start` runs): the Electron kiosk when the Electron binary is
 * installed; otherwise the same UI and core through the local service in Chromium's app mode,
 * or the URL to open when no browser is found.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Command } from '../command.ts';
import { EidError } from '../../core/errors.ts';
import { ensureRendererBuilt } from '../../host/renderer-files.ts';
import { openAppWindow } from '../browser.ts';
import { HOST_ARGS, hostOptions } from '../../host/host-options.ts';
import { serveTerminal, untilSignal } from './serve.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const USAGE = `Usage: eid-terminal start [--windowed] [--browser] [--port N] [--data-dir DIR] [--no-virtual-reader]
                          [--virtual-latency MS] [--supervisor NAME:PIN] [--no-pcsc]`;

/** The Electron executable, when its download at install time succeeded. */
export function electronBinary(): string | undefined {
  try {
    const path: unknown = createRequire(import.meta.url)('electron');
    return typeof path === 'string' && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

/** The main-process and preload bundles, built by the build script in its own process. */
function ensureElectronBuilt(): void {
  if (existsSync(join(ROOT, 'dist/electron/main.mjs'))) return;
  const build = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/build-electron.ts')], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) {
    throw new EidError('ELECTRON_BUILD_FAILED', 'The Electron bundles could not be built (npm run build shows why)', 'Không tạo được gói Electron (chạy npm run build để xem lý do)');
  }
}

async function runElectron(binary: string, dataDir: string, windowed: boolean): Promise<number> {
  await ensureRendererBuilt();
  ensureElectronBuilt();
  const child = spawn(binary, [ROOT, ...(windowed ? ['--windowed'] : [])], { stdio: 'inherit', env: { ...process.env, EID_TERMINAL_DATA_DIR: dataDir } });
  return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
}

export const command: Command = {
  summary: 'start the kiosk: Electron when installed, else the service in a Chromium app window',
  async run(args) {
    const { values } = parseArgs({
      args,
      options: { ...HOST_ARGS, port: { type: 'string' }, windowed: { type: 'boolean' }, browser: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
    if (values.help) {
      console.log(USAGE);
      return 0;
    }
    const { dataDir } = hostOptions(values);
    const electron = values.browser ? undefined : electronBinary();
    if (electron) return runElectron(electron, dataDir, values.windowed ?? false);
    const served = await serveTerminal(values);
    console.log(served.service.url);
    const browser = openAppWindow(served.service.url, dataDir, !values.windowed);
    if (browser) {
      console.error('eID Terminal is running in a Chromium window (Electron is not installed). Close it or press Ctrl+C to stop.');
      await Promise.race([untilSignal(), new Promise((resolve) => browser.on('exit', resolve))]);
      browser.kill();
    } else {
      console.error('No Electron and no Chromium found: open the URL above in a browser on this machine. Press Ctrl+C to stop.');
      await untilSignal();
    }
    await served.close();
    return 0;
  },
};
