/**
 * DG11 and DG12 share one shape (ICAO 9303-10 §4.7.11/§4.7.12): a tag list 5C, then optional
 * elements identified by tag, some repeated inside an A0 template with a count (02). One table
 * per data group drives both the parser and the encoder, so they cannot drift apart.
 */
import { ascii, concat, utf8 } from '../bytes/bytes.ts';
import { encodeTag, tlv, type Tlv } from '../bytes/tlv.ts';
import { ldsMalformed } from './errors.ts';
import { childrenOf, parseTagList, text } from './file-tlv.ts';
import type { LdsFileName } from './files.ts';

export type FieldKind = 'text' | 'date' | 'dateTime' | 'bytes';

export interface FieldSpec {
  readonly tag: number;
  readonly key: string;
  readonly kind: FieldKind;
}

export interface UnknownElement {
  readonly tag: number;
  readonly value: Uint8Array;
}

/** Digits of a date stored as ASCII ("19740812") or, in some documents, as BCD (0x19 0x74 ...). */
export function dateDigits(value: Uint8Array): string | null {
  if (value.length === 0 || value.length > 16) return null;
  if (value.every((b) => b >= 0x30 && b <= 0x39)) return String.fromCharCode(...value);
  if (value.every((b) => (b >> 4) <= 9 && (b & 0x0f) <= 9)) return Array.from(value, (b) => b.toString(16).padStart(2, '0')).join('');
  return null;
}

/** yyyymmdd → yyyy-mm-dd; yyyymmddhhmmss → yyyy-mm-ddThh:mm:ss; anything else stays as stored. */
export function isoFromDigits(digits: string | null, fallback: Uint8Array): string {
  if (digits && /^\d{8}$/.test(digits)) return `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`;
  if (digits && /^\d{14}$/.test(digits)) return `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}T${digits.slice(8, 10)}:${digits.slice(10, 12)}:${digits.slice(12, 14)}`;
  return text(fallback);
}

/** A data group's element value decoded by kind. */
function decode(kind: FieldKind, value: Uint8Array): string | Uint8Array {
  if (kind === 'bytes') return value;
  if (kind === 'text') return text(value);
  return isoFromDigits(dateDigits(value), value);
}

function encodeValue(kind: FieldKind, value: string | Uint8Array): Uint8Array {
  if (value instanceof Uint8Array) return value;
  if (kind === 'date' || kind === 'dateTime') return ascii(value.replace(/[-T:]/g, ''));
  return utf8(value);
}

export interface TaggedFields {
  readonly tagList: readonly number[];
  /** Single elements by key. */
  readonly single: Map<string, string | Uint8Array>;
  /** Repeated elements (A0 template with count) by key. */
  readonly repeated: Map<string, (string | Uint8Array)[]>;
  readonly unknown: UnknownElement[];
}

/** A single element decoded as text, or null when absent. */
export function textField(fields: TaggedFields, key: string): string | null {
  const v = fields.single.get(key);
  return typeof v === 'string' ? v : null;
}

/** A single element kept as bytes, or null when absent. */
export function bytesField(fields: TaggedFields, key: string): Uint8Array | null {
  const v = fields.single.get(key);
  return v instanceof Uint8Array ? v : null;
}

/** The text values of a repeated element, in order. */
export function textList(fields: TaggedFields, key: string): string[] {
  return (fields.repeated.get(key) ?? []).filter((x): x is string => typeof x === 'string');
}

const MAX_REPEATED = 99;

export function parseTaggedFields(outer: Tlv, file: LdsFileName, specs: readonly FieldSpec[], repeatedTags: readonly number[]): TaggedFields {
  const items = childrenOf(outer, file);
  const tagListTlv = items.find((t) => t.tag === 0x5c);
  if (!tagListTlv) throw ldsMalformed(file, 'tag list (5C) is missing');
  const result: TaggedFields = { tagList: parseTagList(tagListTlv.value, file), single: new Map(), repeated: new Map(), unknown: [] };
  const specOf = (tag: number): FieldSpec | undefined => specs.find((s) => s.tag === tag);
  for (const item of items) {
    if (item === tagListTlv) continue;
    if (item.tag === 0xa0) {
      // Template of repeated elements: 02 count, then the elements.
      const inner = childrenOf(item, file);
      const count = inner[0];
      if (!count || count.tag !== 0x02 || count.value.length !== 1) throw ldsMalformed(file, 'repeated-element template without a count');
      const elements = inner.slice(1);
      if (elements.length !== count.value[0] || elements.length > MAX_REPEATED) throw ldsMalformed(file, 'repeated-element count does not match');
      for (const e of elements) {
        const spec = specOf(e.tag);
        if (!spec || !repeatedTags.includes(e.tag)) {
          result.unknown.push({ tag: e.tag, value: e.value });
          continue;
        }
        const list = result.repeated.get(spec.key) ?? [];
        list.push(decode(spec.kind, e.value));
        result.repeated.set(spec.key, list);
      }
      continue;
    }
    const spec = specOf(item.tag);
    if (!spec) result.unknown.push({ tag: item.tag, value: item.value });
    else if (repeatedTags.includes(item.tag)) result.repeated.set(spec.key, [...(result.repeated.get(spec.key) ?? []), decode(spec.kind, item.value)]);
    else result.single.set(spec.key, decode(spec.kind, item.value));
  }
  return result;
}

/** Encodes the present fields in table order; repeated ones go in an A0 template with a count. */
export function encodeTaggedFields(
  outerTag: number,
  specs: readonly FieldSpec[],
  repeatedTags: readonly number[],
  values: Readonly<Record<string, string | Uint8Array | readonly (string | Uint8Array)[] | null | undefined>>,
): Uint8Array {
  const parts: Uint8Array[] = [];
  const tags: number[] = [];
  for (const spec of specs) {
    const v = values[spec.key];
    if (v === undefined || v === null) continue;
    if (repeatedTags.includes(spec.tag)) {
      const list = (Array.isArray(v) ? v : [v]) as (string | Uint8Array)[];
      if (list.length === 0) continue;
      parts.push(tlv(0xa0, tlv(0x02, Uint8Array.of(list.length)), ...list.map((x) => tlv(spec.tag, encodeValue(spec.kind, x)))));
    } else {
      parts.push(tlv(spec.tag, encodeValue(spec.kind, v as string | Uint8Array)));
    }
    tags.push(spec.tag);
  }
  return tlv(outerTag, tlv(0x5c, concat(...tags.map(encodeTag))), ...parts);
}
