import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { browserFaceAssets } from '../face/assets.ts';

/** The face engine's models and .wasm files, copied from the installed packages next to the UI: the page loads them from its own origin. */
function faceAssets(): Plugin {
  return {
    name: 'eid-face-assets',
    apply: 'build',
    generateBundle() {
      for (const asset of browserFaceAssets()) this.emitFile({ type: 'asset', fileName: asset.name, source: readFileSync(asset.from) });
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react(), faceAssets()],
  // Human's browser build is about 2 MB and loaded on demand, only at a counter that matches faces.
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 2500 },
});
