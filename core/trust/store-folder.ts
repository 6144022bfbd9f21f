/**
 * The persistent trust store: the shipped `certs/` folder plus `<data-dir>/trust/`. Imports are
 * verified (loaded into a scratch copy) before the file is copied in; removals are recorded in
 * `<data-dir>/trust/removed.txt` so a certificate inside a master list can be removed too.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EidError } from '../errors.ts';
import { trustFileError } from './errors.ts';
import { loadTrustBytes, type LoadReport } from './trust-files.ts';
import type { ErrorMessage } from '../messages/message.ts';
import { fingerprintOf, normaliseFingerprint, TrustStore } from './store.ts';

export interface TrustFolders {
  /** Folders loaded read-only at start (the shipped certs/). */
  readonly shipped: readonly string[];
  /** `<data-dir>/trust`, created on first import. */
  readonly userFolder: string;
}

/** A trust file that could not be loaded, and why. */
export interface TrustFailure {
  readonly file: string;
  readonly error: ErrorMessage;
}

export interface LoadedTrustStore {
  readonly store: TrustStore;
  readonly reports: readonly LoadReport[];
  /** Files that could not be loaded, with the reason; the rest of the store still loads. */
  readonly failures: readonly TrustFailure[];
  /**
   * The date of the list shipped in certs/: the newest start of validity among its certificates
   * still in the store (null when none is). The status bar shows it while nothing has updated the list.
   */
  readonly shippedListDate: Date | null;
  /** When an import or a removal last changed the user folder (its newest file), null when nothing has. */
  readonly userFolderChangedAt: Date | null;
}

const REMOVED_LIST = 'removed.txt';
const TRUST_EXTENSIONS = new Set(['.pem', '.crt', '.cer', '.der', '.ml', '.ldif', '.crl']);
const MAX_FILE_BYTES = 256 * 1024 * 1024;

export function trustFolderOf(dataDir: string): string {
  return join(dataDir, 'trust');
}

function readRemoved(userFolder: string): Set<string> {
  const path = join(userFolder, REMOVED_LIST);
  if (!existsSync(path)) return new Set();
  return new Set(readFileSync(path, 'utf8').split('\n').map((l) => normaliseFingerprint(l)).filter((l) => l.length === 64));
}

/** Trust files of a folder (not recursive), sorted so loads are reproducible. */
export function trustFilesIn(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((f) => TRUST_EXTENSIONS.has(extname(f).toLowerCase()))
    .sort()
    .map((f) => join(folder, f));
}

function readBounded(file: string): Uint8Array {
  const size = statSync(file).size;
  if (size > MAX_FILE_BYTES) throw trustFileError(`${basename(file)} is larger than ${MAX_FILE_BYTES} bytes`);
  return new Uint8Array(readFileSync(file));
}

/** Loads one file or every trust file in a folder into `store`. */
export function loadTrustPath(store: TrustStore, path: string, now: Date): LoadReport[] {
  if (!existsSync(path)) throw trustFileError(`${path} does not exist`);
  const files = statSync(path).isDirectory() ? trustFilesIn(path) : [path];
  return files.map((f) => loadTrustBytes(store, readBounded(f), basename(f), now));
}

/**
 * Loads the shipped folders, then the user folder; master lists first so that their CSCAs can
 * vouch for one another. A broken file is reported, not fatal.
 */
export function loadTrustStore(folders: TrustFolders, now: Date = new Date()): LoadedTrustStore {
  const store = new TrustStore();
  const reports: LoadReport[] = [];
  const failures: TrustFailure[] = [];
  const shipped = folders.shipped.flatMap(trustFilesIn);
  const files = [...shipped, ...trustFilesIn(folders.userFolder)];
  const ordered = [...files.filter((f) => !f.endsWith('.ml')), ...files.filter((f) => f.endsWith('.ml'))];
  const retry: string[] = [];
  const load = (file: string, last: boolean): void => {
    try {
      reports.push(loadTrustBytes(store, readBounded(file), basename(file), now, { listSigner: 'verified-before' }));
    } catch (e) {
      if (!(e instanceof EidError)) throw e;
      // A master list whose signer is vouched for by a CSCA from a later file gets a second pass.
      if (!last && file.endsWith('.ml')) retry.push(file);
      else failures.push({ file: basename(file), error: { code: e.code, params: e.params } });
    }
  };
  for (const file of ordered) load(file, false);
  for (const file of retry) load(file, true);
  for (const fp of readRemoved(folders.userFolder)) store.remove(fp);
  return { store, reports, failures, shippedListDate: newestFrom(store, new Set(shipped.map((f) => basename(f)))), userFolderChangedAt: lastChange(folders.userFolder) };
}

