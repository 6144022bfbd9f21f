/**
 * The face engine's failures, each with its own stable code so the CLI, the kiosk and the record
 * can tell "no face" from "several faces" from "not a picture" without reading messages.
 */
import { EidError } from '../core/errors.ts';

export function faceNotFound(): EidError {
  return new EidError('FACE_NOT_FOUND', 'No face was found in the image', 'Không tìm thấy khuôn mặt nào trong ảnh');
}

export function faceMultiple(count: number): EidError {
  return new EidError(
    'FACE_MULTIPLE',
    `${count} faces were found in the image; exactly one is needed`,
    `Tìm thấy ${count} khuôn mặt trong ảnh; chỉ được có một khuôn mặt`,
  );
}

/** `detail` names the decoder's complaint, never the image content. */
export function imageUnreadable(detail: string): EidError {
  return new EidError('IMAGE_UNREADABLE', `The image cannot be read: ${detail}`, `Không đọc được ảnh: ${detail}`);
}

export function referenceMissing(detail: string): EidError {
  return new EidError('FACE_REFERENCE_MISSING', `No reference face: ${detail}`, `Không có ảnh khuôn mặt tham chiếu: ${detail}`);
}

export function faceEngineUnavailable(detail: string): EidError {
  return new EidError('FACE_ENGINE_UNAVAILABLE', `The face engine cannot start: ${detail}`, `Không khởi động được bộ so khớp khuôn mặt: ${detail}`);
}
