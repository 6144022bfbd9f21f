/**
 * The command line speaks the language of the shell it runs in: EID_TERMINAL_LANG (vi or en)
 * when set, else Vietnamese when LANG starts with "vi", else English.
 */
import { isLang, type Lang } from '../core/messages/catalogue.ts';

export function cliLanguage(env: NodeJS.ProcessEnv = process.env): Lang {
  const chosen = env.EID_TERMINAL_LANG?.trim().toLowerCase();
  if (isLang(chosen)) return chosen;
  return env.LANG?.toLowerCase().startsWith('vi') ? 'vi' : 'en';
}
