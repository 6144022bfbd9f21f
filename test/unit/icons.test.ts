/** The application icon: every PNG and favicon is the current rendering of assets/icon/icon.svg. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ICON_SIZES, renderIcons } from '../../scripts/generate-icons.ts';

test('the committed icons are rendered from the SVG source (run `npm run icons` after editing it)', () => {
  for (const [path, bytes] of renderIcons()) {
    assert.ok(Buffer.from(bytes).equals(readFileSync(path)), `${path} is out of date`);
  }
});

test('each PNG is square with the size its name says, with an alpha channel', () => {
  const pngs = [...renderIcons()].filter(([path]) => path.startsWith('assets/icon/png/'));
  assert.deepEqual(pngs.map(([path]) => path), ICON_SIZES.map((n) => `assets/icon/png/${n}x${n}.png`));
  for (const [path, png] of pngs) {
    const view = new DataView(png.buffer, png.byteOffset);
    const size = Number(/(\d+)x\1\.png$/.exec(path)![1]);
    assert.deepEqual([view.getUint32(16), view.getUint32(20), png[25]], [size, size, 6], `${path}: IHDR width, height, RGBA`);
  }
});

test('the kiosk page names its favicons', () => {
  const html = readFileSync('renderer/index.html', 'utf8');
  assert.match(html, /<link rel="icon" type="image\/svg\+xml" href="\.\/favicon\.svg" \/>/);
  assert.match(html, /<link rel="icon" type="image\/png" sizes="32x32" href="\.\/favicon\.png" \/>/);
});
