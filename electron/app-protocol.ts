/**
 * The `app://` protocol that serves the kiosk page in Electron. Chromium's fetch does not read
 * `file://`, so a page loaded from files could not fetch the face engine's models and .wasm
 * files; a privileged custom scheme is a secure origin that fetch may use. Only files inside the
 * renderer build are answered (after symlinks are resolved), with the page's CSP and headers;
 * anything else is 404. Uses the web Request and Response types that protocol.handle takes, so it
 * is tested in Node without the Electron binary.
 */
import type { CustomScheme } from 'electron';
import { readFile, realpath, stat } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { COMMON_HEADERS, contentSecurityPolicy, contentTypeOf } from '../host/renderer-headers.ts';
import { APP_ORIGIN, APP_SCHEME, appRelativePath } from './app-url.ts';

/** Registered before the app is ready: standard (relative URLs, 'self' in the CSP), secure, open to fetch. */
export const APP_SCHEME_PRIVILEGES: CustomScheme = { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } };

const PAGE_HEADERS = { ...COMMON_HEADERS, 'content-security-policy': contentSecurityPolicy([APP_ORIGIN]) };

function inside(folder: string, path: string): boolean {
  return path.startsWith(folder + sep);
}

/** The file of the build an app URL names, by its real path, or null when there is none inside the build. */
async function buildFile(root: string, url: string): Promise<string | null> {
  const relative = appRelativePath(url);
  if (relative === null) return null;
  const full = resolve(root, relative);
  if (!inside(resolve(root), full)) return null;
  const [realRoot, real] = await Promise.all([realpath(root), realpath(full)]).catch(() => [null, null]);
  if (!realRoot || !real || !inside(realRoot, real)) return null;
  const info = await stat(real).catch(() => null);
  return info?.isFile() ? real : null;
}

/** protocol.handle's handler for the renderer build in `root`. */
export function rendererFileHandler(root: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405, headers: { ...COMMON_HEADERS, allow: 'GET, HEAD' } });
    const file = await buildFile(root, request.url);
    const body = file ? await readFile(file).catch(() => null) : null;
    if (!file || !body) return new Response(null, { status: 404, headers: COMMON_HEADERS });
    const headers = { ...PAGE_HEADERS, 'content-type': contentTypeOf(file), 'cache-control': 'no-cache' };
    return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers });
  };
}
