/**
 * Bundles the Electron main process and preload into dist/electron/. The main bundle is ESM so
 * `import.meta.url` keeps working: dist/electron/ sits two folders below the root exactly like
 * core/<module>/, so paths such as core/trust's '../../certs/' resolve the same from the bundle.
 * Native modules stay external: electron-builder rebuilds them for Electron's ABI.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
/** Loaded from node_modules at run time, so the packaged app must ship them (scripts/check-packaging.ts). */
export const ELECTRON_EXTERNALS = ['electron', 'better-sqlite3', 'smartcard', 'jpeg2000'];

export async function buildElectron(): Promise<void> {
  await build({
    absWorkingDir: root,
    entryPoints: ['electron/main.ts'],
    outfile: 'dist/electron/main.mjs',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ELECTRON_EXTERNALS,
    banner: { js: "import { createRequire as __eidCreateRequire } from 'node:module'; import { fileURLToPath as __eidFileUrl } from 'node:url'; const require = __eidCreateRequire(import.meta.url); const __filename = __eidFileUrl(import.meta.url); const __dirname = __eidFileUrl(new URL('.', import.meta.url));" },
    logLevel: 'warning',
  });
  // A sandboxed preload must be a single CommonJS file that requires nothing but 'electron'.
  await build({
    absWorkingDir: root,
    entryPoints: ['electron/preload.ts'],
    outfile: 'dist/electron/preload.cjs',
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['electron'],
    logLevel: 'warning',
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await buildElectron();
