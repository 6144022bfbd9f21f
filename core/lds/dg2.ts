/**
 * DG2 (tag 75): the face. Biometric Information Group Template 7F61 { 02 count, 7F60 ... }, each
 * Biometric Information Template 7F60 = header A1 + data block: 5F2E (ISO 19794-5 'FAC' record)
 * or 7F2E (ISO 39794-5 ASN.1). Yields the image bytes as stored, their MIME type and size.
 */
import { tlv, type Tlv } from '../bytes/tlv.ts';
import { ldsMalformed, parsing } from './errors.ts';
import { childrenOf, openFile, requireChild } from './file-tlv.ts';
import { imageInfo, type FaceMimeType } from './image-info.ts';
import { encodeFacRecord, parseFacRecord } from './iso19794-5.ts';
import { encodeIso39794Face, parseIso39794Face } from './iso39794-5.ts';

export type FaceEncoding = 'ISO19794-5' | 'ISO39794-5';

export interface FaceImage {
  /** The picture exactly as stored on the chip. */
  readonly image: Uint8Array;
  /** From the image's own signature, not from the record's declaration (which some issuers get wrong). */
  readonly mimeType: FaceMimeType;
  readonly width: number | null;
  readonly height: number | null;
  readonly encoding: FaceEncoding;
}

export interface Dg2 {
  readonly faces: readonly FaceImage[];
}

const MAX_TEMPLATES = 16;

function facesOfTemplate(bit: Tlv): FaceImage[] {
  const parts = childrenOf(bit, 'DG2');
  requireChild(parts, 0xa1, 'DG2');
  const fac = parts.find((t) => t.tag === 0x5f2e);
  const asn1 = parts.find((t) => t.tag === 0x7f2e);
  const describe = (image: Uint8Array, width: number | null, height: number | null, encoding: FaceEncoding): FaceImage => {
    const info = imageInfo(image);
    return { image, mimeType: info.mimeType, width: info.width ?? width, height: info.height ?? height, encoding };
  };
  if (fac) return parseFacRecord(fac.value).map((f) => describe(f.image, f.width, f.height, 'ISO19794-5'));
  if (asn1) return parseIso39794Face(asn1.value).map((f) => describe(f.image, f.width, f.height, 'ISO39794-5'));
  throw ldsMalformed('DG2', 'biometric template has no data block (5F2E or 7F2E)');
}

export function parseDg2(bytes: Uint8Array): Dg2 {
  return parsing('DG2', () => {
    const group = requireChild(childrenOf(openFile(bytes, 'DG2'), 'DG2'), 0x7f61, 'DG2');
    const items = childrenOf(group, 'DG2');
    const count = items[0];
    if (!count || count.tag !== 0x02 || count.value.length !== 1) throw ldsMalformed('DG2', 'biometric group template without a count');
    const templates = items.slice(1).filter((t) => t.tag === 0x7f60);
    if (templates.length !== count.value[0] || templates.length === 0 || templates.length > MAX_TEMPLATES) {
      throw ldsMalformed('DG2', `declares ${count.value[0]} face templates, holds ${templates.length}`);
    }
    return { faces: templates.flatMap(facesOfTemplate) };
  });
}

export interface Dg2Input {
  /** A JPEG or JPEG 2000 picture; width/height are read from it when not given. */
  readonly image: Uint8Array;
  readonly width?: number;
  readonly height?: number;
  readonly encoding?: FaceEncoding;
}

/** Biometric Header Template: ICAO header version, type face, format owner/type (ISO/IEC JTC1 SC37, face). */
const bht = (): Uint8Array => tlv(0xa1, tlv(0x80, Uint8Array.of(1, 1)), tlv(0x81, Uint8Array.of(2)), tlv(0x87, Uint8Array.of(1, 1)), tlv(0x88, Uint8Array.of(0, 8)));

export function encodeDg2(input: Dg2Input): Uint8Array {
  const info = imageInfo(input.image);
  const width = input.width ?? info.width ?? 0;
  const height = input.height ?? info.height ?? 0;
  const jp2 = info.mimeType === 'image/jp2';
  const block = input.encoding === 'ISO39794-5'
    ? tlv(0x7f2e, encodeIso39794Face({ image: input.image, formatCode: jp2 ? 3 : 2, width, height }))
    : tlv(0x5f2e, encodeFacRecord({ image: input.image, imageDataType: jp2 ? 1 : 0, width, height }));
  return tlv(0x75, tlv(0x7f61, tlv(0x02, Uint8Array.of(1)), tlv(0x7f60, bht(), block)));
}
