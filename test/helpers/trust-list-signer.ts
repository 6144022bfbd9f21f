/** A trust-list signer over a fresh (or given) Ed25519 key pair, for tests that sign lists themselves. */
import { ed25519Sign, generateEd25519KeyPair } from '../../core/crypto/node-crypto.ts';
import type { TrustListSigner } from '../../core/registry-protocol/key-rotation.ts';
import { registryKeyId } from '../../core/registry-protocol/registry-key.ts';

export function testSigner(pair = generateEd25519KeyPair()): TrustListSigner & { readonly privateKeyDer: Uint8Array } {
  return { keyId: registryKeyId(pair.spkiDer), publicKey: pair.spkiDer, privateKeyDer: pair.privateKeyDer, sign: (data) => ed25519Sign(pair.privateKeyDer, data) };
}
