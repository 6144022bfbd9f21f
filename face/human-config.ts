/**
 * The one Human configuration used by every runtime (Node for the CLI and tests, the browser
 * for the kiosk): only the face detector, the mesh (pose and eyes for the active check) and the
 * descriptor run. Human's anti-spoof and liveness models stay off: on still photos they were not
 * dependable (issue 17), and a score nobody can trust must not appear beside the decision.
 * Paths are always explicit, so no build ever reaches for a CDN.
 */
import type { Config } from '@vladmandic/human';

/** The model files the engine loads (each NAME.json with its NAME.bin), for runtimes and packaging. */
export const FACE_MODELS = { detector: 'blazeface', mesh: 'facemesh', descriptor: 'faceres' } as const;

/** How records name the model: the descriptor model and the Human release that ships it. */
export function faceModelName(humanVersion: string): string {
  return `human-${humanVersion}/${FACE_MODELS.descriptor}`;
}

export interface FaceRuntimePaths {
  /** Where NAME.json files are: a folder URL, or the Node runtime's own scheme. */
  readonly modelBasePath: string;
  /** Folder (or URL) holding tfjs-backend-wasm's .wasm files. */
  readonly wasmPath: string;
}

/** Faces the detector reports at most; one more than needed so that "several faces" is seen. */
const MAX_FACES = 4;

export function humanConfig(paths: FaceRuntimePaths): Partial<Config> {
  return {
    backend: 'wasm',
    modelBasePath: paths.modelBasePath,
    wasmPath: paths.wasmPath,
    wasmPlatformFetch: false,
    cacheModels: false,
    debug: false,
    async: false,
    warmup: 'none',
    // Every frame is analysed afresh: a cached result could carry one person's face into the next.
    cacheSensitivity: 0,
    skipAllowed: false,
    filter: { enabled: false },
    face: {
      enabled: true,
      // Roll correction off: with it on, the labelled set separated people slightly worse at low
      // false-match rates, and it costs time; faces at a counter are upright.
      detector: { modelPath: `${FACE_MODELS.detector}.json`, rotation: false, maxDetected: MAX_FACES, minConfidence: 0.5, skipFrames: 0, skipTime: 0, return: false },
      mesh: { enabled: true, modelPath: `${FACE_MODELS.mesh}.json` },
      description: { enabled: true, modelPath: `${FACE_MODELS.descriptor}.json`, skipFrames: 0, skipTime: 0 },
      iris: { enabled: false },
      attention: { enabled: false },
      emotion: { enabled: false },
      antispoof: { enabled: false },
      liveness: { enabled: false },
    },
    body: { enabled: false },
    hand: { enabled: false },
    object: { enabled: false },
    gesture: { enabled: false },
    segmentation: { enabled: false },
  };
}
