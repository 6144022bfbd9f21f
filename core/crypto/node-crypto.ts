/**
 * The one file that imports node:crypto (see docs/design/DESIGN.md "Crypto rules"): only what BoringSSL in
 * Electron provides as well. Everything elliptic lives in ec/ on @noble/curves.
 */
import * as nc from 'node:crypto';

export type HashAlgorithm = 'sha1' | 'sha224' | 'sha256' | 'sha384' | 'sha512';

/** Digest length in bytes. */
export const HASH_LENGTH: Readonly<Record<HashAlgorithm, number>> = { sha1: 20, sha224: 28, sha256: 32, sha384: 48, sha512: 64 };

export function randomBytes(n: number): Uint8Array {
  return new Uint8Array(nc.randomBytes(n));
}

export function hash(algorithm: HashAlgorithm, ...parts: readonly Uint8Array[]): Uint8Array {
  const h = nc.createHash(algorithm);
  for (const p of parts) h.update(p);
  return new Uint8Array(h.digest());
}

export function hmac(algorithm: HashAlgorithm, key: Uint8Array, data: Uint8Array): Uint8Array {
  return new Uint8Array(nc.createHmac(algorithm, key).update(data).digest());
}

export type BlockCipher = 'aes' | '3des';
export type BlockMode = 'cbc' | 'ecb';

function cipherName(cipher: BlockCipher, mode: BlockMode, key: Uint8Array): string {
  if (cipher === '3des') {
    if (key.length !== 24) throw new RangeError('3DES keys here are 24 bytes (K1|K2|K1 expanded)');
    return mode === 'cbc' ? 'des-ede3-cbc' : 'des-ede3';
  }
  if (![16, 24, 32].includes(key.length)) throw new RangeError(`bad AES key length ${key.length}`);
  return `aes-${key.length * 8}-${mode}`;
}

function run(encrypt: boolean, cipher: BlockCipher, mode: BlockMode, key: Uint8Array, data: Uint8Array, iv?: Uint8Array): Uint8Array {
  const name = cipherName(cipher, mode, key);
  const ivBytes = mode === 'cbc' ? (iv ?? new Uint8Array(cipher === 'aes' ? 16 : 8)) : null;
  const c = encrypt ? nc.createCipheriv(name, key, ivBytes) : nc.createDecipheriv(name, key, ivBytes);
  c.setAutoPadding(false);
  const out = Buffer.concat([c.update(data), c.final()]);
  return new Uint8Array(out);
}

/** Block encryption without padding (callers pad per ISO 9797-1 method 2 themselves). */
export function encrypt(cipher: BlockCipher, mode: BlockMode, key: Uint8Array, data: Uint8Array, iv?: Uint8Array): Uint8Array {
  return run(true, cipher, mode, key, data, iv);
}

export function decrypt(cipher: BlockCipher, mode: BlockMode, key: Uint8Array, data: Uint8Array, iv?: Uint8Array): Uint8Array {
  return run(false, cipher, mode, key, data, iv);
}

export type RsaPadding = { scheme: 'pkcs1' } | { scheme: 'pss'; saltLength: number; mgfHash: HashAlgorithm };

/** RSA signature verification from an SPKI DER public key. */
export function rsaVerify(spkiDer: Uint8Array, hashAlg: HashAlgorithm, data: Uint8Array, signature: Uint8Array, padding: RsaPadding): boolean {
  const key = nc.createPublicKey({ key: Buffer.from(spkiDer), format: 'der', type: 'spki' });
  if (padding.scheme === 'pss' && padding.mgfHash !== hashAlg) {
    // node's verify ties MGF1's hash to the message hash; other combinations are not accepted.
    return false;
  }
  return nc.verify(hashAlg, data, padding.scheme === 'pss'
    ? { key, padding: nc.constants.RSA_PKCS1_PSS_PADDING, saltLength: padding.saltLength }
    : { key, padding: nc.constants.RSA_PKCS1_PADDING }, signature);
}

export interface RsaKeyPair {
  /** PKCS#8 DER private key. */
  readonly privateKeyDer: Uint8Array;
  /** SubjectPublicKeyInfo DER. */
  readonly spkiDer: Uint8Array;
}

/** Test-PKI key generation for the document factory. */
export function generateRsaKeyPair(modulusLength: number): RsaKeyPair {
  const { privateKey, publicKey } = nc.generateKeyPairSync('rsa', { modulusLength, publicExponent: 65537 });
  return {
    privateKeyDer: new Uint8Array(privateKey.export({ format: 'der', type: 'pkcs8' })),
    spkiDer: new Uint8Array(publicKey.export({ format: 'der', type: 'spki' })),
  };
}

