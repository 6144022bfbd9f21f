/**
 * The web service as its own process: `node --import tsx service/main.ts [--port N] [--data-dir DIR]
 * [--no-virtual-reader] [--virtual-latency MS] [--supervisor NAME [--supervisor-pin-file FILE]] [--no-pcsc]
 * [--integration-port N]`. Builds the terminal (host/) and the kiosk UI when needed, serves both
 * on 127.0.0.1 at the address saved in the data folder (service-address.ts), prints the address
 * to open with a one-time code (no token: service/page-codes.ts) as its first line on standard output,
 * runs the integration API beside it (integration/start.ts: one Terminal, in this process), and
 * stops on SIGINT or SIGTERM. `eid-terminal serve` and `eid-terminal start`
 * run it.
 */
import { parseArgs } from 'node:util';
import { isEidError } from '../core/errors.ts';
import { SERVICE_ARGS, hostOptions, integrationPort, servicePort } from '../host/host-options.ts';
import { ensureRendererBuilt } from '../host/renderer-files.ts';
import { startTerminal } from '../integration/start.ts';
import { startService } from './server.ts';
import { startAtSavedAddress } from './service-address.ts';

async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: SERVICE_ARGS });
  const options = hostOptions(values);
  const port = values.port === undefined ? undefined : servicePort(values);
  const apiPort = integrationPort(values);
  const staticDir = await ensureRendererBuilt();
  const terminal = await startTerminal(options, {
    port: apiPort,
    onListening: (url) => console.error(`Integration API: ${url}`),
    onError: (e) => console.error(e.message),
  });
  const service = await startAtSavedAddress(options.dataDir, port, (address) => startService({ api: terminal.host.terminal, staticDir, ...address }));
  console.log(service.openUrl());
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  await service.close();
  await terminal.close();
}

try {
  await run(process.argv.slice(2));
} catch (e) {
  const code = isEidError(e) ? e.code : 'INTERNAL_ERROR';
  console.error(`eID Terminal service could not start [${code}]: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 2;
}
