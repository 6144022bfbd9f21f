/**
 * The built kiosk UI (renderer/dist) as HTTP responses: each file is read, hashed and compressed
 * with brotli and gzip once and kept in memory (until it changes on disk), then sent in the best
 * encoding the browser accepts, with an ETag and cache headers. Vite names its assets after their
 * content, so those are cached for a year; index.html is revalidated on every load.
 */
import { stat, readFile } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import { hash } from '../core/crypto/node-crypto.ts';
import { toHex } from '../core/bytes/hex.ts';
import { contentTypeOf } from '../host/renderer-headers.ts';

/** Types worth compressing; images and fonts are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.svg', '.json']);
/** Vite's content-hashed output: `assets/name-HASH.ext`. */
const HASHED_ASSET = /^assets\/.+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;
export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

export type Encoding = 'br' | 'gzip' | 'identity';

interface Entry {
  readonly mtimeMs: number;
  readonly size: number;
  readonly type: string;
  readonly cacheControl: string;
  readonly tag: string;
  readonly bodies: ReadonlyMap<Encoding, Buffer>;
}

export interface StaticResponse {
  readonly status: 200 | 304;
  readonly headers: Record<string, string>;
  /** Empty for 304. */
  readonly body: Buffer;
}

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** The encoding to send: the first of br, gzip the request accepts (q > 0), else identity. */
export function chooseEncoding(acceptEncoding: string | undefined, available: ReadonlySet<Encoding>): Encoding {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    if (name) accepted.set(name, q === undefined ? 1 : Number(q));
  }
  const ok = (e: Encoding): boolean => available.has(e) && (accepted.get(e) ?? accepted.get('*') ?? 0) > 0;
  return ok('br') ? 'br' : ok('gzip') ? 'gzip' : 'identity';
}

async function load(full: string, relative: string, mtimeMs: number, size: number): Promise<Entry> {
  const raw = await readFile(full);
  const ext = extname(full);
  const bodies = new Map<Encoding, Buffer>([['identity', raw]]);
  if (COMPRESSIBLE.has(ext)) {
    const [br, gz] = await Promise.all([
      brotli(raw, { params: { [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY, [zlib.BROTLI_PARAM_SIZE_HINT]: raw.length } }),
      gzipAsync(raw, { level: zlib.Z_BEST_COMPRESSION }),
    ]);
    if (br.length < raw.length) bodies.set('br', br);
    if (gz.length < raw.length) bodies.set('gzip', gz);
  }
  return {
    mtimeMs,
    size,
    type: contentTypeOf(full),
    cacheControl: HASHED_ASSET.test(relative) ? IMMUTABLE : REVALIDATE,
    tag: toHex(hash('sha256', raw)).slice(0, 32).toLowerCase(),
    bodies,
  };
}

/** The files of one folder, answered from memory. */
export class StaticFiles {
  readonly #root: string;
  readonly #cache = new Map<string, Promise<Entry>>();

  constructor(root: string) {
    this.#root = resolve(root);
  }

  /** The response for a GET of `urlPath`, or null when there is no such file (never one outside the folder). */
  async respond(urlPath: string, request: { acceptEncoding?: string | undefined; ifNoneMatch?: string | undefined } = {}): Promise<StaticResponse | null> {
    const entry = await this.#entry(urlPath);
    if (!entry) return null;
    const encoding = chooseEncoding(request.acceptEncoding, new Set(entry.bodies.keys()));
    const etag = `"${entry.tag}${encoding === 'identity' ? '' : `-${encoding}`}"`;
    const headers: Record<string, string> = { 'content-type': entry.type, 'cache-control': entry.cacheControl, etag, vary: 'Accept-Encoding' };
    if (request.ifNoneMatch?.split(',').some((t) => t.trim() === etag)) return { status: 304, headers, body: Buffer.alloc(0) };
    if (encoding !== 'identity') headers['content-encoding'] = encoding;
    return { status: 200, headers, body: entry.bodies.get(encoding)! };
  }

  async #entry(urlPath: string): Promise<Entry | null> {
    let clean: string;
    try {
      clean = decodeURIComponent(urlPath.split('?')[0] ?? '/');
    } catch {
      return null;
    }
    const relative = clean === '/' ? 'index.html' : clean.replace(/^\/+/, '');
    const full = resolve(join(this.#root, relative));
    if (!full.startsWith(this.#root + sep)) return null;
    const info = await stat(full).catch(() => null);
    if (!info?.isFile()) return null;
    const cached = this.#cache.get(full);
    const current = await cached?.catch(() => null);
    if (current && current.mtimeMs === info.mtimeMs && current.size === info.size) return current;
    const loading = load(full, relative, info.mtimeMs, info.size);
    this.#cache.set(full, loading);
    return loading.catch(() => null);
  }
}
