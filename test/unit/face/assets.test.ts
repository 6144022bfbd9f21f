/** What the kiosk build copies beside the UI for the face engine: each model with its weights, and the .wasm builds, from the installed packages. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { browserFaceAssets } from '../../../face/assets.ts';
import { FACE_MODELS } from '../../../face/human-config.ts';

test('every model the engine loads ships with its weight files, and the three .wasm builds ship too', () => {
  const assets = browserFaceAssets();
  const names = assets.map((a) => a.name);
  for (const model of Object.values(FACE_MODELS)) {
    assert.ok(names.includes(`face-models/${model}.json`), model);
    assert.ok(names.includes(`face-models/${model}.bin`), `${model} weights`);
  }
  for (const wasm of ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm']) assert.ok(names.includes(`face-wasm/${wasm}`), wasm);
  assert.ok(assets.every((a) => existsSync(a.from)), 'every file is in the installed packages');
  assert.ok(!names.some((n) => /antispoof|liveness|emotion|iris/.test(n)), 'no model the engine does not use');
});
