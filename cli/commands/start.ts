/**
 * `eid-terminal start` (what `npm start` runs): the Electron kiosk when the Electron binary is
 * installed; otherwise the same UI and core through the local service in the app window of
 * Chromium, Chrome or Edge, or the URL to open when no such browser is found. Each case is said in
 * one line; nothing here may end in a stack trace.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Command } from '../command.ts';
import { EidError } from '../../core/errors.ts';
import { ensureRendererBuilt } from '../../host/renderer-files.ts';
import { openAppWindow } from '../browser.ts';
import { HOST_ARGS, hostOptions } from '../../host/host-options.ts';
import { serveTerminal, untilSignal } from './serve.ts';
import { withSupervisorPin } from '../supervisor-option.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const USAGE = `Usage: eid-terminal start [--windowed] [--browser] [--port N] [--data-dir DIR] [--no-virtual-reader]
                          [--virtual-latency MS] [--supervisor NAME [--supervisor-pin-file FILE]] [--no-pcsc]
The first supervisor's PIN: typed at the prompt, from --supervisor-pin-file or EID_TERMINAL_SUPERVISOR_PIN.`;

/**
 * The Electron executable, when its download succeeded. Found the way the electron package does
 * (path.txt, ELECTRON_OVERRIDE_DIST_PATH) without require('electron'), which would try to
 * download a missing binary and print the failure's stack trace.
 */
export function electronBinary(env: NodeJS.ProcessEnv = process.env): string | undefined {
  let dir: string;
  try {
    dir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return undefined;
  }
  const pathFile = join(dir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  const full = override ? join(override, executable || 'electron') : executable ? join(dir, 'dist', executable) : undefined;
  return full && existsSync(full) ? full : undefined;
}

/** The main-process and preload bundles, built by the build script in its own process. */
function ensureElectronBuilt(): void {
  if (existsSync(join(ROOT, 'dist/electron/main.mjs'))) return;
  const build = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/build-electron.ts')], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) {
    throw new EidError('ELECTRON_BUILD_FAILED');
  }
}

async function runElectron(binary: string, dataDir: string, windowed: boolean): Promise<number> {
  await ensureRendererBuilt();
  ensureElectronBuilt();
  const child = spawn(binary, [ROOT, ...(windowed ? ['--windowed'] : [])], { stdio: 'inherit', env: { ...process.env, EID_TERMINAL_DATA_DIR: dataDir } });
  return new Promise((resolve) => {
    child.once('error', (e) => {
      console.error(`Electron could not start (${e.message}); run \`eid-terminal start --browser\` to use a browser window instead.`);
      resolve(2);
    });
    child.once('exit', (code) => resolve(code ?? 1));
  });
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
    const env = await withSupervisorPin(values);
    const { dataDir } = hostOptions(values, env);
    const electron = values.browser ? undefined : electronBinary();
    if (electron) return runElectron(electron, dataDir, values.windowed ?? false);
    const why = values.browser ? 'Started with --browser' : 'Electron is not installed';
    const served = await serveTerminal(values, env);
    console.log(served.service.url);
    const window = openAppWindow(served.service.url, dataDir, !values.windowed);
    if (window) {
      console.error(`${why}: eID Terminal runs in a ${window.name} app window instead. Close it or press Ctrl+C to stop.`);
      const closedNormally = await Promise.race([untilSignal().then(() => true), window.closed]);
      window.close();
      if (!closedNormally) {
        console.error(`${window.name} could not open a window: open the URL above in a browser on this machine. Press Ctrl+C to stop.`);
        await untilSignal();
      }
    } else {
      console.error(`${why} and no Chromium, Chrome or Edge was found: open the URL above in a web browser on this machine (paste it into the address bar). Press Ctrl+C to stop.`);
      await untilSignal();
    }
    await served.close();
    return 0;
  },
};
