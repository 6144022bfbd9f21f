/** The language of the shell the command runs in (LC_ALL, LC_MESSAGES, LANG): Vietnamese or English. */
export function terminalLanguage(env: NodeJS.ProcessEnv = process.env): 'vi' | 'en' {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^vi/i.test(locale) ? 'vi' : 'en';
}
