/**
 * PC/SC part 10 reader properties: the feature list of CM_IOCTL_GET_FEATURE_REQUEST (big-endian
 * control codes) and the TLV properties of FEATURE_GET_TLV_PROPERTIES (little-endian integers),
 * down to dwMaxAPDUDataSize, which says whether a CCID reader passes extended APDUs.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fromHex } from '../../../core/bytes/hex.ts';
import {
  FEATURE_GET_TLV_PROPERTIES, PROPERTY_MAX_APDU_DATA_SIZE, featureRequestCode, maxApduDataSizeOf, parseFeatureList, parseTlvProperties, queryMaxApduDataSize,
} from '../../../native/reader-properties.ts';

/** What libccid 1.5 answers for a short-APDU-level reader (ACS, wIdVendor 072F): dwMaxAPDUDataSize 0. */
const LIBCCID_SHORT_ONLY = fromHex('01020000020107030100060100070100090100' + '0A0400000000' + '0B022F07' + '0C022322');
/** The same from a TPDU or extended-APDU reader: dwMaxAPDUDataSize 0x10000. */
const LIBCCID_EXTENDED = fromHex('0A0400000100' + '0B02E604');
/** Features as libccid lists them: VERIFY_PIN_DIRECT 42330006, GET_TLV_PROPERTIES 42330012. */
const FEATURES = fromHex('060442330006' + '120442330012');

test('the feature list maps each feature tag to its big-endian control code', () => {
  const features = parseFeatureList(FEATURES);
  assert.equal(features.get(0x06), 0x42330006);
  assert.equal(features.get(FEATURE_GET_TLV_PROPERTIES), 0x42330012);
  assert.equal(features.size, 2);
  // A truncated last entry is not read as a code.
  assert.equal(parseFeatureList(FEATURES.subarray(0, 10)).has(FEATURE_GET_TLV_PROPERTIES), false);
});

test('TLV properties: integers are little-endian, of 1, 2 or 4 bytes', () => {
  const properties = parseTlvProperties(LIBCCID_SHORT_ONLY);
  assert.equal(properties.get(0x0b), 0x072f);
  assert.equal(properties.get(0x02), 7);
  assert.equal(maxApduDataSizeOf(LIBCCID_SHORT_ONLY), 0);
  assert.equal(maxApduDataSizeOf(LIBCCID_EXTENDED), 0x10000);
  assert.equal(maxApduDataSizeOf(fromHex('0A020004')), 1024);
});

test('a missing, wrongly sized or truncated dwMaxAPDUDataSize is no answer, not a number', () => {
  assert.equal(maxApduDataSizeOf(fromHex('0B022F07')), undefined);
  assert.equal(maxApduDataSizeOf(fromHex('0A03000001')), undefined);
  assert.equal(maxApduDataSizeOf(fromHex('0A04000001')), undefined);
  assert.equal(maxApduDataSizeOf(new Uint8Array(0)), undefined);
  // A string property (sFirmwareID) before it is skipped by its length.
  assert.equal(maxApduDataSizeOf(fromHex('0805312E323233' + '0A0400000000')), 0);
  assert.equal(PROPERTY_MAX_APDU_DATA_SIZE, 0x0a);
});

test('the feature request code is SCARD_CTL_CODE(3400) of the platform', () => {
  assert.equal(featureRequestCode('linux'), 0x42000000 + 3400);
  assert.equal(featureRequestCode('darwin'), 0x42000000 + 3400);
  assert.equal(featureRequestCode('win32'), (0x31 << 16) | (3400 << 2));
});

test('the query asks for the features, then the TLV properties at the code the reader named', async () => {
  const calls: number[] = [];
  const reader = async (code: number): Promise<Uint8Array> => {
    calls.push(code);
    if (code === featureRequestCode()) return FEATURES;
    if (code === 0x42330012) return LIBCCID_SHORT_ONLY;
    throw new Error('Unsupported feature');
  };
  assert.equal(await queryMaxApduDataSize(reader), 0);
  assert.deepEqual(calls, [featureRequestCode(), 0x42330012]);
});

test('a reader without the TLV feature or refusing the control call reports nothing', async () => {
  assert.equal(await queryMaxApduDataSize(async () => fromHex('060442330006')), undefined);
  assert.equal(await queryMaxApduDataSize(async () => {
    throw new Error('The smart card does not support the requested feature');
  }), undefined);
  let second = false;
  assert.equal(await queryMaxApduDataSize(async (code) => {
    if (code !== featureRequestCode()) second = true;
    return FEATURES;
  }), undefined, 'a property list that is really a feature list has no dwMaxAPDUDataSize');
  assert.equal(second, true);
});
