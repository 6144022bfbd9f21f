/**
 * What every front end that serves the built kiosk UI says about its files (service/ over HTTP,
 * electron/ over its app:// protocol): the content type by extension and the page's one policy.
 */
import { extname } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  // The face engine's WebAssembly (compiled while streaming only with this type) and model weights.
  '.wasm': 'application/wasm',
  '.bin': 'application/octet-stream',
};

/** On every answer: no page address (nor anything in it) leaves in a Referer, and no type is sniffed. */
export const COMMON_HEADERS = { 'referrer-policy': 'no-referrer', 'x-content-type-options': 'nosniff' } as const;

export function contentTypeOf(path: string): string {
  return TYPES[extname(path)] ?? 'application/octet-stream';
}

/** The page's policy: its own files only (WebAssembly compiled from them), calls and events to exactly `connectSources`. */
export function contentSecurityPolicy(connectSources: readonly string[]): string {
  return `default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self' 'wasm-unsafe-eval'; connect-src ${connectSources.join(' ')}; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;
}
