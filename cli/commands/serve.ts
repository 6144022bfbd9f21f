/**
 * `eid-terminal serve`: the terminal as a local web service (TerminalApi over HTTP + WebSocket
 * on 127.0.0.1) serving the kiosk UI. The first line printed is the URL with its token.
 */
import { parseArgs } from 'node:util';
import type { Command } from '../main.ts';
import { EidError } from '../../core/errors.ts';
import { createHost } from '../../service/host.ts';
import { ensureRendererBuilt } from '../../service/renderer-files.ts';
import { startService, type RunningService } from '../../service/server.ts';
import { HOST_ARGS, hostOptions, type HostArgValues } from '../host-options.ts';
import { pcscReaders } from '../pcsc-readers.ts';
import { openAppWindow } from '../browser.ts';

const USAGE = `Usage: eid-terminal serve [--port N] [--data-dir DIR] [--no-browser] [--no-virtual-reader]
                          [--virtual-latency MS] [--supervisor NAME:PIN] [--no-pcsc]`;

export interface ServedTerminal {
  readonly service: RunningService;
  close(): Promise<void>;
}

/** Starts the host and the web service; `start` uses this too before opening a browser. */
export async function serveTerminal(values: HostArgValues & { port?: string | undefined }): Promise<ServedTerminal> {
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new EidError('USAGE', '--port takes a number from 0 to 65535', '--port nhận số từ 0 đến 65535');
  const options = hostOptions(values);
  const staticDir = await ensureRendererBuilt();
  const host = createHost({ ...options, readers: options.pcsc ? await pcscReaders() : [] });
  const service = await startService({ api: host.terminal, port, staticDir });
  return {
    service,
    close: async () => {
      await service.close();
      await host.close();
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
    const { values } = parseArgs({ args, options: { ...HOST_ARGS, port: { type: 'string' }, 'no-browser': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
    if (values.help) {
      console.log(USAGE);
      return 0;
    }
    const served = await serveTerminal(values);
    console.log(served.service.url);
    const window = values['no-browser'] ? undefined : openAppWindow(served.service.url, hostOptions(values).dataDir, false);
    console.error(window ? `eID Terminal is running in a ${window.name} window. Press Ctrl+C to stop.` : 'eID Terminal is running: open the URL above. Press Ctrl+C to stop.');
    await untilSignal();
    window?.close();
    await served.close();
    return 0;
  },
};
