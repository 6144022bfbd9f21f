/**
 * Where the installed packages keep what the face engine loads, for the Node runtime, for the
 * kiosk build (which copies the same files next to the UI, so the browser loads them from the
 * app's own origin and never from a CDN) and for packaging.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { BROWSER_ASSET_DIRS } from './asset-dirs.ts';
import { FACE_MODELS } from './human-config.ts';

const require = createRequire(import.meta.url);

export interface FaceAssetPaths {
  /** Human's Node build for the WASM backend. */
  readonly humanNodeWasm: string;
  /** Folder of the model files (NAME.json + NAME.bin). */
  readonly modelDir: string;
  /** Folder of tfjs-backend-wasm's .wasm files. */
  readonly wasmDir: string;
}

/** Where the installed packages keep what the engine loads (also what packaging must ship). */
export function faceAssetPaths(): FaceAssetPaths {
  const humanDist = dirname(require.resolve('@vladmandic/human'));
  return {
    humanNodeWasm: join(humanDist, 'human.node-wasm.js'),
    modelDir: join(humanDist, '..', 'models'),
    wasmDir: dirname(require.resolve('@tensorflow/tfjs-backend-wasm')),
  };
}

export interface BrowserAsset {
  /** Path relative to the UI's root, e.g. `face-models/faceres.json`. */
  readonly name: string;
  readonly from: string;
}

/** Every file the browser runtime fetches: each model's JSON with its weight files, and the .wasm builds. */
export function browserFaceAssets(paths: FaceAssetPaths = faceAssetPaths()): BrowserAsset[] {
  const out: BrowserAsset[] = [];
  for (const model of Object.values(FACE_MODELS)) {
    const json = `${model}.json`;
    out.push({ name: `${BROWSER_ASSET_DIRS.models}${json}`, from: join(paths.modelDir, json) });
    const manifest = (JSON.parse(readFileSync(join(paths.modelDir, json), 'utf8')) as { weightsManifest: { paths: string[] }[] }).weightsManifest;
    for (const file of manifest.flatMap((g) => g.paths)) out.push({ name: `${BROWSER_ASSET_DIRS.models}${file}`, from: join(paths.modelDir, file) });
  }
  for (const file of readdirSync(paths.wasmDir).filter((f) => f.endsWith('.wasm'))) out.push({ name: `${BROWSER_ASSET_DIRS.wasm}${file}`, from: join(paths.wasmDir, file) });
  return out;
}
