/**
 * The first supervisor's PIN for `serve` and `start`: with `--supervisor NAME` and neither
 * `--supervisor-pin-file` nor EID_TERMINAL_SUPERVISOR_PIN, it is asked at a prompt that does not
 * echo, and handed to the service process in its environment, never in its arguments.
 */
import { SUPERVISOR_PIN_ENV, supervisorName, type HostArgValues } from '../host/host-options.ts';
import { readPin } from './pin.ts';

export async function withSupervisorPin(values: HostArgValues, env: NodeJS.ProcessEnv = process.env): Promise<NodeJS.ProcessEnv> {
  const name = supervisorName(values, env);
  if (name === undefined || values['supervisor-pin-file'] !== undefined || env[SUPERVISOR_PIN_ENV]) return env;
  const pin = await readPin({ file: undefined, fileOption: '--supervisor-pin-file', env: SUPERVISOR_PIN_ENV, prompt: `PIN of ${name}` });
  return { ...env, [SUPERVISOR_PIN_ENV]: pin };
}
