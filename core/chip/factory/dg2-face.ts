/**
 * Local adapter: the DG2 (face) encoder that engineer C's core/lds does not export yet; when it
 * does, this file goes. Structure: ICAO 9303-10 §4.7.2 (biometric information template with an
 * ISO/IEC 19794-5 facial record holding one JPEG).
 */
import { concat, uintBytes } from '../../bytes/bytes.ts';
import { tlv } from '../../bytes/tlv.ts';

/** ISO/IEC 19794-5 facial record with one JPEG image (no feature points). */
function faceRecord(jpeg: Uint8Array, width: number, height: number): Uint8Array {
  const imageInfo = concat(
    Uint8Array.of(0x01, 0x00), // full frontal, JPEG
    uintBytes(width, 2),
    uintBytes(height, 2),
    Uint8Array.of(0x01, 0x02), // colour space sRGB-ish, source: digital still camera
    uintBytes(0, 2), // device type
    uintBytes(0, 2), // quality unspecified
  );
  const facialInfo = concat(
    uintBytes(20 + imageInfo.length + jpeg.length, 4),
    uintBytes(0, 2), // feature points
    Uint8Array.of(0x00, 0x00, 0x00), // gender, eye colour, hair colour: unspecified
    Uint8Array.of(0x00, 0x00, 0x00), // feature mask
    uintBytes(0, 2), // expression
    Uint8Array.of(0, 0, 0, 0, 0, 0), // pose angles and uncertainties
  );
  const body = concat(facialInfo, imageInfo, jpeg);
  const header = concat(Uint8Array.of(0x46, 0x41, 0x43, 0x00, 0x30, 0x31, 0x30, 0x00), uintBytes(14 + body.length, 4), uintBytes(1, 2));
  return concat(header, body);
}

/** DG2: 75 { 7F61 { 02 count, 7F60 { A1 header, 5F2E record } } }. */
export function encodeDg2Face(jpeg: Uint8Array, width: number, height: number): Uint8Array {
  const biometricHeader = tlv(0xa1,
    tlv(0x80, Uint8Array.of(0x01, 0x01)), // ICAO header version
    tlv(0x87, Uint8Array.of(0x01, 0x01)), // format owner: ISO/IEC JTC1 SC37
    tlv(0x88, Uint8Array.of(0x00, 0x08)), // format type: face image
  );
  return tlv(0x75, tlv(0x7f61, tlv(0x02, Uint8Array.of(1)), tlv(0x7f60, biometricHeader, tlv(0x5f2e, faceRecord(jpeg, width, height)))));
}
