/**
 * Runs the counter's check on the live camera: opens the camera chosen in Settings, feeds each
 * frame to the engine (in this page, on WASM) and to CounterCheck, and closes the camera as soon
 * as the check ends or the screen goes. Frames live only in the video element and a 32x24 canvas
 * for the light level; none is kept, drawn elsewhere or sent.
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { FaceMatchRequest } from '../../../core/api/face-match.ts';
import { CounterCheck, meanLuminance, type CounterResult, type FaceGuidance } from '../../../face/counter-check.ts';
import type { ActiveCheckResult } from '../../../face/liveness.ts';
import { CameraUnavailable, closeCamera, openCamera } from './camera.ts';
import { dataUrlBytes, pageFaceEngine } from './page-face-engine.ts';

/** Pause between frames: the screen updates, and the two cores are not kept busy by one customer. */
const FRAME_GAP_MS = 40;

export type Unavailable = 'NO_CAMERA' | 'CAMERA_REFUSED' | 'NO_FACE' | 'ENGINE_UNAVAILABLE';

export type CheckPhase =
  | { readonly kind: 'starting' }
  | { readonly kind: 'running'; readonly guidance: FaceGuidance; readonly activeCheck: ActiveCheckResult }
  | { readonly kind: 'done'; readonly result: CounterResult }
  | { readonly kind: 'unavailable'; readonly why: Unavailable };

function luminanceOf(video: HTMLVideoElement, canvas: HTMLCanvasElement): number {
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) return 255;
  context.drawImage(video, 0, 0, canvas.width, canvas.height);
  const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
  context.clearRect(0, 0, canvas.width, canvas.height);
  return meanLuminance(pixels);
}

export function useCounterCheck(request: FaceMatchRequest, faceDataUrl: string, cameraId: string | null | undefined, attempt: number): { phase: CheckPhase; video: RefObject<HTMLVideoElement | null> } {
  const video = useRef<HTMLVideoElement>(null);
  const [phase, setPhase] = useState<CheckPhase>({ kind: 'starting' });

  useEffect(() => {
    // Settings not read yet: wait, so the chosen camera is the one opened.
    if (cameraId === undefined) return;
    let stopped = false;
    let stream: MediaStream | null = null;
    setPhase({ kind: 'starting' });
    const canvas = Object.assign(document.createElement('canvas'), { width: 32, height: 24 });
    void (async () => {
      try {
        // The camera first: without one there is nothing to load the models for.
        stream = await openCamera(cameraId);
        const engine = await pageFaceEngine({ threshold: request.threshold, uncertainMargin: request.uncertainMargin });
        const reference = await engine.reference(dataUrlBytes(faceDataUrl), (bytes) => bytes);
        const element = video.current;
        if (stopped || !element) return;
        element.srcObject = stream;
        await element.play();
        const check = new CounterCheck({ reference, engine, challenge: Math.random() < 0.5 ? 'TURN_LEFT_THEN_RIGHT' : 'TURN_RIGHT_THEN_LEFT' });
        const start = performance.now();
        while (!stopped) {
          const faces = await engine.observe(element);
          const progress = check.add({ atMillis: performance.now() - start, faces, luminance: luminanceOf(element, canvas) });
          if (stopped) return;
          if (!progress.finished) {
            setPhase({ kind: 'running', guidance: progress.guidance, activeCheck: progress.activeCheck });
            // Detection on WASM finishes without leaving the task: give the page a turn to draw the guidance.
            await new Promise((resolve) => setTimeout(resolve, FRAME_GAP_MS));
            continue;
          }
          const result = check.result()!;
          setPhase(result.decision === null ? { kind: 'unavailable', why: 'NO_FACE' } : { kind: 'done', result });
          return;
        }
      } catch (e) {
        if (stopped) return;
        // The code and the engine's complaint only: no picture, no score.
        if (!(e instanceof CameraUnavailable)) console.warn('face match unavailable:', e instanceof Error ? e.message : String(e));
        setPhase({ kind: 'unavailable', why: e instanceof CameraUnavailable ? e.failure : 'ENGINE_UNAVAILABLE' });
      } finally {
        closeCamera(stream);
        if (video.current) video.current.srcObject = null;
      }
    })();
    return () => {
      stopped = true;
      closeCamera(stream);
    };
  }, [request.threshold, request.uncertainMargin, faceDataUrl, cameraId, attempt]);

  return { phase, video };
}
