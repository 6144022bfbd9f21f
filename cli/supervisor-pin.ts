/**
 * A supervisor's PIN for a command, never from its arguments (they show in `ps` and shell
 * history): from a file (`--by-pin-file`), from EID_TERMINAL_BY_PIN, or typed at a prompt.
 */
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { EidError } from '../core/errors.ts';

async function prompt(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  // Typed digits are not echoed.
  const output = rl as unknown as { _writeToOutput?: (s: string) => void };
  process.stderr.write(question);
  output._writeToOutput = () => undefined;
  try {
    return await new Promise<string>((resolve) => rl.question('', resolve));
  } finally {
    rl.close();
    process.stderr.write('\n');
  }
}

export async function supervisorPin(name: string, pinFile: string | undefined): Promise<string> {
  if (pinFile !== undefined) return readFileSync(pinFile, 'utf8').trim();
  const fromEnv = process.env.EID_TERMINAL_BY_PIN;
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) {
    throw new EidError('SUPERVISOR_PIN_REQUIRED');
  }
  return prompt(`PIN of ${name}: `);
}
