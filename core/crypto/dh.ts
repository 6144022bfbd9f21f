/**
 * Finite-field Diffie-Hellman with BigInt modular exponentiation (Electron's BoringSSL has no
 * generic DH). Groups: RFC 5114 sec. 2.1-2.3, which are PACE standardised parameter ids 0, 1, 2.
 * Every public value and shared secret is left-padded to the length of p.
 */
import { EidError } from '../errors.ts';
import { bigIntToBytes, bytesToBigInt } from '../bytes/bytes.ts';
import { systemRandom, type RandomSource } from './ec/keys.ts';

export interface DhGroup {
  readonly name: string;
  readonly p: bigint;
  readonly g: bigint;
  /** Order of g's subgroup, when known (always for RFC 5114). */
  readonly q?: bigint;
}

export const RFC5114_1024_160: DhGroup = {
  name: 'RFC5114-1024-160',
  p: 0xB10B8F96A080E01DDE92DE5EAE5D54EC52C99FBCFB06A3C69A6A9DCA52D23B616073E28675A23D189838EF1E2EE652C013ECB4AEA906112324975C3CD49B83BFACCBDD7D90C4BD7098488E9C219A73724EFFD6FAE5644738FAA31A4FF55BCCC0A151AF5F0DC8B4BD45BF37DF365C1A65E68CFDA76D4DA708DF1FB2BC2E4A4371n,
  g: 0xA4D1CBD5C3FD34126765A442EFB99905F8104DD258AC507FD6406CFF14266D31266FEA1E5C41564B777E690F5504F213160217B4B01B886A5E91547F9E2749F4D7FBD7D3B9A92EE1909D0D2263F80A76A6A24C087A091F531DBF0A0169B6A28AD662A4D18E73AFA32D779D5918D08BC8858F4DCEF97C2A24855E6EEB22B3B2E5n,
  q: 0xF518AA8781A8DF278ABA4E7D64B7CB9D49462353n,
};

export const RFC5114_2048_224: DhGroup = {
  name: 'RFC5114-2048-224',
  p: 0xAD107E1E9123A9D0D660FAA79559C51FA20D64E5683B9FD1B54B1597B61D0A75E6FA141DF95A56DBAF9A3C407BA1DF15EB3D688A309C180E1DE6B85A1274A0A66D3F8152AD6AC2129037C9EDEFDA4DF8D91E8FEF55B7394B7AD5B7D0B6C12207C9F98D11ED34DBF6C6BA0B2C8BBC27BE6A00E0A0B9C49708B3BF8A317091883681286130BC8985DB1602E714415D9330278273C7DE31EFDC7310F7121FD5A07415987D9ADC0A486DCDF93ACC44328387315D75E198C641A480CD86A1B9E587E8BE60E69CC928B2B9C52172E413042E9B23F10B0E16E79763C9B53DCF4BA80A29E3FB73C16B8E75B97EF363E2FFA31F71CF9DE5384E71B81C0AC4DFFE0C10E64Fn,
  g: 0xAC4032EF4F2D9AE39DF30B5C8FFDAC506CDEBE7B89998CAF74866A08CFE4FFE3A6824A4E10B9A6F0DD921F01A70C4AFAAB739D7700C29F52C57DB17C620A8652BE5E9001A8D66AD7C17669101999024AF4D027275AC1348BB8A762D0521BC98AE247150422EA1ED409939D54DA7460CDB5F6C6B250717CBEF180EB34118E98D119529A45D6F834566E3025E316A330EFBB77A86F0C1AB15B051AE3D428C8F8ACB70A8137150B8EEB10E183EDD19963DDD9E263E4770589EF6AA21E7F5F2FF381B539CCE3409D13CD566AFBB48D6C019181E1BCFE94B30269EDFE72FE9B6AA4BD7B5A0F1C71CFFF4C19C418E1F6EC017981BC087F2A7065B384B890D3191F2BFAn,
  q: 0x801C0D34C58D93FE997177101F80535A4738CEBCBF389A99B36371EBn,
};

