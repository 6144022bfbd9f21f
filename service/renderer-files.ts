/** Where the built kiosk UI lives, building it first when this checkout has not yet. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const RENDERER_DIST = fileURLToPath(new URL('../renderer/dist/', import.meta.url));
const RENDERER_ROOT = fileURLToPath(new URL('../renderer/', import.meta.url));

export async function ensureRendererBuilt(): Promise<string> {
  if (existsSync(`${RENDERER_DIST}index.html`)) return RENDERER_DIST;
  const { build } = await import('vite');
  await build({ root: RENDERER_ROOT, configFile: `${RENDERER_ROOT}vite.config.ts`, logLevel: 'warn' });
  return RENDERER_DIST;
}
