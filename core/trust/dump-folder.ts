/**
 * Reads a dump folder (files COM, SOD, DG1 ... DG16, CardAccess, CardSecurity, each optionally
 * with `.bin`, names case-insensitive, optional "EF." prefix) into the map verifyDocument takes.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { EidError } from '../errors.ts';

const NAME = /^(?:EF[._])?(COM|SOD|DG(?:[1-9]|1[0-6])|CardAccess|CardSecurity)(?:\.bin)?$/i;
const CANONICAL: Record<string, string> = { com: 'COM', sod: 'SOD', cardaccess: 'CardAccess', cardsecurity: 'CardSecurity' };
/** Far above any real LDS file (DG2 faces are tens of KB); bounds memory for hostile folders. */
const MAX_FILE_BYTES = 4 * 1024 * 1024;

function dumpError(detail: string): EidError {
  return new EidError('DUMP_INVALID', { detail });
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
    const path = join(dir, entry);
    const size = statSync(path).size;
    if (size > MAX_FILE_BYTES) throw dumpError(`${entry} is larger than ${MAX_FILE_BYTES} bytes`);
    files.set(name, new Uint8Array(readFileSync(path)));
  }
  if (files.size === 0) throw dumpError(`no LDS file (COM, SOD, DG1 ...) in ${dir}`);
  return files;
}
