/**
 * Seeded mutation fuzzing of every LDS/MRZ parser over every sample we have: truncation, byte
 * flips, inflated lengths, inserted and deleted bytes. Each parse must return or throw an EidError
 * — never a TypeError/RangeError, never a hang (the test timeout bounds the run).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EidError } from '../../../core/errors.ts';
import { parseCom, encodeCom } from '../../../core/lds/com.ts';
import { parseDg1, encodeDg1 } from '../../../core/lds/dg1.ts';
import { parseDg2, encodeDg2 } from '../../../core/lds/dg2.ts';
import { parseDg11, encodeDg11 } from '../../../core/lds/dg11.ts';
import { parseDg12, encodeDg12 } from '../../../core/lds/dg12.ts';
import { parseDg13Vn } from '../../../core/lds/dg13-vn.ts';
import { encodeDg13Vn } from '../../../core/lds/dg13-vn-encode.ts';
import { parseDg14, encodeDg14 } from '../../../core/lds/dg14.ts';
import { parseDg15, encodeDg15 } from '../../../core/lds/dg15.ts';
import { parseDg16 } from '../../../core/lds/dg16.ts';
import { parseCardAccess, parseCardSecurity } from '../../../core/lds/card-access.ts';
import { parseSod } from '../../../core/lds/sod.ts';
import { jpeg2000ToPng } from '../../../core/lds/face-display.ts';
import { parseMrz, parseCccdQr } from '../../../core/mrz/index.ts';
import { generateRsaKeyPair } from '../../../core/crypto/node-crypto.ts';
import { samples } from './samples.ts';
import { syntheticFace, realData, realDataFiles, SOD_COUNTRIES } from '../../../fixtures/index.ts';
import { fromHex } from '../../../core/bytes/hex.ts';
import { concat } from '../../../core/bytes/bytes.ts';

/** mulberry32: small deterministic PRNG so a failure replays from its seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function mutate(input: Uint8Array, rnd: () => number): Uint8Array {
  const pick = (n: number): number => Math.floor(rnd() * n);
  const b = input.slice();
  switch (pick(6)) {
    case 0: return b.subarray(0, pick(b.length)); // truncate
    case 1: { // flip a few bytes
      for (let i = 0, n = 1 + pick(4); i < n && b.length > 0; i++) b[pick(b.length)] = pick(256);
      return b;
    }
    case 2: { // inflate a length: a byte after a plausible tag becomes a long-form length
      if (b.length < 3) return b;
      const at = 1 + pick(Math.min(b.length - 2, 64));
      const lengths = [0x81, 0x82, 0x83, 0x84, 0x85, 0x80, 0xff, 0x7f];
      b[at] = lengths[pick(lengths.length)]!;
      return b;
    }
    case 3: { // insert random bytes
      const at = pick(b.length + 1);
      const extra = Uint8Array.from({ length: 1 + pick(8) }, () => pick(256));
      const out = new Uint8Array(b.length + extra.length);
      out.set(b.subarray(0, at));
      out.set(extra, at);
      out.set(b.subarray(at), at + extra.length);
      return out;
    }
    case 4: { // delete a run
      const at = pick(b.length + 1);
      const n = 1 + pick(8);
      return concat(b.subarray(0, at), b.subarray(at + n));
    }
    default: { // nest: wrap in a sequence with a lying length
      const out = new Uint8Array(b.length + 2);
      out.set([0x30, pick(256)]);
      out.set(b, 2);
      return out;
    }
  }
}

const parsers: Record<string, (b: Uint8Array) => unknown> = {
  COM: parseCom, DG1: parseDg1, DG2: parseDg2, DG11: parseDg11, DG12: parseDg12, DG13: parseDg13Vn,
  DG14: parseDg14, DG15: parseDg15, DG16: parseDg16, CardAccess: parseCardAccess, CardSecurity: parseCardSecurity, SOD: parseSod,
};

function corpus(): { parser: string; bytes: Uint8Array }[] {
  const byId: Record<string, string> = {
    ef_com: 'COM', dg1_td2: 'DG1', dg11_9303_10_a5: 'DG11', dg12_nz_adapted: 'DG12', dg16_9303_10_a6: 'DG16',
    ef_cardaccess_gm_cam_p384: 'CardAccess', ca_public_key_info_appI: 'CardAccess',
  };
  const out = samples.map((s) => ({ parser: byId[s.id] ?? 'CardAccess', bytes: fromHex(s.hex) }));
  out.push(
    { parser: 'COM', bytes: encodeCom([1, 2, 3, 13, 14, 15]) },
    { parser: 'DG1', bytes: encodeDg1('IDVNM0900123450001090012345<<19001011M3001019VNM<<<<<<<<<<<2NGUYEN<<VAN<A<<<<<<<<<<<<<<<<<') },
    { parser: 'DG2', bytes: encodeDg2({ image: syntheticFace('face-24x32.jpg') }) },
    { parser: 'DG2', bytes: encodeDg2({ image: syntheticFace('face-24x32.jpg'), encoding: 'ISO39794-5' }) },
    { parser: 'DG11', bytes: encodeDg11({ fullName: 'A<<B', otherNames: ['C<<D'], fullDateOfBirth: '1990-01-01' }) },
    { parser: 'DG12', bytes: encodeDg12({ issuingAuthority: 'X', otherPersons: ['A', 'B'], personalisationTime: '2020-01-01T00:00:00' }) },
    // DG13 as the chips lay it out (wrapper: version, character-set OID, SET), flat, and with both parents in one SEQUENCE.
    ...(['wrapped', 'flat'] as const).flatMap((layout) => (['separate', 'together'] as const).map((parents) => ({ parser: 'DG13', bytes: encodeDg13Vn({
      idNumber: '001090012345', fullName: 'Nguyễn Văn A', dateOfBirth: '1990-01-01', sex: 'Nam', nationality: 'Việt Nam', ethnicity: 'Kinh',
      religion: 'Không', placeOfOrigin: 'Hà Nội', placeOfResidence: 'Hà Nội '.repeat(20), identifyingMarks: 'x', dateOfIssue: '2021-01-01',
      dateOfExpiry: null, noExpiry: true, fatherName: 'B', motherName: 'C', spouseName: null, oldIdNumber: '123456789',
      field16: '0123456789ABCDEF', extraFields: [{ number: 17, value: 'X' }], layout, parents,
    }) }))),
    { parser: 'DG14', bytes: encodeDg14([{ type: 'ChipAuthenticationInfo', oid: '0.4.0.127.0.7.2.2.3.2.4', keyId: 1 }, { type: 'ActiveAuthenticationInfo', signatureAlgorithm: '1.2.840.10045.4.3.2' }]) },
    { parser: 'DG15', bytes: encodeDg15(generateRsaKeyPair(1024).spkiDer) },
  );
  for (const country of SOD_COUNTRIES) {
    for (const file of realDataFiles(`sod/${country}`)) {
      out.push({ parser: file === 'SOD' ? 'SOD' : 'CardSecurity', bytes: realData(`sod/${country}/${file}`) });
    }
  }
  return out;
}

function assertTyped(name: string, seed: number, run: () => unknown): void {
  try {
    run();
  } catch (e) {
    if (!(e instanceof EidError)) assert.fail(`${name} (seed ${seed}) threw ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
  }
}

test('every LDS parser returns or throws EidError on mutated samples', { timeout: 60_000 }, () => {
  const items = corpus();
  let runs = 0;
  let ok = 0;
  items.forEach((item, index) => {
    // Every parser on the unmutated sample (wrong file for most of them).
    for (const [name, parse] of Object.entries(parsers)) assertTyped(`${name} on sample ${index}`, 0, () => parse(item.bytes));
    const rounds = item.bytes.length > 2000 ? 60 : 150;
    for (let r = 0; r < rounds; r++) {
      const seed = index * 100_000 + r;
      const mutated = mutate(item.bytes, prng(seed));
      assertTyped(`${item.parser} on sample ${index}`, seed, () => { parsers[item.parser]!(mutated); ok++; });
      runs++;
    }
  });
  assert.ok(runs > 2000);
  // Mutations that still parse show the fuzzer reaches past the first bytes; all failing would mean it does not.
  assert.ok(ok > runs / 20 && ok < runs, `${ok} of ${runs} mutated samples parsed`);
});

test('MRZ and QR parsers return or throw EidError on mutated text', { timeout: 30_000 }, () => {
  const mrzs = [
    'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10',
    'IDVNM0900123450001090012345<<1\n9001011M3001019VNM<<<<<<<<<<<2\nNGUYEN<<VAN<A<<<<<<<<<<<<<<<<<',
    'I<UTOSTEVENSON<<PETER<JOHN<<<<<<<<<<\nD23145890<UTO3407127M95071227349<<<8',
  ];
  const qrs = ['001090012345|123456789|Nguyễn Văn A|01011990|Nam|Hà Nội|15042021', '001090012345||Trần Thị B|05011993|Nữ|Hà Nội|24072024|a|b|c'];
  const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ<|\n é';
  for (let seed = 0; seed < 3000; seed++) {
    const rnd = prng(seed);
    const source = seed % 2 ? mrzs[seed % mrzs.length]! : qrs[seed % qrs.length]!;
    const chars = [...source];
    for (let i = 0, n = 1 + Math.floor(rnd() * 3); i < n; i++) {
      const at = Math.floor(rnd() * (chars.length + 1));
      const op = Math.floor(rnd() * 3);
      const c = alphabet[Math.floor(rnd() * alphabet.length)]!;
      if (op === 0) chars.splice(at, 1);
      else if (op === 1) chars.splice(at, 0, c);
      else chars[at] = c;
    }
    const text = chars.join('');
    assertTyped('parseMrz', seed, () => parseMrz(text, { strict: seed % 3 !== 0 }));
    assertTyped('parseCccdQr', seed, () => parseCccdQr(text));
  }
});

test('the JPEG 2000 decoder never throws and never hangs on mutated data', { timeout: 60_000 }, async () => {
  const jp2 = syntheticFace('face-24x32-lossless.jp2');
  for (let seed = 0; seed < 40; seed++) {
    const out = await jpeg2000ToPng(mutate(jp2, prng(seed)));
    assert.ok(out === undefined || out.png.length > 0);
  }
});

test('each parser names its file in LDS_MALFORMED; oversized files are refused', () => {
  const wrong = Uint8Array.of(0x42, 0x01, 0x00);
  for (const [name, parse] of Object.entries(parsers)) {
    assert.throws(() => parse(wrong), (e) => e instanceof EidError && e.code === 'LDS_MALFORMED' && e.message.includes(name), name);
  }
  const huge = new Uint8Array((1 << 20) + 16);
  huge.set([0x6d, 0x84, 0x00, 0x10, 0x00, 0x0a]);
  assert.throws(() => parseDg13Vn(huge), (e) => e instanceof EidError && e.code === 'LDS_MALFORMED' && /larger/.test(e.message));
});
