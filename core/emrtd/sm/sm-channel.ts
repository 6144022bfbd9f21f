/**
 * The state both ends of ICAO 9303-11 secure messaging share: session keys, the send sequence
 * counter (SSC) and the cipher suite. 3DES: CBC with IV zero, 8-byte SSC, retail MAC. AES:
 * CBC with IV = E(KSenc, SSC), 16-byte SSC, CMAC truncated to 8 bytes. The terminal
 * (secure-messaging.ts) and the virtual chip (core/chip/sm-card.ts) use this same object.
 */
import { concat } from '../../bytes/bytes.ts';
import { encrypt, decrypt } from '../../crypto/node-crypto.ts';
import { desEdeKey } from '../../crypto/des.ts';
import { retailMac } from '../../crypto/retail-mac.ts';
import { aesCmac } from '../../crypto/aes-cmac.ts';
import { padIso9797M2 } from '../../crypto/iso9797-padding.ts';
import { kdf, KDF_ENC, KDF_MAC } from '../../crypto/kdf.ts';

export type SmCipher = '3DES' | 'AES';

export interface SessionKeys {
  readonly cipher: SmCipher;
  /** KSenc: 16 bytes for 3DES (Ka|Kb), 16/24/32 for AES-128/192/256. */
  readonly kEnc: Uint8Array;
  readonly kMac: Uint8Array;
  /** Initial SSC: 8 bytes for 3DES, 16 for AES (zero after PACE and CA). */
  readonly ssc: Uint8Array;
}

/** KSenc and KSmac derived from a shared secret with the ICAO KDF (BAC, PACE, CA). */
export function deriveSessionKeys(cipher: SmCipher, secret: Uint8Array, keyBits: 128 | 192 | 256, ssc?: Uint8Array): SessionKeys {
  return {
    cipher,
    kEnc: kdf(secret, KDF_ENC, cipher, keyBits),
    kMac: kdf(secret, KDF_MAC, cipher, keyBits),
    ssc: ssc ?? new Uint8Array(cipher === 'AES' ? 16 : 8),
  };
}

export class SmChannel {
  readonly cipher: SmCipher;
  /** Cipher block size: padding unit for data and MAC input. */
  readonly blockSize: number;
  private readonly kEnc: Uint8Array;
  private readonly kMac: Uint8Array;
  private readonly counter: Uint8Array;

  constructor(keys: SessionKeys) {
    this.cipher = keys.cipher;
    this.blockSize = keys.cipher === 'AES' ? 16 : 8;
    if (keys.ssc.length !== this.blockSize) throw new RangeError(`SSC must be ${this.blockSize} bytes for ${keys.cipher}`);
    if (keys.cipher === 'AES') {
      if (![16, 24, 32].includes(keys.kEnc.length) || keys.kMac.length !== keys.kEnc.length) throw new RangeError('bad AES session key length');
      this.kEnc = keys.kEnc.slice();
    } else {
      if (keys.kEnc.length !== 16 || keys.kMac.length !== 16) throw new RangeError('3DES session keys are 16 bytes');
      this.kEnc = desEdeKey(keys.kEnc);
    }
    this.kMac = keys.kMac.slice();
    this.counter = keys.ssc.slice();
  }

  /** Current SSC (a copy). */
  get ssc(): Uint8Array {
    return this.counter.slice();
  }

  /** Increments the SSC (done before every command and every response) and returns it. */
  nextSsc(): Uint8Array {
    for (let i = this.counter.length - 1; i >= 0; i--) {
      this.counter[i] = (this.counter[i]! + 1) & 0xff;
      if (this.counter[i] !== 0) break;
    }
    return this.counter.slice();
  }

  /**
   * Takes back the last increment: only for a command the reader refused before it reached the
   * chip (the chip's counter never moved), never after an answer.
   */
  undoIncrement(): void {
    for (let i = this.counter.length - 1; i >= 0; i--) {
      this.counter[i] = (this.counter[i]! - 1) & 0xff;
      if (this.counter[i] !== 0xff) break;
    }
  }

  pad(data: Uint8Array): Uint8Array {
    return padIso9797M2(data, this.blockSize);
  }

  private iv(ssc: Uint8Array): Uint8Array {
    return this.cipher === 'AES' ? encrypt('aes', 'ecb', this.kEnc, ssc) : new Uint8Array(8);
  }

  /** Encrypts already padded data for the message numbered `ssc`. */
  encrypt(ssc: Uint8Array, padded: Uint8Array): Uint8Array {
    return encrypt(this.cipher === 'AES' ? 'aes' : '3des', 'cbc', this.kEnc, padded, this.iv(ssc));
  }

  decrypt(ssc: Uint8Array, ciphertext: Uint8Array): Uint8Array {
    return decrypt(this.cipher === 'AES' ? 'aes' : '3des', 'cbc', this.kEnc, ciphertext, this.iv(ssc));
  }

  /** The 8-byte checksum over pad(SSC || message). */
  mac(ssc: Uint8Array, message: Uint8Array): Uint8Array {
    const input = this.pad(concat(ssc, message));
    return this.cipher === 'AES' ? aesCmac(this.kMac, input).slice(0, 8) : retailMac(this.kMac, input);
  }
}
