/**
 * The face engine in this page: one runtime (Human, its models and the WASM backend, loaded once
 * from the app's own origin), and a fresh FaceEngine per customer with the profile's policy, so
 * the chip photo's descriptor is forgotten with the customer. Inputs are the live video element,
 * read as is, and the chip photo's bytes, decoded to a bitmap that is closed after detection.
 */
import { FaceEngine } from '../../../face/engine.ts';
import { BROWSER_ASSET_DIRS } from '../../../face/asset-dirs.ts';
import { startBrowserFaceRuntime } from '../../../face/browser-runtime.ts';
import type { FaceRuntime } from '../../../face/engine.ts';
import type { MatchPolicy } from '../../../face/decision.ts';

export type PageInput = HTMLVideoElement | Uint8Array;

let runtime: Promise<FaceRuntime<PageInput>> | null = null;

async function prepare(input: PageInput) {
  if (!(input instanceof Uint8Array)) return { input, release: () => {} };
  const bitmap = await createImageBitmap(new Blob([input as Uint8Array<ArrayBuffer>]));
  return { input: bitmap, release: () => bitmap.close() };
}

function start(): Promise<FaceRuntime<PageInput>> {
  const base = document.baseURI;
  return startBrowserFaceRuntime<PageInput>({
    paths: { modelBasePath: new URL(BROWSER_ASSET_DIRS.models, base).href, wasmPath: new URL(BROWSER_ASSET_DIRS.wasm, base).href },
    prepare,
  });
}

export async function pageFaceEngine(policy: MatchPolicy): Promise<FaceEngine<PageInput>> {
  runtime ??= start();
  // A failed start is tried again next time (the files may have been missing during an update).
  runtime.catch(() => (runtime = null));
  return new FaceEngine(await runtime, policy);
}

/** The chip photo's bytes from the data URL the terminal sent. */
export function dataUrlBytes(dataUrl: string): Uint8Array {
  const base64 = dataUrl.slice(dataUrl.indexOf(',') + 1);
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}
