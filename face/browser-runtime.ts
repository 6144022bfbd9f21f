/**
 * The face engine's runtime in the kiosk's page: Human's browser build (tfjs bundled) on the WASM
 * backend, the models and .wasm files fetched from the app's own origin (the folders of
 * BROWSER_ASSET_DIRS, which the UI build copies from the installed packages). Both paths are
 * explicit: without them Human's browser build would reach for a public CDN. The page says how
 * its inputs become something Human reads (a video element as is, the chip photo's bytes decoded),
 * and wraps the runtime in a FaceEngine per customer with the profile's threshold.
 */
import type { Human } from '@vladmandic/human';
import type { FaceRuntime } from './engine.ts';
import { faceEngineUnavailable } from './errors.ts';
import { humanConfig, type FaceRuntimePaths } from './human-config.ts';
import { HumanFaceRuntime, requireStarted, type PreparedInput } from './human-runtime.ts';

export interface BrowserFaceRuntimeOptions<I> {
  readonly paths: FaceRuntimePaths;
  readonly prepare: (input: I) => Promise<PreparedInput>;
}

export async function startBrowserFaceRuntime<I>(options: BrowserFaceRuntimeOptions<I>): Promise<FaceRuntime<I>> {
  let human: Human;
  try {
    // Loaded on demand: the browser build (about 2 MB, the package's `import` export) is only needed at a counter that matches faces.
    const { Human: HumanClass } = await import('@vladmandic/human');
    human = new HumanClass(humanConfig(options.paths));
    await human.load();
  } catch (e) {
    throw faceEngineUnavailable(`Human's browser build did not start (${e instanceof Error ? e.message : String(e)})`);
  }
  requireStarted(human, options.paths.modelBasePath);
  return new HumanFaceRuntime(human, options.prepare);
}
