/**
 * Which page addresses are the app's own: files inside the renderer build, judged by their full
 * resolved path against the folder with a trailing separator, so that a sibling folder sharing its
 * name as a prefix (`dist-old/`, `dist.bak/`) is not inside it. The IPC and the navigation locks
 * use this; being pure, it is tested without the Electron binary.
 */
import { resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export function appUrlCheck(folder: string): (url: string) => boolean {
  const root = resolve(folder) + sep;
  return (url) => {
    let path: string;
    try {
      const parsed = new URL(url);
      // A file URL with a host names another machine's share.
      if (parsed.protocol !== 'file:' || parsed.host !== '') return false;
      path = fileURLToPath(parsed);
    } catch {
      return false; // not a URL, or a path with an encoded separator
    }
    return resolve(path).startsWith(root);
  };
}
