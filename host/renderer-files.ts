/** Where the built kiosk UI lives, (re)building it when this checkout has none or an outdated one. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const RENDERER_DIST = fileURLToPath(new URL('../renderer/dist/', import.meta.url));
const RENDERER_ROOT = fileURLToPath(new URL('../renderer/', import.meta.url));
/** What the bundle is made from: the UI, its static files, the API contract it shares with the core, its words and the face engine it runs. */
const SOURCES = [fileURLToPath(new URL('../renderer/src/', import.meta.url)), `${RENDERER_ROOT}public/`, fileURLToPath(new URL('../core/api/', import.meta.url)), fileURLToPath(new URL('../core/messages/', import.meta.url)), fileURLToPath(new URL('../face/', import.meta.url)), `${RENDERER_ROOT}index.html`];

function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, entry) => Math.max(newest, newestChange(join(path, entry))), stat.mtimeMs);
}

export async function ensureRendererBuilt(): Promise<string> {
  const index = `${RENDERER_DIST}index.html`;
  if (existsSync(index) && statSync(index).mtimeMs >= Math.max(...SOURCES.map(newestChange))) return RENDERER_DIST;
  const { build } = await import('vite');
  await build({ root: RENDERER_ROOT, configFile: `${RENDERER_ROOT}vite.config.ts`, logLevel: 'warn' });
  return RENDERER_DIST;
}
