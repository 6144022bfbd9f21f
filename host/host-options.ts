/** The command-line options of every front end that runs the terminal itself (`serve`, `start`, the service). */
import { EidError } from '../core/errors.ts';
import { readPinFile } from '../core/secrets/private-files.ts';
import type { HostOptions } from './create-host.ts';
import { resolveDataDir } from './data-dir.ts';

export const HOST_ARGS = {
  'data-dir': { type: 'string' },
  'no-virtual-reader': { type: 'boolean' },
  'virtual-latency': { type: 'string' },
  supervisor: { type: 'string' },
  'supervisor-pin-file': { type: 'string' },
  'no-pcsc': { type: 'boolean' },
} as const;

/** Where the first supervisor's PIN comes from when no file is given (`eid-terminal` also asks at a prompt). */
export const SUPERVISOR_PIN_ENV = 'EID_TERMINAL_SUPERVISOR_PIN';

export interface HostArgValues {
  'data-dir'?: string | undefined;
  'no-virtual-reader'?: boolean | undefined;
  'virtual-latency'?: string | undefined;
  supervisor?: string | undefined;
  'supervisor-pin-file'?: string | undefined;
  'no-pcsc'?: boolean | undefined;
}

/**
 * The first supervisor's name (`--supervisor NAME` or EID_TERMINAL_SUPERVISOR). The old NAME:PIN
 * form is refused, saying where the PIN goes now: every local user sees a command line (`ps`).
 */
export function supervisorName(values: HostArgValues, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const name = values.supervisor ?? env.EID_TERMINAL_SUPERVISOR;
  if (name?.includes(':')) throw new EidError('SUPERVISOR_PIN_IN_ARGUMENT', { fileOption: '--supervisor-pin-file', env: SUPERVISOR_PIN_ENV });
  return name || undefined;
}

/** The first supervisor's PIN: from `--supervisor-pin-file` (owner-only) or EID_TERMINAL_SUPERVISOR_PIN, never an argument. */
function supervisorPin(values: HostArgValues, env: NodeJS.ProcessEnv): string {
  const file = values['supervisor-pin-file'];
  const pin = file !== undefined ? readPinFile(file) : env[SUPERVISOR_PIN_ENV];
  if (!pin) throw new EidError('PIN_REQUIRED', { fileOption: '--supervisor-pin-file', env: SUPERVISOR_PIN_ENV });
  if (!/^\d{4,12}$/.test(pin)) throw new EidError('USAGE', { detail: 'the supervisor PIN is 4 to 12 digits' });
  return pin;
}

export function hostOptions(values: HostArgValues, env: NodeJS.ProcessEnv = process.env): HostOptions {
  const name = supervisorName(values, env);
  const bootstrapSupervisor = name === undefined ? undefined : { name, pin: supervisorPin(values, env) };
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
