/** The command-line options of every front end that runs the terminal itself (`serve`, `start`, the service). */
import { EidError } from '../core/errors.ts';
import type { HostOptions } from './create-host.ts';
import { resolveDataDir } from './data-dir.ts';

export const HOST_ARGS = {
  'data-dir': { type: 'string' },
  'no-virtual-reader': { type: 'boolean' },
  'virtual-latency': { type: 'string' },
  supervisor: { type: 'string' },
  'no-pcsc': { type: 'boolean' },
} as const;

export interface HostArgValues {
  'data-dir'?: string | undefined;
  'no-virtual-reader'?: boolean | undefined;
  'virtual-latency'?: string | undefined;
  supervisor?: string | undefined;
  'no-pcsc'?: boolean | undefined;
}

export function hostOptions(values: HostArgValues): HostOptions {
  const supervisor = values.supervisor ?? process.env.EID_TERMINAL_SUPERVISOR;
  let bootstrapSupervisor: HostOptions['bootstrapSupervisor'];
  if (supervisor) {
    const m = /^([^:]+):(\d{4,12})$/.exec(supervisor);
    if (!m) throw new EidError('USAGE', { detail: '--supervisor takes NAME:PIN (a PIN of 4 to 12 digits)' });
    bootstrapSupervisor = { name: m[1]!, pin: m[2]! };
  }
  const latency = values['virtual-latency'] === undefined ? undefined : Number(values['virtual-latency']);
  if (latency !== undefined && !(latency >= 0 && latency <= 1000)) {
    throw new EidError('USAGE', { detail: '--virtual-latency takes milliseconds from 0 to 1000' });
  }
  return {
    dataDir: resolveDataDir(values['data-dir']),
    virtualReader: !values['no-virtual-reader'],
    ...(latency !== undefined && { virtualLatencyMs: latency }),
    ...(bootstrapSupervisor && { bootstrapSupervisor }),
    pcsc: !values['no-pcsc'],
  };
}

/** The web service's options: the host's, the kiosk's port and the integration API's port. */
export const SERVICE_ARGS = { ...HOST_ARGS, port: { type: 'string' }, 'integration-port': { type: 'string' } } as const;

export interface ServiceArgValues extends HostArgValues {
  port?: string | undefined;
  'integration-port'?: string | undefined;
}

/** The integration API's fixed default port, so business applications know where to connect. */
export const DEFAULT_INTEGRATION_PORT = 7891;

function portOption(value: string | undefined, fallback: number, flag: string): number {
  const port = value === undefined ? fallback : Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new EidError('USAGE', { detail: `${flag} takes a number from 0 to 65535` });
  return port;
}

/** The port given with --port (0 lets the system choose); without it the service uses its saved address (service/service-address.ts). */
export function servicePort(values: ServiceArgValues): number {
  return portOption(values.port, 0, '--port');
}

/** The integration API's port (when it runs: see integration/start.ts). */
export function integrationPort(values: ServiceArgValues): number {
  return portOption(values['integration-port'], DEFAULT_INTEGRATION_PORT, '--integration-port');
}

/** The command line that gives a service process the same options (service/main.ts parses it). */
export function serviceArgv(values: ServiceArgValues): string[] {
  return Object.keys(SERVICE_ARGS).flatMap((name) => {
    const value = values[name as keyof ServiceArgValues];
    if (value === undefined || value === false) return [];
    return value === true ? [`--${name}`] : [`--${name}`, value];
  });
}
