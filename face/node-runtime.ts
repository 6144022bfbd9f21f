/**
 * The face engine in Node (CLI, tests, bench): Human's node-wasm build on tfjs-backend-wasm, the
 * models read from the installed package on disk. Human's package `exports` map does not expose
 * its node-wasm build and Node's fetch cannot read file:// URLs, so the build is required by its
 * resolved path and models are served by a tfjs load router for the `eid-face-models:` scheme
 * that reads files from disk itself. Nothing is fetched over a network.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative, isAbsolute } from 'node:path';
import type { Human } from '@vladmandic/human';
import { FaceEngine } from './engine.ts';
import type { MatchPolicy } from './decision.ts';
import { faceEngineUnavailable } from './errors.ts';
import { humanConfig } from './human-config.ts';
import { faceAssetPaths, type FaceAssetPaths } from './assets.ts';
import { HumanFaceRuntime, requireStarted, type PreparedInput } from './human-runtime.ts';
import { decodeImage } from './node-image.ts';

const require = createRequire(import.meta.url);

const SCHEME = 'eid-face-models:';

interface WeightsGroup { paths: string[]; weights: unknown[] }
interface TfIo {
  registerLoadRouter(router: (url: string | string[]) => { load(): Promise<unknown> } | null): void;
  getModelArtifactsForJSON(json: unknown, loadWeights: (manifest: WeightsGroup[]) => Promise<[unknown[], ArrayBuffer]>): Promise<unknown>;
}

/** Reads a model file only from inside its folder and only the kinds a model consists of. */
async function modelFile(dir: string, name: string): Promise<Buffer> {
  const path = join(dir, name);
  const rel = relative(dir, path);
  if (rel.startsWith('..') || isAbsolute(rel) || !/\.(json|bin)$/.test(name)) throw new Error(`not a model file: ${name}`);
  return readFile(path);
}

function diskModel(io: TfIo, jsonPath: string): { load(): Promise<unknown> } {
  const dir = dirname(jsonPath);
  return {
    load: async () => {
      const json = JSON.parse((await modelFile(dir, jsonPath.slice(dir.length + 1))).toString('utf8')) as { weightsManifest: WeightsGroup[] };
      return io.getModelArtifactsForJSON(json, async (manifest) => {
        const parts: Buffer[] = [];
        for (const group of manifest) for (const p of group.paths) parts.push(await modelFile(dir, p));
        const all = Buffer.concat(parts);
        return [manifest.flatMap((g) => g.weights), all.buffer.slice(all.byteOffset, all.byteOffset + all.length) as ArrayBuffer];
      });
    },
  };
}

/** tfjs keeps routers process-wide; a second registration would make every load ambiguous. */
let routerRegistered = false;

function registerDiskModels(io: TfIo): void {
  if (routerRegistered) return;
  io.registerLoadRouter((url) => (typeof url === 'string' && url.startsWith(SCHEME) ? diskModel(io, url.slice(SCHEME.length)) : null));
  routerRegistered = true;
}

type HumanConstructor = new (config: ReturnType<typeof humanConfig>) => Human;

/**
 * Runs `start` and then removes the process handlers the Emscripten module of tfjs-backend-wasm
 * adds while it initialises: they rethrow, which would turn any unhandled rejection elsewhere in
 * the host into a crash that prints the module's minified source.
 */
async function withoutWasmProcessHandlers<T>(start: () => Promise<T>): Promise<T> {
  const exceptions = new Set(process.listeners('uncaughtException'));
  const rejections = new Set(process.listeners('unhandledRejection'));
  try {
    return await start();
  } finally {
    for (const l of process.listeners('uncaughtException')) if (!exceptions.has(l)) process.removeListener('uncaughtException', l);
    for (const l of process.listeners('unhandledRejection')) if (!rejections.has(l)) process.removeListener('unhandledRejection', l);
  }
}

async function startHuman(paths: FaceAssetPaths): Promise<Human> {
  let HumanClass: HumanConstructor;
  try {
    HumanClass = (require(paths.humanNodeWasm) as { Human: HumanConstructor }).Human;
  } catch (e) {
    throw faceEngineUnavailable(`Human's node-wasm build cannot be loaded (${e instanceof Error ? e.message : String(e)})`);
  }
  const human = new HumanClass(humanConfig({ modelBasePath: `${SCHEME}${paths.modelDir}/`, wasmPath: `${paths.wasmDir}/` }));
  registerDiskModels(human.tf.io as unknown as TfIo);
  await withoutWasmProcessHandlers(() => human.load());
  requireStarted(human, paths.modelDir);
  return human;
}

/** Encoded picture bytes become an int32 RGB tensor (EXIF rotation applied), freed after detection. */
function tensorInput(human: Human): (bytes: Uint8Array) => Promise<PreparedInput> {
  return async (bytes) => {
    const image = await decodeImage(bytes);
    const tensor = human.tf.tensor3d(image.rgb, [image.height, image.width, 3], 'int32');
    return { input: tensor, release: () => human.tf.dispose(tensor) };
  };
}

export interface NodeFaceEngineOptions {
  readonly policy?: MatchPolicy;
  readonly paths?: FaceAssetPaths;
}

/** Loads Human, the WASM backend and the models (cold: about a second) and returns an engine on encoded image bytes. */
export async function createNodeFaceEngine(options: NodeFaceEngineOptions = {}): Promise<FaceEngine<Uint8Array>> {
  const human = await startHuman(options.paths ?? faceAssetPaths());
  return new FaceEngine(new HumanFaceRuntime(human, tensorInput(human)), options.policy);
}

