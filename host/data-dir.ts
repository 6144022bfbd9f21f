import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Where the database, keys and settings live: `--data-dir`, else EID_TERMINAL_DATA_DIR, else the
 * user's data folder (XDG on Linux, %APPDATA% on Windows, Application Support on macOS).
 */
export function resolveDataDir(flag: string | undefined): string {
  if (flag) return resolve(flag);
  const fromEnv = process.env.EID_TERMINAL_DATA_DIR;
  if (fromEnv) return resolve(fromEnv);
  if (process.platform === 'win32') return join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'eid-terminal');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'eid-terminal');
  return join(process.env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'eid-terminal');
}
