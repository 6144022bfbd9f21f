/**
 * DG13 of Vietnamese cards (docs/design/vn-cccd.md §3): the chip lays it out as
 * `6D { 30 { INTEGER version, OID 1.0.10646.1.0.8, SET { fields } } }`, each field a
 * SEQUENCE { INTEGER fieldNo, value }. The parser descends 6D -> wrapper -> SET explicitly and also
 * accepts the fields directly under 6D (the flat form of some samples). Never byte-prefix scanning
 * (prefixes embed one card's lengths and break on long-form lengths), and never "every SEQUENCE that
 * starts with an INTEGER": the wrapper starts with its version and would pass for field 1.
 */
import type { VnData } from '../api/verification.ts';
import { oidValue, smallInteger, stringValue } from '../asn1/reader.ts';
import type { Tlv } from '../bytes/tlv.ts';
import { ldsMalformed, parsing } from './errors.ts';
import { isNoExpiryText } from '../mrz/card-words.ts';
import { childrenOf, openFile } from './file-tlv.ts';

export interface Dg13Field {
  readonly number: number;
  /**
   * Text values found in the field, in order. Persons (fields 13, 14): one per person, whether
   * each sits in its own SEQUENCE or several share one; an empty SEQUENCE is null.
   */
  readonly texts: readonly (string | null)[];
  /** The whole field SEQUENCE as read. */
  readonly raw: Uint8Array;
}

/** 'wrapped': the fields in the SET of the version/character-set SEQUENCE (real cards); 'flat': directly under 6D. */
export type Dg13Layout = 'wrapped' | 'flat';

export interface Dg13Vn {
  /** The fields the verification result carries (VnDataSchema). */
  readonly data: VnData;
  /** Field 12 said NO_EXPIRY_TEXT (core/mrz/card-words.ts): `data.dateOfExpiry` is null for that reason. */
  readonly noExpiry: boolean;
  readonly layout: Dg13Layout;
  /** The wrapper's INTEGER (1 on the cards seen); null in the flat form. */
  readonly version: number | null;
  /** The wrapper's character-set OID (1.0.10646.1.0.8, ISO/IEC 10646 UTF-8); null in the flat form. */
  readonly charset: string | null;
  /** Field 16, meaning disputed (chip serial?), as text; its bytes are in `fields`. */
  readonly field16: string | null;
  /** Every field found, in file order, with its raw bytes. */
  readonly fields: readonly Dg13Field[];
  /** Fields with numbers beyond 16, or repeated numbers, kept raw. */
  readonly unknown: readonly Dg13Field[];
}

const MAX_DEPTH = 8;
const MAX_FIELDS = 256;
const STRING_TAGS = new Set([0x0c, 0x13, 0x16, 0x14, 0x1a, 0x1e]);
const PERSON_FIELDS = new Set([13, 14]);

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

/** Persons: `SEQ{father}, SEQ{mother}` and `SEQ{father, mother}` both give [father, mother]; `SEQ{}` is null. */
function personsOf(values: readonly Tlv[]): (string | null)[] {
  return values.flatMap((v) => {
    if (!v.constructed) return [textOf(v, 1)];
    const inner = childrenOf(v, 'DG13');
    return inner.length === 0 ? [null] : inner.map((p) => textOf(p, 2));
  });
}

function fieldNumber(t: Tlv | undefined): number | undefined {
  if (!t || t.tag !== 0x02 || t.value.length === 0 || t.value.length > 2) return undefined;
  return t.value.reduce((n, b) => n * 256 + b, 0);
}

function fieldOf(t: Tlv): Dg13Field | undefined {
  if (t.tag !== 0x30 || !t.constructed) return undefined;
  const [first, ...values] = childrenOf(t, 'DG13');
  const number = fieldNumber(first);
  if (number === undefined) return undefined;
  const texts = PERSON_FIELDS.has(number) ? personsOf(values) : values.map((v) => textOf(v, 1));
  return { number, texts, raw: t.raw };
}

interface Wrapper {
  readonly version: number | null;
  readonly charset: string | null;
  readonly set: Tlv;
}

/** The version/character-set SEQUENCE around the fields: a SEQUENCE holding a SET (a field never does). */
function wrapperOf(t: Tlv): Wrapper | undefined {
  if (t.tag !== 0x30 || !t.constructed) return undefined;
  const inner = childrenOf(t, 'DG13');
  const set = inner.find((c) => c.tag === 0x31 && c.constructed);
  if (!set) return undefined;
  const version = inner.find((c) => c.tag === 0x02);
  const charset = inner.find((c) => c.tag === 0x06);
  return { version: version ? smallInteger(version, 'DG13 version') : null, charset: charset ? oidValue(charset, 'DG13 character set') : null, set };
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

/** Whether the DG13 gave none of the Vietnamese fields (a file that is there but says nothing). */
export function dg13IsEmpty(dg13: Dg13Vn): boolean {
  return Object.values(dg13.data).every((v) => v === null);
}

export function parseDg13Vn(bytes: Uint8Array): Dg13Vn {
  return parsing('DG13', () => {
    let wrapper: Wrapper | undefined;
    const all: Dg13Field[] = [];
    const take = (t: Tlv): void => {
      const f = fieldOf(t);
      if (!f) return;
      if (all.length >= MAX_FIELDS) throw ldsMalformed('DG13', 'too many fields');
      all.push(f);
    };
    for (const child of childrenOf(openFile(bytes, 'DG13'), 'DG13')) {
      const w = wrapperOf(child);
      if (w) {
        wrapper ??= w;
        childrenOf(w.set, 'DG13').forEach(take);
      } else {
        take(child);
      }
    }
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
    return {
      data,
      noExpiry,
      layout: wrapper ? 'wrapped' : 'flat',
      version: wrapper?.version ?? null,
      charset: wrapper?.charset ?? null,
      field16: first(16),
      fields: all,
      unknown,
    };
  });
}
