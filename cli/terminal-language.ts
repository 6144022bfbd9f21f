/**
 * The language the command line speaks: EID_TERMINAL_LANG (vi or en) when set, else the shell's
 * (LC_ALL, LC_MESSAGES, LANG): Vietnamese when it starts with "vi", English otherwise.
 */
import { isLang, type Lang } from '../core/messages/catalogue.ts';

export function terminalLanguage(env: NodeJS.ProcessEnv = process.env): Lang {
  const chosen = env.EID_TERMINAL_LANG?.trim().toLowerCase();
  if (isLang(chosen)) return chosen;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^vi/i.test(locale) ? 'vi' : 'en';
}
