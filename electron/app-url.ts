/**
 * The app's own origin: the kiosk page is served from `app://eid/` (app-protocol.ts), and only
 * that origin may call the terminal over IPC, navigate the window or use the camera. Pure, so it
 * is tested without the Electron binary.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'eid';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** Whether `url` is on exactly the app's origin: scheme and host, no port, no user. */
export function isAppUrl(url: string): boolean {
  const parsed = parse(url);
  return parsed !== null && parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
}

/**
 * The file an app URL names, relative to the renderer build (`index.html` for the root), or null.
 * Each path segment is decoded on its own and refused when it could leave its folder: `.`/`..`
 * (left after the URL parser's own resolving only when encoded), an encoded `/` or `\`, a NUL, an
 * empty segment, or bad percent-encoding.
 */
export function appRelativePath(url: string): string | null {
  const parsed = parse(url);
  if (!parsed || !isAppUrl(url)) return null;
  if (parsed.pathname === '/' || parsed.pathname === '') return 'index.html';
  const segments: string[] = [];
  for (const raw of parsed.pathname.slice(1).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (segment === '' || segment === '.' || segment === '..' || /[/\\\0]/.test(segment)) return null;
    segments.push(segment);
  }
  return segments.join('/');
}
