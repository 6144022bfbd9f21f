/**
 * The counter's camera: video only, never audio; the device chosen in Settings, else the default.
 * A missing camera and a refused one are told apart, so the screen can say which.
 */
export type CameraFailure = 'NO_CAMERA' | 'CAMERA_REFUSED';

export class CameraUnavailable extends Error {
  constructor(readonly failure: CameraFailure) {
    super(failure);
  }
}

export async function openCamera(deviceId: string | null): Promise<MediaStream> {
  if (!navigator.mediaDevices?.getUserMedia) throw new CameraUnavailable('NO_CAMERA');
  const video: MediaTrackConstraints = { width: { ideal: 640 }, height: { ideal: 480 }, ...(deviceId && { deviceId: { exact: deviceId } }) };
  try {
    return await navigator.mediaDevices.getUserMedia({ video, audio: false });
  } catch (e) {
    const name = e instanceof DOMException ? e.name : '';
    // A chosen camera that is gone: the default one is better than none.
    if (deviceId && name === 'OverconstrainedError') return openCamera(null);
    throw new CameraUnavailable(name === 'NotFoundError' || name === 'OverconstrainedError' ? 'NO_CAMERA' : 'CAMERA_REFUSED');
  }
}

/** Stops every track: the camera light goes off and no frame is kept. */
export function closeCamera(stream: MediaStream | null): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}

export interface CameraChoice {
  readonly deviceId: string;
  readonly label: string;
}

/** The cameras the page may see (labels only once camera permission was given). */
export async function listCameras(): Promise<CameraChoice[]> {
  if (!navigator.mediaDevices?.enumerateDevices) return [];
  const devices = await navigator.mediaDevices.enumerateDevices();
  return devices.filter((d) => d.kind === 'videoinput' && d.deviceId).map((d, i) => ({ deviceId: d.deviceId, label: d.label || `Camera ${i + 1}` }));
}
