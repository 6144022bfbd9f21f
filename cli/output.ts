/**
 * Everything the CLI prints goes through here, rendered in its language, and one JSON shape for
 * scripts. Stored text (names from a chip, terminal labels from an enrolment, certificate
 * subjects, settings) may carry terminal escape sequences; they are stripped so that nothing a
 * card or a remote party wrote can drive the administrator's terminal. JSON keeps its data: the
 * characters JSON.stringify leaves raw are written as \u escapes. A reader that goes away
 * (`records list | head -2`) ends the process quietly.
 */
import { EidError, isEidError } from '../core/errors.ts';
import type { UiKey } from '../core/messages/catalogue.ts';
import type { MessageParams } from '../core/messages/define.ts';
import type { Message } from '../core/messages/message.ts';
import { render, renderWithDetail } from '../core/messages/render.ts';
import { terminalLanguage } from './terminal-language.ts';

/** C0 except tab and newline, DEL, C1 (8-bit CSI and OSC), and the bidirectional overrides ("Trojan Source"). */
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** What JSON.stringify leaves unescaped but a terminal would act on, plus the JavaScript line separators. */
const JSON_UNSAFE = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

export function safeText(text: string): string {
  return text.replace(CONTROLS, '');
}

export function print(text = ''): void {
  console.log(safeText(text));
}

export function printError(text: string): void {
  console.error(safeText(text));
}

export function jsonText(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function printJson(value: unknown, indent?: number): void {
  console.log(jsonText(value, indent));
}

/** A message in --json output: the code and its parameters, and the text in the CLI's language. */
export interface JsonMessage {
  readonly code: string;
  readonly params: MessageParams;
  readonly message: string;
}

export function jsonMessage(m: Message): JsonMessage {
  return { code: m.code, params: m.params, message: renderWithDetail(terminalLanguage(), m) };
}

/** A message as a line for a person: the sentence and its technical detail. */
export function messageText(m: Message): string {
  return renderWithDetail(terminalLanguage(), m);
}

/** A label of the catalogue's UI texts in the CLI's language (e.g. 'warning.label'). */
export function label(key: UiKey): string {
  return render(terminalLanguage(), { code: key });
}

/** Prints an error for a person or as the `{"error": {code, params, message}}` JSON object; returns exit status 2. */
export function reportError(e: unknown, json: boolean): number {
  const error: JsonMessage = isEidError(e)
    ? jsonMessage(e)
    : { code: 'INTERNAL_ERROR', params: {}, message: e instanceof Error ? e.message : String(e) };
  if (json) printJson({ error });
  else printError(`${label('error.label')} [${error.code}]: ${error.message}`);
  return 2;
}

/** A command line that does not make sense; `detail` says what is wrong with it (English, like the options). */
export function usageError(detail: string, cause?: unknown): EidError {
  return new EidError('USAGE', { detail }, { cause });
}

/** Once per process (bin/eid-terminal.js): a closed pipe on stdout or stderr ends the command without a stack trace. */
export function exitQuietlyOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(0);
      throw e;
    });
  }
}
