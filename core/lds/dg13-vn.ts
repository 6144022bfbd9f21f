/**
 * DG13 of Vietnamese cards (docs/design/vn-cccd.md §3): a proprietary list of
 * SEQUENCE { INTEGER fieldNo, value }. Parsed by walking the BER tree from 6D and collecting every
 * SEQUENCE whose first child is an INTEGER, never by byte-prefix scanning: prefixes embed one card's
 * lengths and break on long-form lengths (addresses over 127 bytes).
 */
import type { VnData } from '../api/verification.ts';
import { stringValue } from '../asn1/reader.ts';
import type { Tlv } from '../bytes/tlv.ts';
import { ldsMalformed, parsing } from './errors.ts';
import { isNoExpiryText } from '../mrz/card-words.ts';
import { childrenOf, openFile } from './file-tlv.ts';

export interface Dg13Field {
  readonly number: number;
  /** Text values found in the field, in order (persons: one per person; empty SEQUENCE = null). */
  readonly texts: readonly (string | null)[];
  /** The whole field SEQUENCE as read. */
  readonly raw: Uint8Array;
}

export interface Dg13Vn {
  /** The fields the verification result carries (VnDataSchema). */
  readonly data: VnData;
  /** Field 12 said NO_EXPIRY_TEXT (core/mrz/card-words.ts): `data.dateOfExpiry` is null for that reason. */
  readonly noExpiry: boolean;
  /** Field 16, meaning disputed (chip serial?), kept as read. */
  readonly field16: string | null;
  /** Every field found, in file order. */
  readonly fields: readonly Dg13Field[];
  /** Fields with numbers beyond 16, or repeated numbers, kept raw. */
  readonly unknown: readonly Dg13Field[];
}

const MAX_DEPTH = 8;
const MAX_FIELDS = 256;
const STRING_TAGS = new Set([0x0c, 0x13, 0x16, 0x14, 0x1a, 0x1e]);

function decodeString(t: Tlv): string {
  return stringValue(t).normalize('NFC').trim();
}

/** The strings inside `t` (itself or its descendants), joined by a space; null when there are none. */
function textOf(t: Tlv, depth: number): string | null {
  if (!t.constructed) return STRING_TAGS.has(t.tag) ? decodeString(t) : null;
  if (depth > MAX_DEPTH) throw ldsMalformed('DG13', 'nesting too deep');
  const parts = childrenOf(t, 'DG13').map((c) => textOf(c, depth + 1)).filter((s): s is string => s !== null && s !== '');
  return parts.length === 0 ? null : parts.join(' ');
}

function integerFieldNumber(t: Tlv | undefined): number | undefined {
  if (!t || t.tag !== 0x02 || t.value.length === 0 || t.value.length > 2) return undefined;
  return t.value.reduce((n, b) => n * 256 + b, 0);
}

function collectFields(t: Tlv, depth: number, out: Dg13Field[]): void {
  if (depth > MAX_DEPTH) throw ldsMalformed('DG13', 'nesting too deep');
  for (const child of childrenOf(t, 'DG13')) {
    if (!child.constructed) continue;
    const inner = childrenOf(child, 'DG13');
    const number = child.tag === 0x30 ? integerFieldNumber(inner[0]) : undefined;
    if (number !== undefined) {
      if (out.length >= MAX_FIELDS) throw ldsMalformed('DG13', 'too many fields');
      out.push({ number, texts: inner.slice(1).map((v) => textOf(v, depth + 1)), raw: child.raw });
    } else {
      collectFields(child, depth + 1, out);
    }
  }
}

/** dd/mm/yyyy (also ddmmyyyy, yyyy-mm-dd) → ISO; null when it is not a calendar date. */
export function dg13DateToIso(text: string | null): string | null {
  if (text === null) return null;
  const dmy = /^(\d{2})[/.-]?(\d{2})[/.-]?(\d{4})$/.exec(text);
  const ymd = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const parts = dmy ? [dmy[3], dmy[2], dmy[1]] : ymd ? [ymd[1], ymd[2], ymd[3]] : null;
  if (!parts) return null;
  const [y, mo, d] = parts.map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${parts[0]}-${parts[1]}-${parts[2]}`;
}

export function parseDg13Vn(bytes: Uint8Array): Dg13Vn {
  return parsing('DG13', () => {
    const all: Dg13Field[] = [];
    collectFields(openFile(bytes, 'DG13'), 0, all);
    const byNumber = new Map<number, Dg13Field>();
    const unknown: Dg13Field[] = [];
    for (const f of all) {
      if (f.number >= 1 && f.number <= 16 && !byNumber.has(f.number)) byNumber.set(f.number, f);
      else unknown.push(f);
    }
    const first = (n: number): string | null => byNumber.get(n)?.texts[0] ?? null;
    const expiryText = first(12);
    const noExpiry = expiryText !== null && isNoExpiryText(expiryText);
    const parents = byNumber.get(13)?.texts ?? [];
    const data: VnData = {
      idNumber: first(1),
      fullName: first(2),
      dateOfBirth: dg13DateToIso(first(3)),
      sex: first(4),
      nationality: first(5),
      ethnicity: first(6),
      religion: first(7),
      placeOfOrigin: first(8),
      placeOfResidence: first(9),
      identifyingMarks: first(10),
      dateOfIssue: dg13DateToIso(first(11)),
      dateOfExpiry: noExpiry ? null : dg13DateToIso(expiryText),
      fatherName: parents[0] ?? null,
      motherName: parents[1] ?? null,
      spouseName: first(14),
      oldIdNumber: first(15),
    };
    return { data, noExpiry, field16: first(16), fields: all, unknown };
  });
}