function lastChange(userFolder: string): Date | null {
  const removed = join(userFolder, REMOVED_LIST);
  const times = [...trustFilesIn(userFolder), ...(existsSync(removed) ? [removed] : [])].map((f) => statSync(f).mtime.getTime());
  return times.length > 0 ? new Date(Math.max(...times)) : null;
}

/** The newest start of validity of the certificates loaded from `files` (a certificate's source is its file's name, a master list's with a note after it). */
function newestFrom(store: TrustStore, files: ReadonlySet<string>): Date | null {
  const times = store
    .certificates()
    .filter((c) => files.has(c.source.split(' (')[0]!))
    .map((c) => c.certificate.notBefore.getTime());
  return times.length > 0 ? new Date(Math.max(...times)) : null;
}

/**
 * Verifies `file` against a copy of `store` and, when it loads, copies it into the user folder
 * (named by its SHA-256) and adds its content to `store`. Returns the load report.
 */
export function importTrustFile(store: TrustStore, userFolder: string, file: string, now: Date = new Date()): LoadReport {
  const bytes = readBounded(file);
  const scratch = store.clone();
  const report = loadTrustBytes(scratch, bytes, basename(file), now);
  mkdirSync(userFolder, { recursive: true });
  const ext = extname(file).toLowerCase();
  // The file name keeps the original (shown as the source) behind a content prefix (no clashes).
  const name = basename(file, extname(file)).replace(/[^\w.-]/g, '_').slice(0, 80);
  copyFileSync(file, join(userFolder, `${fingerprintOf(bytes).slice(0, 16)}-${name}${TRUST_EXTENSIONS.has(ext) ? ext : '.der'}`));
  const removed = readRemoved(userFolder);
  const removedBefore = removed.size;
  for (const c of scratch.certificates()) {
    if (store.get(c.fingerprint)) continue;
    store.addCertificate(c.certificate, c.source);
    removed.delete(c.fingerprint); // importing again undoes an earlier removal
  }
  for (const c of scratch.crls()) {
    if (!store.hasCrl(c.fingerprint)) store.addCrl(c.crl, c.source);
    removed.delete(c.fingerprint);
  }
  if (removed.size !== removedBefore) writeFileSync(join(userFolder, REMOVED_LIST), [...removed].join('\n') + '\n');
  return report;
}

/**
 * Removes a certificate or CRL by SHA-256 fingerprint: deletes its file when it was imported on
 * its own, and records the fingerprint so it stays out even when a master list or certs/ holds it.
 */
export function removeTrusted(store: TrustStore, userFolder: string, fingerprint: string): boolean {
  const fp = normaliseFingerprint(fingerprint);
  if (!/^[0-9a-f]{64}$/.test(fp)) throw trustFileError('a fingerprint is 64 hexadecimal digits (SHA-256)');
  const found = store.remove(fp);
  if (!found) return false;
  mkdirSync(userFolder, { recursive: true });
  for (const file of trustFilesIn(userFolder)) {
    if (fingerprintOf(readBounded(file)) === fp) unlinkSync(file);
  }
  const removed = readRemoved(userFolder);
  removed.add(fp);
  writeFileSync(join(userFolder, REMOVED_LIST), [...removed].join('\n') + '\n');
  return true;
}

/** The `certs/` folder shipped with the terminal (trust anchors loaded at start). */
export const SHIPPED_CERTS_DIR: string = fileURLToPath(new URL('../../certs/', import.meta.url));

/**
 * The demo CSCAs that sign the virtual reader's sample cards. Their private keys are public, so
 * they are never part of the trust store that judges real cards: only the virtual reader adds them.
 */
export const DEMO_CERTS_DIR: string = fileURLToPath(new URL('../../certs/demo/', import.meta.url));
