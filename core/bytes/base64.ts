/**
 * Strict base64 and base64url: the registry protocol's keys, signatures, JWS and trust-list
 * bundle, and the files the API carries.
 */
import { EidError } from '../errors.ts';

const B64 = /^[A-Za-z0-9+/]*={0,2}$/;
const B64URL = /^[A-Za-z0-9_-]*$/;

function invalid(encoding: 'base64' | 'base64url'): EidError {
  return new EidError('BASE64_INVALID', { encoding });
}

export function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

export function fromBase64(text: string): Uint8Array {
  if (text.length % 4 !== 0 || !B64.test(text)) throw invalid('base64');
  return new Uint8Array(Buffer.from(text, 'base64'));
}

export function toBase64Url(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64url');
}

export function fromBase64Url(text: string): Uint8Array {
  if (!B64URL.test(text) || text.length % 4 === 1) throw invalid('base64url');
  return new Uint8Array(Buffer.from(text, 'base64url'));
}