export const RFC5114_2048_256: DhGroup = {
  name: 'RFC5114-2048-256',
  p: 0x87A8E61DB4B6663CFFBBD19C651959998CEEF608660DD0F25D2CEED4435E3B00E00DF8F1D61957D4FAF7DF4561B2AA3016C3D91134096FAA3BF4296D830E9A7C209E0C6497517ABD5A8A9D306BCF67ED91F9E6725B4758C022E0B1EF4275BF7B6C5BFC11D45F9088B941F54EB1E59BB8BC39A0BF12307F5C4FDB70C581B23F76B63ACAE1CAA6B7902D52526735488A0EF13C6D9A51BFA4AB3AD8347796524D8EF6A167B5A41825D967E144E5140564251CCACB83E6B486F6B3CA3F7971506026C0B857F689962856DED4010ABD0BE621C3A3960A54E710C375F26375D7014103A4B54330C198AF126116D2276E11715F693877FAD7EF09CADB094AE91E1A1597n,
  g: 0x3FB32C9B73134D0B2E77506660EDBD484CA7B18F21EF205407F4793A1A0BA12510DBC15077BE463FFF4FED4AAC0BB555BE3A6C1B0C6B47B1BC3773BF7E8C6F62901228F8C28CBB18A55AE31341000A650196F931C77A57F2DDF463E5E9EC144B777DE62AAAB8A8628AC376D282D6ED3864E67982428EBC831D14348F6F2F9193B5045AF2767164E1DFC967C1FB3F2E55A4BD1BFFE83B9C80D052B985D182EA0ADB2A3B7313D3FE14C8484B1E052588B9B7D2BBD2DF016199ECD06E1557CD0915B3353BBB64E0EC377FD028370DF92B52C7891428CDC67EB6184B523D1DB246C32F63078490F00EF8D647D148D47954515E2327CFEF98C582664B4C0F6CC41659n,
  q: 0x8CF83642A709A097B447997640129DA299B1A47D1EB3750BA308B0FE64F5FBD3n,
};

/** The named RFC 5114 group with this p and g, if any (DG14 carries DH groups as explicit numbers). */
export function findDhGroup(p: bigint, g: bigint): DhGroup | undefined {
  return [RFC5114_1024_160, RFC5114_2048_224, RFC5114_2048_256].find((group) => group.p === p && group.g === g);
}

/** Bytes of p: the fixed length of every public value and shared secret. */
export const dhLength = (group: DhGroup): number => Math.ceil(group.p.toString(2).length / 8);

function dhError(detail: string): EidError {
  return new EidError('DH_VALUE_INVALID', { detail });
}

/** base^exponent mod modulus (square-and-multiply over BigInt). */
export function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  if (modulus === 1n) return 0n;
  let result = 1n;
  let b = ((base % modulus) + modulus) % modulus;
  let e = exponent;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
    e >>= 1n;
  }
  return result;
}

/** Modular inverse by the extended Euclidean algorithm (the IM mapping and tests need it). */
export function modInverse(value: bigint, modulus: bigint): bigint {
  let [r0, r1] = [((value % modulus) + modulus) % modulus, modulus];
  let [s0, s1] = [1n, 0n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  if (r0 !== 1n) throw dhError('value not invertible');
  return ((s0 % modulus) + modulus) % modulus;
}

export const encodeDhValue = (group: DhGroup, value: bigint): Uint8Array => bigIntToBytes(value, dhLength(group));

/**
 * A peer's public value: at most |p| bytes, 1 < y < p-1, and in the order-q subgroup when q is
 * known (rejects small-subgroup values that would leak key bits or force a known secret).
 */
export function decodeDhPublic(group: DhGroup, bytes: Uint8Array): bigint {
  if (bytes.length === 0 || bytes.length > dhLength(group)) throw dhError(`length ${bytes.length}`);
  const y = bytesToBigInt(bytes);
  if (y <= 1n || y >= group.p - 1n) throw dhError('out of range');
  if (group.q !== undefined && modPow(y, group.q, group.p) !== 1n) throw dhError('not in the prime-order subgroup');
  return y;
}

export interface DhKeyPair {
  readonly privateKey: bigint;
  readonly publicKey: bigint;
}

/**
 * A private exponent: |q| random bytes, redrawn unless 1 <= x < p-1. Values above q are kept:
 * the generator has order q, so they act as x mod q (ICAO G.2 prints such a 1024-bit key), and an
 * injected source may return a longer value than asked for to replay such an example.
 */
export function randomDhExponent(group: DhGroup, random: RandomSource = systemRandom): bigint {
  const length = Math.ceil((group.q ?? group.p).toString(2).length / 8);
  for (let attempt = 0; attempt < 64; attempt++) {
    const x = bytesToBigInt(random(length));
    if (x >= 1n && x < group.p - 1n) return x;
  }
  throw dhError('random source produced no valid exponent');
}

/** Key pair on `generator` (default g; PACE passes the mapped generator). */
export function generateDhKeyPair(group: DhGroup, random: RandomSource = systemRandom, generator: bigint = group.g): DhKeyPair {
  const privateKey = randomDhExponent(group, random);
  return { privateKey, publicKey: modPow(generator, privateKey, group.p) };
}

/** y^x mod p as an integer (PACE generic mapping needs it as a group element). */
export function dhSharedValue(group: DhGroup, privateKey: bigint, peerPublic: bigint): bigint {
  const k = modPow(peerPublic, privateKey, group.p);
  if (k <= 1n) throw dhError('degenerate shared secret');
  return k;
}

/** Shared secret y^x mod p, left-padded to the length of p. */
export function dhSharedSecret(group: DhGroup, privateKey: bigint, peerPublic: bigint): Uint8Array {
  return encodeDhValue(group, dhSharedValue(group, privateKey, peerPublic));
}
