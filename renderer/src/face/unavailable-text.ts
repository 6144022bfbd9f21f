/** Why the machine could not compare, as the screen and the history say it (the teller then compares by eye). */
export const UNAVAILABLE_TEXT = { NO_CAMERA: 'face.noCamera', CAMERA_REFUSED: 'face.cameraRefused', NO_FACE: 'face.noFace', ENGINE_UNAVAILABLE: 'face.engineUnavailable' } as const;
