/**
 * What a CCID reader says about itself through SCardControl (PC/SC part 10 v2.02, pcsc-lite
 * reader.h): CM_IOCTL_GET_FEATURE_REQUEST lists features as tag, length 4, big-endian control
 * code; the code of FEATURE_GET_TLV_PROPERTIES answers tag, length, little-endian integer.
 * Property dwMaxAPDUDataSize is 0 for a reader that passes short APDUs only (libccid: a
 * short-APDU-level CCID reader) and up to 0x10000 for one that passes extended APDUs.
 */

export const FEATURE_GET_TLV_PROPERTIES = 0x12;
export const PROPERTY_MAX_APDU_DATA_SIZE = 0x0a;
const GET_FEATURE_REQUEST = 3400;

/** SCARD_CTL_CODE(3400): winscard builds control codes differently from pcsc-lite and macOS. */
export function featureRequestCode(platform: NodeJS.Platform = process.platform): number {
  return platform === 'win32' ? (0x31 << 16) | (GET_FEATURE_REQUEST << 2) : 0x42000000 + GET_FEATURE_REQUEST;
}

/** Feature tag to control code; a truncated or odd-sized entry is left out. */
export function parseFeatureList(bytes: Uint8Array): Map<number, number> {
  const features = new Map<number, number>();
  for (const [tag, value] of entries(bytes)) {
    if (value.length === 4) features.set(tag, new DataView(value.buffer, value.byteOffset, 4).getUint32(0, false));
  }
  return features;
}

/** Integer properties (1, 2 or 4 bytes, little-endian) by tag; strings such as sFirmwareID are skipped. */
export function parseTlvProperties(bytes: Uint8Array): Map<number, number> {
  const properties = new Map<number, number>();
  for (const [tag, value] of entries(bytes)) {
    if (value.length === 1 || value.length === 2 || value.length === 4) {
      properties.set(tag, value.reduceRight((n, b) => n * 256 + b, 0));
    }
  }
  return properties;
}

export function maxApduDataSizeOf(tlvProperties: Uint8Array): number | undefined {
  return parseTlvProperties(tlvProperties).get(PROPERTY_MAX_APDU_DATA_SIZE);
}

/** One SCardControl call on the connected reader: control code and input in, output out. */
export type ReaderControl = (code: number, data?: Uint8Array) => Promise<Uint8Array>;

/**
 * The reader's dwMaxAPDUDataSize, or undefined when it does not say (no part 10 features, no TLV
 * properties, the call refused - vpcd, contactless readers of other drivers, Windows class driver).
 */
export async function queryMaxApduDataSize(control: ReaderControl): Promise<number | undefined> {
  try {
    const tlvCode = parseFeatureList(await control(featureRequestCode())).get(FEATURE_GET_TLV_PROPERTIES);
    if (tlvCode === undefined) return undefined;
    return maxApduDataSizeOf(await control(tlvCode));
  } catch {
    return undefined; // a reader that refuses the question has told us nothing
  }
}

function* entries(bytes: Uint8Array): Generator<[number, Uint8Array]> {
  let at = 0;
  while (at + 2 <= bytes.length) {
    const tag = bytes[at]!;
    const length = bytes[at + 1]!;
    if (at + 2 + length > bytes.length) return;
    yield [tag, bytes.subarray(at + 2, at + 2 + length)];
    at += 2 + length;
  }
}
