/**
 * Opening an LDS file: its outer TLV with the expected tag, and typed access to its children.
 * Chips may pad a file after its TLV (00 or FF), so bytes after the element are ignored.
 */
import { children, readTlv, type Tlv } from '../bytes/tlv.ts';
import { fromUtf8 } from '../bytes/bytes.ts';
import { ldsMalformed } from './errors.ts';
import { ldsFile, type LdsFileName } from './files.ts';

/** Upper bound for any single LDS file (DG2/DG3 hold images; 1 MiB is generous). */
export const MAX_FILE_BYTES = 1 << 20;

export function openFile(bytes: Uint8Array, file: LdsFileName): Tlv {
  if (bytes.length > MAX_FILE_BYTES) throw ldsMalformed(file, `file larger than ${MAX_FILE_BYTES} bytes`);
  const t = readTlv(bytes, 0);
  const expected = ldsFile(file).tag;
  if (t.tag !== expected) throw ldsMalformed(file, `expected tag 0x${expected.toString(16).toUpperCase()}, found 0x${t.tag.toString(16).toUpperCase()}`);
  return t;
}

export function childrenOf(t: Tlv, file: LdsFileName): Tlv[] {
  if (!t.constructed) throw ldsMalformed(file, `element 0x${t.tag.toString(16).toUpperCase()} is not constructed`);
  return children(t);
}

export function requireChild(list: readonly Tlv[], tag: number, file: LdsFileName): Tlv {
  const t = list.find((c) => c.tag === tag);
  if (!t) throw ldsMalformed(file, `element 0x${tag.toString(16).toUpperCase()} is missing`);
  return t;
}

/** Text fields of DG11/DG12/DG16 are ISO 8859-1 in old documents, UTF-8 in newer ones. */
export function text(value: Uint8Array): string {
  const decoded = fromUtf8(value);
  return decoded.includes('\uFFFD') ? new TextDecoder('latin1').decode(value) : decoded.normalize('NFC');
}

/** A tag list (5C): concatenated BER tags, each one or two bytes. */
export function parseTagList(value: Uint8Array, file: LdsFileName): number[] {
  const tags: number[] = [];
  for (let i = 0; i < value.length; ) {
    let tag = value[i++]!;
    if ((tag & 0x1f) === 0x1f) {
      if (i >= value.length) throw ldsMalformed(file, 'truncated tag in tag list');
      tag = tag * 256 + value[i++]!;
    }
    tags.push(tag);
  }
  return tags;
}
