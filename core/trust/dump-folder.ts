/**
 * Reads a dump folder (files COM, SOD, DG1 ... DG16, CardAccess, CardSecurity, each optionally
 * with `.bin`, names case-insensitive, optional "EF." prefix) into the map verifyDocument takes.
 *
 * The folder is hostile input: only regular files are read (a symlink to /dev/zero, a FIFO or a
 * folder named DG2.bin is a dump error, never an endless read or a hang), and each read stops at
 * a cap counted in bytes actually read, whatever `stat` claims.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { EidError } from '../errors.ts';
import { concat } from '../bytes/bytes.ts';
import { ldsFile } from '../lds/files.ts';

const NAME = /^(?:EF[._])?(COM|SOD|DG(?:[1-9]|1[0-6])|CardAccess|CardSecurity)(?:\.bin)?$/i;
const CANONICAL: Record<string, string> = { com: 'COM', sod: 'SOD', cardaccess: 'CardAccess', cardsecurity: 'CardSecurity' };
/** Far above any real LDS file (DG2 faces are tens of KB); bounds memory for hostile folders. */
const MAX_FILE_BYTES = 4 * 1024 * 1024;
const CHUNK = 64 * 1024;
/** Not following links, and not blocking on a FIFO swapped in after the lstat (0 where the OS lacks them). */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

function dumpError(detail: string): EidError {
  return new EidError('DUMP_INVALID', { detail });
}

function readRegularFile(path: string, entry: string): Uint8Array {
  if (!lstatSync(path).isFile()) throw dumpError(`${entry} is not a regular file`);
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch {
    throw dumpError(`${entry} cannot be opened`);
  }
  try {
    if (!fstatSync(fd).isFile()) throw dumpError(`${entry} is not a regular file`);
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const chunk = new Uint8Array(CHUNK);
      const n = readSync(fd, chunk, 0, CHUNK, null);
      if (n === 0) break;
      total += n;
      if (total > MAX_FILE_BYTES) throw dumpError(`${entry} is larger than ${MAX_FILE_BYTES} bytes`);
      chunks.push(chunk.subarray(0, n));
    }
    return concat(...chunks);
  } finally {
    closeSync(fd);
  }
}

/**
 * Without a recognisable EF.SOD nothing in the folder can be judged: a file that does not even
 * start with the SOD's tag is another file saved under that name, a dump error. A damaged SOD
 * that is one (tag right, content broken) stays evidence for the verdict.
 */
function checkSod(files: Map<string, Uint8Array>): void {
  const sod = files.get('SOD');
  if (sod !== undefined && sod[0] !== ldsFile('SOD').tag) throw dumpError('SOD is not an EF.SOD (it does not start with tag 0x77)');
}

export function readDumpFolder(dir: string): Map<string, Uint8Array> {
  let entries: string[];
  try {
    if (!statSync(dir).isDirectory()) throw dumpError(`${dir} is not a folder`);
    entries = readdirSync(dir);
  } catch (e) {
    if (e instanceof EidError) throw e;
    throw dumpError(`${dir} does not exist or is not readable`);
  }
  const files = new Map<string, Uint8Array>();
  for (const entry of entries.sort()) {
    const m = NAME.exec(entry);
    if (!m) continue;
    const raw = m[1]!;
    const name = CANONICAL[raw.toLowerCase()] ?? raw.toUpperCase();
    if (files.has(name)) throw dumpError(`${name} is present twice (with and without .bin?)`);
    files.set(name, readRegularFile(join(dir, entry), entry));
  }
  if (files.size === 0) throw dumpError(`no LDS file (COM, SOD, DG1 ...) in ${dir}`);
  checkSod(files);
  return files;
}
