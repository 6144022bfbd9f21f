/** DG16 (tag 70): persons to notify (ICAO 9303-10 §4.7.16): a count, then one template A1, A2, ... per person. */
import { ascii, utf8 } from '../bytes/bytes.ts';
import { tlv } from '../bytes/tlv.ts';
import { ldsMalformed, parsing } from './errors.ts';
import { childrenOf, openFile, text } from './file-tlv.ts';
import { dateDigits, isoFromDigits } from './tagged-fields.ts';

export interface PersonToNotify {
  /** ISO 8601 when stored as yyyymmdd, else as stored. */
  readonly dateRecorded: string | null;
  readonly name: string | null;
  readonly telephone: string | null;
  readonly address: string | null;
}

export interface Dg16 {
  readonly persons: readonly PersonToNotify[];
}

const MAX_PERSONS = 16;

export function parseDg16(bytes: Uint8Array): Dg16 {
  return parsing('DG16', () => {
    const items = childrenOf(openFile(bytes, 'DG16'), 'DG16');
    const count = items[0];
    if (!count || count.tag !== 0x02 || count.value.length !== 1) throw ldsMalformed('DG16', 'no person count');
    const templates = items.slice(1);
    if (templates.length !== count.value[0] || templates.length > MAX_PERSONS) throw ldsMalformed('DG16', 'person count does not match the templates');
    return {
      persons: templates.map((t, i) => {
        if (t.tag !== 0xa1 + i) throw ldsMalformed('DG16', `template ${i + 1} has tag 0x${t.tag.toString(16).toUpperCase()}`);
        const fields = childrenOf(t, 'DG16');
        const get = (tag: number): Uint8Array | undefined => fields.find((f) => f.tag === tag)?.value;
        const date = get(0x5f50);
        const str = (tag: number): string | null => {
          const v = get(tag);
          return v === undefined ? null : text(v);
        };
        return { dateRecorded: date === undefined ? null : isoFromDigits(dateDigits(date), date), name: str(0x5f51), telephone: str(0x5f52), address: str(0x5f53) };
      }),
    };
  });
}

export function encodeDg16(persons: readonly PersonToNotify[]): Uint8Array {
  return tlv(0x70, tlv(0x02, Uint8Array.of(persons.length)), ...persons.map((p, i) => {
    const parts: Uint8Array[] = [];
    if (p.dateRecorded !== null) parts.push(tlv(0x5f50, ascii(p.dateRecorded.replace(/-/g, ''))));
    if (p.name !== null) parts.push(tlv(0x5f51, utf8(p.name)));
    if (p.telephone !== null) parts.push(tlv(0x5f52, utf8(p.telephone)));
    if (p.address !== null) parts.push(tlv(0x5f53, utf8(p.address)));
    return tlv(0xa1 + i, ...parts);
  }));
}
