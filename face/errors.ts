/**
 * The face engine's failures, each with its own stable code so the CLI, the kiosk and the record
 * can tell "no face" from "several faces" from "not a picture" without reading messages.
 */
import { EidError } from '../core/errors.ts';

export function faceNotFound(): EidError {
  return new EidError('FACE_NOT_FOUND');
}

export function faceMultiple(count: number): EidError {
  return new EidError('FACE_MULTIPLE', { count });
}

/** `detail` names the decoder's complaint, never the image content. */
export function imageUnreadable(detail: string): EidError {
  return new EidError('IMAGE_UNREADABLE', { detail });
}

export function referenceMissing(detail: string): EidError {
  return new EidError('FACE_REFERENCE_MISSING', { detail });
}

export function faceEngineUnavailable(detail: string): EidError {
  return new EidError('FACE_ENGINE_UNAVAILABLE', { detail });
}
