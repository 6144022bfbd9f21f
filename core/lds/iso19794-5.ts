/**
 * ISO/IEC 19794-5:2005 facial record ('FAC\0', version '010\0'), the biometric data block of DG2
 * in ICAO documents (tag 5F2E): a general header, then per face a facial information block,
 * feature points, an image information block and the image itself (JPEG or JPEG 2000).
 */
import { u16, u32 } from './uint.ts';
import { concat, uintBytes } from '../bytes/bytes.ts';
import { ldsMalformed } from './errors.ts';

export interface FacImage {
  readonly image: Uint8Array;
  /** 0 = JPEG, 1 = JPEG 2000 (as the record declares). */
  readonly imageDataType: number;
  readonly width: number;
  readonly height: number;
  /** 0 unspecified, 1 male, 2 female, 3 unknown */
  readonly gender: number;
  readonly featurePoints: number;
}

const HEADER = 14;
const FACIAL_INFO = 20;
const FEATURE_POINT = 8;
const IMAGE_INFO = 12;
const MAX_FACES = 16;
const FAC = [0x46, 0x41, 0x43, 0x00];
const VERSION_010 = [0x30, 0x31, 0x30, 0x00];


export function isFacRecord(block: Uint8Array): boolean {
  return block.length >= 4 && FAC.every((x, i) => block[i] === x);
}

export function parseFacRecord(block: Uint8Array): FacImage[] {
  if (!isFacRecord(block)) throw ldsMalformed('DG2', "biometric data block is not an ISO 19794-5 'FAC' record");
  if (block.length < HEADER || !VERSION_010.every((x, i) => block[4 + i] === x)) throw ldsMalformed('DG2', "unsupported 19794-5 version (only '010')");
  const recordLength = u32(block, 8);
  if (recordLength > block.length || recordLength < HEADER) throw ldsMalformed('DG2', 'facial record length exceeds the data block');
  const count = u16(block, 12);
  if (count === 0 || count > MAX_FACES) throw ldsMalformed('DG2', `implausible number of faces (${count})`);
  const faces: FacImage[] = [];
  let p = HEADER;
  for (let n = 0; n < count; n++) {
    if (p + FACIAL_INFO > recordLength) throw ldsMalformed('DG2', 'facial information block truncated');
    const length = u32(block, p);
    const points = u16(block, p + 4);
    const imageStart = p + FACIAL_INFO + points * FEATURE_POINT + IMAGE_INFO;
    const end = p + length;
    if (length < FACIAL_INFO + IMAGE_INFO || end > recordLength || imageStart > end) throw ldsMalformed('DG2', 'facial record data length is inconsistent');
    const info = imageStart - IMAGE_INFO;
    faces.push({
      image: block.subarray(imageStart, end),
      imageDataType: block[info + 1]!,
      width: u16(block, info + 2),
      height: u16(block, info + 4),
      gender: block[p + 6]!,
      featurePoints: points,
    });
    p = end;
  }
  return faces;
}

export interface FacImageInput {
  readonly image: Uint8Array;
  /** 0 = JPEG, 1 = JPEG 2000 */
  readonly imageDataType: number;
  readonly width: number;
  readonly height: number;
}

/** One-face 19794-5 record, full frontal, no feature points, 24-bit RGB. */
export function encodeFacRecord(face: FacImageInput): Uint8Array {
  const facialLength = FACIAL_INFO + IMAGE_INFO + face.image.length;
  const facialInfo = concat(
    uintBytes(facialLength, 4), uintBytes(0, 2), // no feature points
    Uint8Array.of(0, 0, 0), uintBytes(0, 3), uintBytes(0, 2), uintBytes(0, 3), uintBytes(0, 3),
  );
  const imageInfo = concat(
    Uint8Array.of(1, face.imageDataType), // full frontal
    uintBytes(face.width, 2), uintBytes(face.height, 2),
    Uint8Array.of(1, 2), uintBytes(0, 2), uintBytes(0, 2), // 24-bit RGB, digital still camera
  );
  return concat(Uint8Array.from(FAC), Uint8Array.from(VERSION_010), uintBytes(HEADER + facialLength, 4), uintBytes(1, 2), facialInfo, imageInfo, face.image);
}
