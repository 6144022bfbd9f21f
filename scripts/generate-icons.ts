/**
 * The application icon in every size it is needed, rendered from its one source,
 * assets/icon/icon.svg: the PNG set electron-builder packages (assets/icon/png/NxN.png, the size
 * in the name as it requires) and the kiosk UI's favicons (renderer/public/). A unit test checks
 * the committed files equal a fresh render, so edit the SVG and run `npm run icons`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const ICON_SOURCE = 'assets/icon/icon.svg';
export const ICON_SIZES = [16, 32, 48, 64, 128, 256, 512] as const;

function png(svg: Buffer, size: number): Uint8Array {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
}

/** Every generated file (path relative to the repository root) with its bytes. */
export function renderIcons(): Map<string, Uint8Array> {
  const svg = readFileSync(join(ROOT, ICON_SOURCE));
  const files = new Map<string, Uint8Array>();
  for (const size of ICON_SIZES) files.set(`assets/icon/png/${size}x${size}.png`, png(svg, size));
  files.set('renderer/public/favicon.svg', new Uint8Array(svg));
  files.set('renderer/public/favicon.png', png(svg, 32));
  return files;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const [path, bytes] of renderIcons()) {
    mkdirSync(dirname(join(ROOT, path)), { recursive: true });
    writeFileSync(join(ROOT, path), bytes);
    console.log(`${path} (${bytes.length} bytes)`);
  }
}
