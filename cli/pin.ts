/**
 * Where the CLI takes a PIN from: a file (`--pin-file`, `--by-pin-file`; refused when others may
 * read it), an environment variable, or a prompt that does not echo. Never from an argument:
 * every local user sees a process's arguments (`ps -eo args`).
 */
import { readPinFile } from '../core/secrets/private-files.ts';
import { EidError } from '../core/errors.ts';
import { canPrompt, promptHidden } from './prompt.ts';

export interface PinSource {
  /** The file option's value, if given. */
  readonly file: string | undefined;
  /** Its option name, for the message when no source is at hand. */
  readonly fileOption: string;
  readonly env: string;
  /** What the prompt asks for, e.g. "PIN of Mai". */
  readonly prompt: string;
}

export async function readPin(source: PinSource): Promise<string> {
  if (source.file !== undefined) return readPinFile(source.file);
  const fromEnv = process.env[source.env];
  if (fromEnv) return fromEnv;
  if (canPrompt()) return promptHidden(`${source.prompt}: `);
  throw new EidError('PIN_REQUIRED', { fileOption: source.fileOption, env: source.env });
}