export function rsaSign(privateKeyDer: Uint8Array, hashAlg: HashAlgorithm, data: Uint8Array, padding: RsaPadding): Uint8Array {
  const key = nc.createPrivateKey({ key: Buffer.from(privateKeyDer), format: 'der', type: 'pkcs8' });
  return new Uint8Array(nc.sign(hashAlg, data, padding.scheme === 'pss'
    ? { key, padding: nc.constants.RSA_PKCS1_PSS_PADDING, saltLength: padding.saltLength }
    : { key, padding: nc.constants.RSA_PKCS1_PADDING }));
}

/** Modulus and exponent of an RSA private key, for raw RSA (ISO 9796-2 AA on the virtual chip). */
export function rsaPrivateComponents(privateKeyDer: Uint8Array): { n: bigint; e: bigint; d: bigint } {
  const key = nc.createPrivateKey({ key: Buffer.from(privateKeyDer), format: 'der', type: 'pkcs8' });
  const jwk = key.export({ format: 'jwk' });
  const big = (b64: string | undefined): bigint => BigInt('0x' + Buffer.from(b64 ?? '', 'base64url').toString('hex'));
  return { n: big(jwk.n), e: big(jwk.e), d: big(jwk.d) };
}

/** Modulus and exponent of an RSA SubjectPublicKeyInfo. */
export function rsaPublicComponents(spkiDer: Uint8Array): { n: bigint; e: bigint } {
  const key = nc.createPublicKey({ key: Buffer.from(spkiDer), format: 'der', type: 'spki' });
  const jwk = key.export({ format: 'jwk' });
  const big = (b64: string | undefined): bigint => BigInt('0x' + Buffer.from(b64 ?? '', 'base64url').toString('hex'));
  return { n: big(jwk.n), e: big(jwk.e) };
}

/** Ed25519 for registry request signatures and trust-list signing (supported by BoringSSL). */
export function generateEd25519KeyPair(): RsaKeyPair {
  const { privateKey, publicKey } = nc.generateKeyPairSync('ed25519');
  return {
    privateKeyDer: new Uint8Array(privateKey.export({ format: 'der', type: 'pkcs8' })),
    spkiDer: new Uint8Array(publicKey.export({ format: 'der', type: 'spki' })),
  };
}

export function ed25519Sign(privateKeyDer: Uint8Array, data: Uint8Array): Uint8Array {
  const key = nc.createPrivateKey({ key: Buffer.from(privateKeyDer), format: 'der', type: 'pkcs8' });
  return new Uint8Array(nc.sign(null, data, key));
}

export function ed25519Verify(spkiDer: Uint8Array, data: Uint8Array, signature: Uint8Array): boolean {
  try {
    const key = nc.createPublicKey({ key: Buffer.from(spkiDer), format: 'der', type: 'spki' });
    return nc.verify(null, data, key, signature);
  } catch {
    return false;
  }
}

/** AES-256-GCM for personal fields at rest. Output: iv(12) | ciphertext | tag(16). */
export function aesGcmSeal(key: Uint8Array, plaintext: Uint8Array, aad?: Uint8Array): Uint8Array {
  const iv = nc.randomBytes(12);
  const c = nc.createCipheriv('aes-256-gcm', key, iv);
  if (aad) c.setAAD(aad);
  const body = Buffer.concat([c.update(plaintext), c.final()]);
  return new Uint8Array(Buffer.concat([iv, body, c.getAuthTag()]));
}

export function aesGcmOpen(key: Uint8Array, sealed: Uint8Array, aad?: Uint8Array): Uint8Array {
  if (sealed.length < 28) throw new RangeError('sealed data too short');
  const d = nc.createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
  if (aad) d.setAAD(aad);
  d.setAuthTag(sealed.subarray(sealed.length - 16));
  return new Uint8Array(Buffer.concat([d.update(sealed.subarray(12, sealed.length - 16)), d.final()]));
}

/** scrypt for operator PINs. */
export function scrypt(secret: Uint8Array, salt: Uint8Array, keyLength = 32): Uint8Array {
  return new Uint8Array(nc.scryptSync(secret, salt, keyLength, { N: 16384, r: 8, p: 1 }));
}

export function timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && nc.timingSafeEqual(a, b);
}

export function randomUUID(): string {
  return nc.randomUUID();
}
