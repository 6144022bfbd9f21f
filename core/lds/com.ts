/** EF.COM (tag 60): LDS version (5F01), Unicode version (5F36), tag list of present data groups (5C). */
import { tlv } from '../bytes/tlv.ts';
import { ascii, concat, fromUtf8 } from '../bytes/bytes.ts';
import { encodeTag } from '../bytes/tlv.ts';
import { ldsMalformed, parsing } from './errors.ts';
import { childrenOf, openFile, parseTagList, requireChild } from './file-tlv.ts';
import { dataGroupOfTag, dataGroupTag, type DataGroupNumber } from './files.ts';

export interface EfCom {
  /** "0107" style as stored, and as "1.7". */
  readonly ldsVersion: string;
  /** "040000" style as stored, and as "4.0.0". */
  readonly unicodeVersion: string;
  readonly dataGroups: readonly DataGroupNumber[];
  /** Tag-list entries that name no data group (kept, not dropped silently). */
  readonly unknownTags: readonly number[];
}

const dotted = (digits: string, width: number): string =>
  digits.match(new RegExp(`.{1,${width}}`, 'g'))!.map((p) => String(Number(p))).join('.');

export function parseCom(bytes: Uint8Array): EfCom {
  return parsing('COM', () => {
    const items = childrenOf(openFile(bytes, 'COM'), 'COM');
    const lds = fromUtf8(requireChild(items, 0x5f01, 'COM').value);
    const unicode = fromUtf8(requireChild(items, 0x5f36, 'COM').value);
    if (!/^\d{4}$/.test(lds)) throw ldsMalformed('COM', 'LDS version is not 4 digits');
    if (!/^\d{6}$/.test(unicode)) throw ldsMalformed('COM', 'Unicode version is not 6 digits');
    const tags = parseTagList(requireChild(items, 0x5c, 'COM').value, 'COM');
    const dataGroups: DataGroupNumber[] = [];
    const unknownTags: number[] = [];
    for (const tag of tags) {
      const dg = dataGroupOfTag(tag);
      if (dg === undefined) unknownTags.push(tag);
      else if (!dataGroups.includes(dg)) dataGroups.push(dg);
    }
    return { ldsVersion: dotted(lds, 2), unicodeVersion: dotted(unicode, 2), dataGroups, unknownTags };
  });
}

export function encodeCom(dataGroups: readonly DataGroupNumber[], ldsVersion = '0107', unicodeVersion = '040000'): Uint8Array {
  return tlv(0x60,
    tlv(0x5f01, ascii(ldsVersion)),
    tlv(0x5f36, ascii(unicodeVersion)),
    tlv(0x5c, concat(...dataGroups.map((dg) => encodeTag(dataGroupTag(dg))))),
  );
}
