/**
 * The web service as its own process: `node --import tsx service/main.ts [--port N] [--data-dir DIR]
 * [--no-virtual-reader] [--virtual-latency MS] [--supervisor NAME [--supervisor-pin-file FILE]] [--no-pcsc]
 * [--integration-port N]`. Builds the terminal (host/) and the kiosk UI when needed, serves both
 * on 127.0.0.1 at the address saved in the data folder (service-address.ts), prints the address
 * to open with a one-time code (no token: service/page-codes.ts) as the first line, runs the integration API beside it (integration/, same process
 * and Terminal), and stops on SIGINT or SIGTERM. `eid-terminal serve` and `eid-terminal start`
 * run it.
 */
import { parseArgs } from 'node:util';
import { isEidError } from '../core/errors.ts';
import { createHost } from '../host/create-host.ts';
import { SERVICE_ARGS, hostOptions, integrationPort, servicePort } from '../host/host-options.ts';
import { ensureRendererBuilt } from '../host/renderer-files.ts';
import { runIntegration } from '../integration/start.ts';
import { startService } from './server.ts';
import { startAtSavedAddress } from './service-address.ts';

async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: SERVICE_ARGS });
  const options = hostOptions(values);
  const port = values.port === undefined ? undefined : servicePort(values);
  const apiPort = integrationPort(values);
  const staticDir = await ensureRendererBuilt();
  const host = await createHost(options);
  const service = await startAtSavedAddress(options.dataDir, port, (address) => startService({ api: host.terminal, staticDir, ...address }));
  console.log(service.openUrl());
  const integration = await runIntegration(host, {
    port: apiPort,
    onListening: (url) => console.error(`Integration API: ${url}`),
    onError: (e) => console.error(`The integration API could not start: ${e instanceof Error ? e.message : String(e)}`),
  });
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  await integration.close();
  await service.close();
  await host.close();
}

try {
  await run(process.argv.slice(2));
} catch (e) {
  const code = isEidError(e) ? e.code : 'INTERNAL_ERROR';
  console.error(`eID Terminal service could not start [${code}]: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 2;
}
