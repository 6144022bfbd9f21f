/**
 * The factory's face JPEGs decode in a real browser (Debian's Chromium through playwright-core):
 * right size, background light, eyes dark where they were drawn. Skipped without Chromium.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { encodeFaceJpeg } from '../../../core/chip/factory/jpeg.ts';
import { skipUnlessCi } from '../../../fixtures/setup-skip.ts';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

test('face JPEGs decode in Chromium with the drawn features', { skip: skipUnlessCi(CHROMIUM ? undefined : { suite: 'face JPEGs in Chromium', missing: 'Chromium is not installed', enable: 'sudo apt-get install chromium' }) }, async () => {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM!, args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage();
    for (const opts of [{ seed: 'demo' }, { seed: 'demo', width: 480, height: 600, noise: true, quality: 90 }]) {
      const src = `data:image/jpeg;base64,${Buffer.from(encodeFaceJpeg(opts)).toString('base64')}`;
      // Passed as source text: the test runner's transpiler would wrap named functions in helpers
      // that do not exist in the page.
      const r = (await page.evaluate(`(async () => {
        const img = new Image();
        img.src = ${JSON.stringify(src)};
        await img.decode();
        const c = document.createElement('canvas');
        c.width = img.naturalWidth;
        c.height = img.naturalHeight;
        const ctx = c.getContext('2d');
        ctx.drawImage(img, 0, 0);
        const d = ctx.getImageData(0, 0, c.width, c.height).data;
        const at = (x, y) => d[(y * c.width + x) * 4];
        return { w: c.width, h: c.height, corner: at(2, 2), eye: at(Math.round(c.width * 0.32), Math.round(c.height * 0.42)) };
      })()`)) as { w: number; h: number; corner: number; eye: number };
      assert.equal(r.w, opts.width ?? 96);
      assert.equal(r.h, opts.height ?? 120);
      assert.ok(r.corner > 150, `background is light (${r.corner})`);
      assert.ok(r.eye < 90, `eye is dark (${r.eye})`);
    }
  } finally {
    await browser.close();
  }
});
