/**
 * ISO/IEC 39794-5 face image data block (the extensible ASN.1 encoding newer documents put in DG2
 * under tag 7F2E). Path to the picture: FaceImageDataBlock [APPLICATION 5] → representationBlocks
 * [1] → RepresentationBlock → imageRepresentation [1] → base [0] → ImageRepresentation2DBlock [0]
 * → representationData2D [0]; imageInformation2DBlock [1] gives the format code and size.
 */
import { concat } from '../bytes/bytes.ts';
import { integer } from '../bytes/der.ts';
import { children, readTlv, tlv, type Tlv } from '../bytes/tlv.ts';
import { ldsMalformed } from './errors.ts';

export interface Iso39794Face {
  readonly image: Uint8Array;
  /** ImageDataFormat code: 0 unknown, 2 JPEG, 3 JPEG 2000 lossy, 4 JPEG 2000 lossless. */
  readonly formatCode: number | null;
  readonly width: number | null;
  readonly height: number | null;
}

const MAX_REPRESENTATIONS = 16;
const MAX_SEARCH_DEPTH = 3;

function child(list: readonly Tlv[], tag: number): Tlv | undefined {
  return list.find((t) => t.tag === tag);
}

function smallUint(t: Tlv | undefined): number | null {
  if (!t || t.constructed || t.value.length === 0 || t.value.length > 4) return null;
  return t.value.reduce((n, b) => n * 256 + b, 0);
}

/** The FaceImageDataBlock (tag 65) at or just below the top of the data block (some encoders wrap it in [1]). */
function findFaceImageDataBlock(t: Tlv, depth: number): Tlv | undefined {
  if (t.tag === 0x65 && t.constructed) return t;
  if (!t.constructed || depth >= MAX_SEARCH_DEPTH) return undefined;
  for (const c of children(t)) {
    const found = findFaceImageDataBlock(c, depth + 1);
    if (found) return found;
  }
  return undefined;
}

export function isIso39794Block(block: Uint8Array): boolean {
  return block.length > 2 && (block[0] === 0x65 || block[0] === 0xa1);
}

export function parseIso39794Face(block: Uint8Array): Iso39794Face[] {
  const root = findFaceImageDataBlock(readTlv(block, 0), 0);
  if (!root) throw ldsMalformed('DG2', 'no ISO 39794-5 FaceImageDataBlock in the biometric data block');
  const reps = child(children(root), 0xa1);
  if (!reps) throw ldsMalformed('DG2', 'ISO 39794-5 block without representations');
  const list = children(reps);
  if (list.length === 0 || list.length > MAX_REPRESENTATIONS) throw ldsMalformed('DG2', 'ISO 39794-5 representation count out of range');
  return list.map((rep) => {
    const imageRep = child(children(rep), 0xa1);
    const base = imageRep && child(children(imageRep), 0xa0);
    const block2d = base && child(children(base), 0xa0);
    if (!block2d) throw ldsMalformed('DG2', 'ISO 39794-5 representation is not a 2D image');
    const parts = children(block2d);
    const data = child(parts, 0x80);
    if (!data) throw ldsMalformed('DG2', 'ISO 39794-5 representation without image data');
    const info = child(parts, 0xa1);
    const infoParts = info ? children(info) : [];
    const format = child(infoParts, 0xa0);
    const size = child(infoParts, 0xa7);
    const sizeParts = size ? children(size) : [];
    return {
      image: data.value,
      formatCode: format ? smallUint(children(format).find((t) => t.tag === 0x80)) : null,
      width: smallUint(child(sizeParts, 0x80)),
      height: smallUint(child(sizeParts, 0x81)),
    };
  });
}

/** Context-specific primitive [n] holding an INTEGER's content bytes (IMPLICIT tagging). */
const implicitInt = (n: number, v: number): Uint8Array => tlv(0x80 | n, readTlv(integer(v)).value);

export function encodeIso39794Face(face: { image: Uint8Array; formatCode: number; width: number; height: number }): Uint8Array {
  const info = tlv(0xa1,
    tlv(0xa0, implicitInt(0, face.formatCode)), // imageDataFormat: CHOICE code [0]
    tlv(0xa7, implicitInt(0, face.width), implicitInt(1, face.height)),
  );
  const representation = tlv(0x30,
    implicitInt(0, 1), // representationId
    tlv(0xa1, tlv(0xa0, tlv(0xa0, tlv(0x80, face.image), info))),
  );
  const version = tlv(0xa0, implicitInt(0, 1), implicitInt(1, 2019));
  return tlv(0xa1, tlv(0x65, concat(version, tlv(0xa1, representation))));
}
