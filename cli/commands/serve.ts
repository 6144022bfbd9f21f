/**
 * `eid-terminal serve`: the terminal as a local web service (TerminalApi over HTTP + WebSocket
 * on 127.0.0.1) serving the kiosk UI. The first line printed is the address to open, with a
 * one-time code (the token itself stays off every URL and command line). The service is its own
 * front end (service/main.ts), run here as a child process.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Command } from '../command.ts';
import { EidError } from '../../core/errors.ts';
import { SERVICE_ARGS, hostOptions, serviceArgv, servicePort, type ServiceArgValues } from '../../host/host-options.ts';
import { openAppWindow } from '../browser.ts';
import { withSupervisorPin } from '../supervisor-option.ts';

const SERVICE_MAIN = fileURLToPath(new URL('../../service/main.ts', import.meta.url));
const USAGE = `Usage: eid-terminal serve [--port N] [--data-dir DIR] [--no-browser] [--no-virtual-reader]
                          [--virtual-latency MS] [--supervisor NAME [--supervisor-pin-file FILE]] [--no-pcsc]
The first supervisor's PIN: typed at the prompt, from --supervisor-pin-file or EID_TERMINAL_SUPERVISOR_PIN.`;

export interface ServedTerminal {
  readonly service: { readonly url: string };
  close(): Promise<void>;
}

/**
 * Starts the service process and waits for its URL; `start` uses this too before opening a
 * browser. `env` carries what must not be an argument (withSupervisorPin).
 */
export async function serveTerminal(values: ServiceArgValues, env: NodeJS.ProcessEnv): Promise<ServedTerminal> {
  // Usage errors are reported here, before a process is started.
  hostOptions(values, env);
  servicePort(values);
  const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), SERVICE_MAIN, ...serviceArgv(values)], { stdio: ['ignore', 'pipe', 'inherit'], env });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const lines = createInterface({ input: child.stdout });
  const url = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    void exited.then(() => reject(new EidError('SERVICE_FAILED')));
  });
  lines.on('line', (line) => console.log(line));
  return {
    service: { url },
    close: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

export function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

export const command: Command = {
  summary: 'run the terminal as a local web service and open it in Chromium (prints its URL first)',
  async run(args) {
    const { values } = parseArgs({ args, options: { ...SERVICE_ARGS, 'no-browser': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
    if (values.help) {
      console.log(USAGE);
      return 0;
    }
    const env = await withSupervisorPin(values);
    const served = await serveTerminal(values, env);
    console.log(served.service.url);
    const window = values['no-browser'] ? undefined : openAppWindow(served.service.url, hostOptions(values, env).dataDir, false);
    console.error(window ? `eID Terminal is running in a ${window.name} window. Press Ctrl+C to stop.` : 'eID Terminal is running: open the URL above. Press Ctrl+C to stop.');
    await untilSignal();
    window?.close();
    await served.close();
    return 0;
  },
};
