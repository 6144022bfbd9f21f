/** Questions to the person at the terminal (only when stdin is one): a hidden PIN, a yes or no. */
import { createInterface } from 'node:readline/promises';
import { EidError } from '../core/errors.ts';

export function canPrompt(): boolean {
  return process.stdin.isTTY === true;
}

/** True only for an answer that starts with y (yes), on stderr so that stdout stays the result. */
export async function confirm(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^\s*y/i.test(await rl.question(`${question} [yes/no] `));
  } finally {
    rl.close();
  }
}

/** Reads one line from the terminal in raw mode, echoing nothing; Ctrl+C or Ctrl+D cancels. */
export function promptHidden(question: string): Promise<string> {
  const input = process.stdin;
  process.stderr.write(question);
  input.setRawMode(true);
  input.resume();
  return new Promise((resolve, reject) => {
    let typed = '';
    const done = (error?: EidError): void => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: Buffer): void => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003' || ch === '\u0004') return done(new EidError('PIN_NOT_GIVEN'));
        if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
        else typed += ch;
      }
    };
    input.on('data', onData);
  });
}
