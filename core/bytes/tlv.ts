import { EidError } from '../errors.ts';
import { concat } from './bytes.ts';

/** One BER-TLV element. `value` and `raw` are views into the parsed buffer (no copies). */
export interface Tlv {
  /** The tag bytes as one number, e.g. 0x61, 0x5F1F, 0x7F61. */
  readonly tag: number;
  readonly constructed: boolean;
  readonly value: Uint8Array;
  /** Tag, length and value exactly as encoded (hash these, never a re-encoding). */
  readonly raw: Uint8Array;
  readonly headerLength: number;
  /** Offset just past this element in the buffer it was read from. */
  readonly end: number;
}

export interface TlvOptions {
  /** Accept BER indefinite lengths (0x80 ... 00 00) on constructed elements. */
  readonly allowIndefinite?: boolean;
  /** Nesting limit for indefinite-length scanning; hostile input cannot recurse deeper. */
  readonly maxDepth?: number;
}

const MAX_TAG_BYTES = 4;
const MAX_LENGTH_BYTES = 4;

export function tlvError(detail: string): EidError {
  return new EidError('TLV_MALFORMED', { detail });
}

export function readTlv(buf: Uint8Array, offset = 0, options: TlvOptions = {}): Tlv {
  return readAt(buf, offset, options, 0);
}

function readAt(buf: Uint8Array, offset: number, options: TlvOptions, depth: number): Tlv {
  const maxDepth = options.maxDepth ?? 32;
  if (depth > maxDepth) throw tlvError('nesting too deep');
  let p = offset;
  if (p >= buf.length) throw tlvError('missing tag');
  const first = buf[p++]!;
  const constructed = (first & 0x20) !== 0;
  let tag = first;
  if ((first & 0x1f) === 0x1f) {
    let n = 1;
    for (;;) {
      if (p >= buf.length) throw tlvError('truncated tag');
      const b = buf[p++]!;
      tag = tag * 256 + b;
      if (++n > MAX_TAG_BYTES) throw tlvError('tag too long');
      if ((b & 0x80) === 0) break;
    }
  }
  if (p >= buf.length) throw tlvError('missing length');
  const lenByte = buf[p++]!;
  if (lenByte === 0x80) {
    if (!options.allowIndefinite || !constructed) throw tlvError('indefinite length not allowed here');
    const start = p;
    for (;;) {
      if (p + 2 > buf.length) throw tlvError('unterminated indefinite length');
      if (buf[p] === 0 && buf[p + 1] === 0) break;
      p = readAt(buf, p, options, depth + 1).end;
    }
    const end = p + 2;
    return { tag, constructed, value: buf.subarray(start, p), raw: buf.subarray(offset, end), headerLength: start - offset, end };
  }
  let length = lenByte;
  if (lenByte > 0x80) {
    const n = lenByte & 0x7f;
    if (n > MAX_LENGTH_BYTES) throw tlvError('length field too long');
    if (p + n > buf.length) throw tlvError('truncated length');
    length = 0;
    for (let i = 0; i < n; i++) length = length * 256 + buf[p++]!;
  }
  const headerLength = p - offset;
  if (length > buf.length - p) throw tlvError(`element 0x${tag.toString(16)} longer than its data`);
  const end = p + length;
  return { tag, constructed, value: buf.subarray(p, end), raw: buf.subarray(offset, end), headerLength, end };
}

/** Every element found back to back in `buf` (e.g. the children of a constructed value). */
export function readTlvList(buf: Uint8Array, options: TlvOptions = {}): Tlv[] {
  const out: Tlv[] = [];
  let p = 0;
  while (p < buf.length) {
    const t = readTlv(buf, p, options);
    out.push(t);
    p = t.end;
  }
  return out;
}

/** Children of a constructed element. */
export function children(tlv: Tlv, options: TlvOptions = {}): Tlv[] {
  if (!tlv.constructed) throw tlvError(`element 0x${tlv.tag.toString(16)} is not constructed`);
  return readTlvList(tlv.value, options);
}

/** Reads the element at `offset` and checks its tag. */
export function expectTlv(buf: Uint8Array, tag: number, offset = 0, options: TlvOptions = {}): Tlv {
  const t = readTlv(buf, offset, options);
  if (t.tag !== tag) throw tlvError(`expected tag 0x${tag.toString(16)}, found 0x${t.tag.toString(16)}`);
  return t;
}

/** First child with the tag, or undefined. */
export function findChild(list: readonly Tlv[], tag: number): Tlv | undefined {
  return list.find((t) => t.tag === tag);
}

/**
 * Parses only the tag and length at the start of `buf` (which may hold just the first bytes of a
 * file): the total encoded size, used to know how much of a file to read.
 */
export function peekTotalLength(header: Uint8Array): { tag: number; totalLength: number; headerLength: number } {
  let p = 0;
  if (header.length < 2) throw tlvError('header too short');
  let tag = header[p++]!;
  if ((tag & 0x1f) === 0x1f) {
    for (let n = 1; ; n++) {
      if (p >= header.length || n > MAX_TAG_BYTES) throw tlvError('truncated tag');
      const b = header[p++]!;
      tag = tag * 256 + b;
      if ((b & 0x80) === 0) break;
    }
  }
  if (p >= header.length) throw tlvError('missing length');
  const lenByte = header[p++]!;
  let length = lenByte;
  if (lenByte === 0x80) throw tlvError('indefinite length in a file header');
  if (lenByte > 0x80) {
    const n = lenByte & 0x7f;
    if (n > MAX_LENGTH_BYTES || p + n > header.length) throw tlvError('truncated length');
    length = 0;
    for (let i = 0; i < n; i++) length = length * 256 + header[p++]!;
  }
  return { tag, totalLength: p + length, headerLength: p };
}

export function encodeTag(tag: number): Uint8Array {
  const bytes: number[] = [];
  let t = tag;
  do {
    bytes.unshift(t & 0xff);
    t = Math.floor(t / 256);
  } while (t > 0);
  return Uint8Array.from(bytes);
}

export function encodeLength(length: number): Uint8Array {
  if (length < 0x80) return Uint8Array.of(length);
  const bytes: number[] = [];
  for (let l = length; l > 0; l = Math.floor(l / 256)) bytes.unshift(l & 0xff);
  return Uint8Array.from([0x80 | bytes.length, ...bytes]);
}

/** DER TLV: tag, definite length, value (the concatenation of `parts`). */
export function tlv(tag: number, ...parts: readonly Uint8Array[]): Uint8Array {
  const value = concat(...parts);
  return concat(encodeTag(tag), encodeLength(value.length), value);
}
