/** How the command line shows messages: rendered in its language, and one JSON shape for scripts. */
import { EidError, isEidError } from '../core/errors.ts';
import type { UiKey } from '../core/messages/catalogue.ts';
import type { MessageParams } from '../core/messages/define.ts';
import type { Message } from '../core/messages/message.ts';
import { render, renderWithDetail } from '../core/messages/render.ts';
import { terminalLanguage } from './terminal-language.ts';

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
  if (json) console.log(JSON.stringify({ error }));
  else console.error(`${label('error.label')} [${error.code}]: ${error.message}`);
  return 2;
}

/** A command line that does not make sense; `detail` says what is wrong with it (English, like the options). */
export function usageError(detail: string, cause?: unknown): EidError {
  return new EidError('USAGE', { detail }, { cause });
}
