/** Renders a message in a language: the one place a code becomes text. */
import type { MessageParams, Template } from './define.ts';
import { catalogues, english, kindOf, type Lang, type MessageCode } from './catalogue.ts';

export interface Renderable {
  readonly code: MessageCode;
  readonly params?: MessageParams;
}

function isTemplate(entry: unknown): entry is Template {
  return typeof entry === 'object' && entry !== null && 'text' in entry;
}

/** The message's sentence in `lang`; a parameter a template needs but lacks shows as '?'. */
export function render(lang: Lang, message: Renderable): string {
  const kind = kindOf(message.code);
  if (!kind) return message.code;
  const entry = catalogues[lang][kind][message.code];
  const params = new Proxy({ ...message.params }, { get: (target, name) => (typeof name === 'string' && name in target ? target[name] : '?') });
  if (typeof entry === 'string') return entry;
  if (typeof entry === 'function') return (entry as (p: MessageParams) => string)(params);
  if (isTemplate(entry)) return entry.text(params as never);
  return message.code;
}

/** The sentence followed by its technical detail, as logs and the CLI show it. */
export function renderWithDetail(lang: Lang, message: Renderable): string {
  const detail = message.params?.detail;
  const text = render(lang, message);
  return detail === undefined || detail === '' ? text : `${text} (${detail})`;
}

/** The English entry of a code: its declared parameters, for the docs and the tests. */
export function englishEntry(code: MessageCode): string | Template {
  const kind = kindOf(code)!;
  return english[kind][code]!;
}
