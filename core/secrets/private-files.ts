/**
 * Files only the service account may read: folders 0700, files 0600, secrets written through a
 * temporary file and a rename (a crash never leaves half a key), and refused on read when their
 * mode lets others in. The terminal's records database and key, the registry's database, keys and
 * signing key all go through here. On Windows the ACLs of the profile folder do this job.
 */
import { chmodSync, closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { EidError } from '../errors.ts';
import { secretsError } from './errors.ts';

function isPosix(): boolean {
  return process.platform !== 'win32';
}

/** Creates the folder 0700, or narrows an existing one to 0700 (an older version may have left it 0755). */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (isPosix() && (statSync(dir).mode & 0o077) !== 0) chmodSync(dir, 0o700);
}

/**
 * Creates the file 0600 if it does not exist, or narrows an existing one, before a database opens
 * it: SQLite gives its -wal and -shm files the database file's mode, whatever the umask.
 */
export function ensurePrivateFile(path: string): void {
  if (!existsSync(path)) closeSync(openSync(path, 'a', 0o600));
  if (isPosix() && (statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
}

/** A SQLite database file 0600 before it is opened, and the -wal and -shm files a crash may have left, narrowed too. */
export function ensurePrivateDatabase(path: string): void {
  ensurePrivateFile(path);
  for (const companion of [`${path}-wal`, `${path}-shm`, `${path}-journal`]) {
    if (existsSync(companion) && isPosix() && (statSync(companion).mode & 0o077) !== 0) chmodSync(companion, 0o600);
  }
}

/** Writes via a temporary file and rename; `replace` false keeps a file another process wrote first. */
export function writeSecretFile(path: string, content: string, replace = false): void {
  ensurePrivateDir(dirname(path));
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, content, { mode: 0o600, flag: 'w' });
  const fd = openSync(tmp, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  if (isPosix()) chmodSync(tmp, 0o600);
  if (!replace && existsSync(path)) {
    unlinkSync(tmp);
    return;
  }
  renameSync(tmp, path);
}

/** The file's text, trimmed; `insecure` is thrown when others may read it. */
export function readSecretFile(path: string, insecure: (mode: string) => EidError = (mode) => secretsError('KEY_FILE_INSECURE', `${path}, mode ${mode}`)): string {
  if (isPosix()) {
    const mode = statSync(path).mode & 0o777;
    if ((mode & 0o077) !== 0) throw insecure(mode.toString(8));
  }
  return readFileSync(path, 'utf8').trim();
}

/** A PIN kept in a file (`--pin-file`, `--supervisor-pin-file`): its first line, refused when others may read it. */
export function readPinFile(path: string): string {
  return readSecretFile(path, (mode) => secretsError('PIN_FILE_INSECURE', `${path}, mode ${mode}`)).split('\n')[0]!.trim();
}
