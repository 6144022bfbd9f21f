/**
 * Seeded mutation fuzzing of everything that parses chip or terminal bytes here: whatever comes
 * in, the answer is a result or a typed EidError, never another exception or a hang.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fromHex, toHex } from '../../../core/bytes/hex.ts';
import { EidError } from '../../../core/errors.ts';
import { parseCommand, parseResponse } from '../../../core/emrtd/apdu/apdu.ts';
import { SmChannel, type SessionKeys } from '../../../core/emrtd/sm/sm-channel.ts';
import { unprotectCommand, unprotectResponse } from '../../../core/emrtd/sm/sm-codec.ts';
import { FileReader } from '../../../core/emrtd/read/read-file.ts';
import { parseIso9796Scheme1 } from '../../../core/crypto/iso9796-2.ts';
import { vector } from '../../../fixtures/index.ts';

const appD = vector('bac_3des_sm_icao9303_p11_appD.json');
const misc = vector('sm_aes_extended_and_misc_vectors.json');

function prng(seed: number): () => number {
  let x = seed >>> 0;
  return () => ((x = (Math.imul(x, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function mutate(bytes: Uint8Array, rnd: () => number): Uint8Array {
  const out = Array.from(bytes);
  const edits = 1 + Math.floor(rnd() * 4);
  for (let i = 0; i < edits; i++) {
    const kind = Math.floor(rnd() * 4);
    const at = Math.floor(rnd() * (out.length + 1));
    if (kind === 0 && out.length > 0) out[at % out.length] = Math.floor(rnd() * 256);
    else if (kind === 1) out.splice(at, 0, Math.floor(rnd() * 256));
    else if (kind === 2 && out.length > 0) out.splice(at % out.length, 1);
    else out.length = Math.floor(rnd() * out.length);
  }
  return Uint8Array.from(out);
}

function typedOrOk(run: () => unknown, what: string): void {
  try {
    run();
  } catch (e) {
    assert.ok(e instanceof EidError, `${what}: ${String(e)}`);
  }
}

const appDKeys: SessionKeys = { cipher: '3DES', kEnc: fromHex(appD.authentication.ks_enc), kMac: fromHex(appD.authentication.ks_mac), ssc: fromHex(appD.authentication.ssc) };
const aesCase = misc.cases.find((c: any) => c.id === 'gmrtd_aes_read_binary_response');
const aesKeys: SessionKeys = { cipher: 'AES', kEnc: fromHex(aesCase.ks_enc), kMac: fromHex(aesCase.ks_mac), ssc: fromHex(aesCase.ssc_before) };

test('mutated protected responses are rejected with typed errors and never accepted', () => {
  const rnd = prng(1);
  const samples: [SessionKeys, string, number][] = [
    ...appD.secure_messaging.map((s: any, i: number) => [appDKeys, s.protected_response, 2 * i + 1] as [SessionKeys, string, number]),
    [aesKeys, aesCase.protected_response, 0],
  ];
  let accepted = 0;
  for (let i = 0; i < 1500; i++) {
    const [keys, hex, before] = samples[i % samples.length]!;
    const ch = new SmChannel(keys);
    for (let k = 0; k < before; k++) ch.nextSsc();
    const original = fromHex(hex);
    const raw = mutate(original, rnd);
    try {
      const plain = unprotectResponse(ch, raw);
      // Only a plain error status, or a change to the unauthenticated outer SW, may pass.
      const plainError = raw.length === 2 && parseResponse(raw).sw !== 0x9000;
      const sameBody = toHex(raw.subarray(0, -2)) === toHex(original.subarray(0, -2));
      assert.ok(plainError || sameBody, `accepted a changed body: ${toHex(raw)}`);
      if (plainError) assert.equal(toHex(plain), toHex(raw));
      accepted++;
    } catch (e) {
      assert.ok(e instanceof EidError, String(e));
    }
  }
  assert.ok(accepted < 300, `${accepted} mutations accepted`);
});

test('mutated protected commands give typed errors on the card side', () => {
  const rnd = prng(2);
  for (let i = 0; i < 1500; i++) {
    const step = appD.secure_messaging[i % appD.secure_messaging.length];
    const ch = new SmChannel(appDKeys);
    for (let k = 0; k < 2 * (i % appD.secure_messaging.length); k++) ch.nextSsc();
    typedOrOk(() => unprotectCommand(ch, mutate(fromHex(step.protected_command), rnd)), 'unprotectCommand');
    typedOrOk(() => parseCommand(mutate(fromHex(step.unprotected_command), rnd)), 'parseCommand');
  }
});

test('ISO 9796-2 parsing of arbitrary representatives never throws', () => {
  const rnd = prng(3);
  const f = fromHex(vector('active_auth_rsa_iso9796_2_vectors.json').icao_appendix_f.F);
  for (let i = 0; i < 2000; i++) parseIso9796Scheme1(mutate(f, rnd));
});

test('a chip answering READ BINARY with random bytes ends in data or a typed error, within bounds', async () => {
  const rnd = prng(4);
  for (let i = 0; i < 200; i++) {
    let calls = 0;
    const chip = {
      transmit: async (raw: Uint8Array) => {
        calls++;
        if (raw[1] === 0xa4) return fromHex('9000');
        const n = Math.floor(rnd() * 40);
        const body = Uint8Array.from({ length: n }, () => Math.floor(rnd() * 256));
        const sws = ['9000', '6282', '6700', '6C10', '6B00', '6A82', '6982', '6104', '9000'];
        return new Uint8Array([...body, ...fromHex(sws[Math.floor(rnd() * sws.length)]!)]);
      },
    };
    try {
      await new FileReader(chip, { maxChunks: 64 }).readFile(0x0101);
    } catch (e) {
      assert.ok(e instanceof EidError, String(e));
    }
    assert.ok(calls < 64 * 20, `too many APDUs: ${calls}`);
  }
});
