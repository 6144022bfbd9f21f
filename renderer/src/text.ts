/**
 * Every word the clerk sees comes from the message catalogue (core/messages), in the screen's
 * language: the UI's own texts by key, and the errors, warnings and notes the terminal sends.
 */
import { isErrorCode, isUiKey, type Lang, type UiEntry, type UiKey } from '../../core/messages/catalogue.ts';
import type { ParamArgs } from '../../core/messages/define.ts';
import type { Message } from '../../core/messages/message.ts';
import { render } from '../../core/messages/render.ts';

export type { Lang, UiKey };

/** One of the UI's own texts. */
export function t<K extends UiKey>(lang: Lang, key: K, ...[params]: ParamArgs<UiEntry<K>>): string {
  return render(lang, { code: key, params: { ...params } });
}

/** A UI key built from data (a check, a field, a step), or the raw name when the catalogue has none. */
export function tOr(lang: Lang, key: string, fallback: string): string {
  return isUiKey(key) ? render(lang, { code: key }) : fallback;
}

/** An error, warning or note from the terminal. */
export function messageText(lang: Lang, message: Message): string {
  return render(lang, message);
}

/** An error as the API or the network gave it, rendered; anything unexpected as INTERNAL_ERROR. */
export function errorMessage(e: unknown): Message {
  if (e && typeof e === 'object' && 'code' in e && typeof e.code === 'string' && isErrorCode(e.code)) {
    const params = 'params' in e && e.params && typeof e.params === 'object' ? (e.params as Message['params']) : {};
    return { code: e.code, params };
  }
  return { code: 'INTERNAL_ERROR', params: {} };
}

export function errorText(e: unknown, lang: Lang): string {
  return render(lang, errorMessage(e));
}
