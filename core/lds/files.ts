/**
 * The files of the eMRTD application (ICAO 9303-10 §4.6, Table 28): name, file identifier,
 * short file identifier and the outer tag each file starts with.
 */

/** AID of the LDS1 eMRTD application (ICAO 9303-10 §3.1). */
export const EMRTD_AID = Uint8Array.of(0xa0, 0x00, 0x00, 0x02, 0x47, 0x10, 0x01);

export type DataGroupNumber = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 13 | 14 | 15 | 16;
export type LdsFileName = 'COM' | 'SOD' | 'CardAccess' | 'CardSecurity' | `DG${DataGroupNumber}`;

export interface LdsFileInfo {
  readonly name: LdsFileName;
  readonly fid: number;
  readonly sfi: number;
  /** Outer tag; EF.CardAccess/CardSecurity have none of their own (SET 0x31 / ContentInfo 0x30). */
  readonly tag: number;
  /** Lives in the master file (EF.CardAccess, EF.CardSecurity) rather than the eMRTD application. */
  readonly inMasterFile: boolean;
}

const DG_TAGS = [0x61, 0x75, 0x63, 0x76, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x6b, 0x6c, 0x6d, 0x6e, 0x6f, 0x70] as const;

export const LDS_FILES: readonly LdsFileInfo[] = [
  { name: 'COM', fid: 0x011e, sfi: 0x1e, tag: 0x60, inMasterFile: false },
  { name: 'SOD', fid: 0x011d, sfi: 0x1d, tag: 0x77, inMasterFile: false },
  { name: 'CardAccess', fid: 0x011c, sfi: 0x1c, tag: 0x31, inMasterFile: true },
  { name: 'CardSecurity', fid: 0x011d, sfi: 0x1d, tag: 0x30, inMasterFile: true },
  ...DG_TAGS.map((tag, i) => ({ name: `DG${i + 1}` as LdsFileName, fid: 0x0101 + i, sfi: i + 1, tag, inMasterFile: false })),
];

export function ldsFile(name: LdsFileName): LdsFileInfo {
  return LDS_FILES.find((f) => f.name === name)!;
}

export function isDataGroupNumber(n: number): n is DataGroupNumber {
  return Number.isInteger(n) && n >= 1 && n <= 16;
}

export function dataGroupTag(dg: DataGroupNumber): number {
  return DG_TAGS[dg - 1]!;
}

/** Data group of an EF.COM tag-list entry, or undefined for a tag no data group has. */
export function dataGroupOfTag(tag: number): DataGroupNumber | undefined {
  const i = DG_TAGS.indexOf(tag as (typeof DG_TAGS)[number]);
  return i < 0 ? undefined : ((i + 1) as DataGroupNumber);
}
