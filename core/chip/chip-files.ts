/**
 * The virtual chip's file system: the master file (EF.CardAccess, EF.CardSecurity) and the eMRTD
 * application (AID A0000002471001: EF.COM, EF.SOD, DG1-DG16), resolved by FID or SFI, and READ
 * BINARY over a file's bytes with ISO 7816-4 end-of-file answers.
 */
import { LDS_FILES, type LdsFileName } from '../lds/files.ts';
import { SW } from '../emrtd/apdu/status-words.ts';

export const MF_FID = 0x3f00;

export type Directory = 'MF' | 'eMRTD';

export interface ChipFile {
  readonly name: LdsFileName;
  readonly bytes: Uint8Array;
  /** Exists, but reading needs Terminal Authentication (6982 on SELECT). */
  readonly eacProtected: boolean;
}

export interface FileLookup {
  readonly file?: ChipFile;
  readonly sw: number;
}

export class ChipFileSystem {
  constructor(
    private readonly files: ReadonlyMap<LdsFileName, Uint8Array>,
    private readonly protectedFiles: readonly LdsFileName[],
  ) {}

  private entry(name: LdsFileName): ChipFile | undefined {
    if (this.protectedFiles.includes(name)) return { name, bytes: new Uint8Array(0), eacProtected: true };
    const bytes = this.files.get(name);
    return bytes ? { name, bytes, eacProtected: false } : undefined;
  }

  /**
   * A file by FID in `dir`. EF.CardAccess stays reachable from the application too, as many
   * chips allow (and Vietnamese cards need, since they refuse SELECT MF).
   */
  byFid(dir: Directory, fid: number): FileLookup {
    const info = LDS_FILES.find((f) => f.fid === fid && (f.inMasterFile === (dir === 'MF') || f.name === 'CardAccess'));
    return this.lookup(info?.name);
  }

  bySfi(dir: Directory, sfi: number): FileLookup {
    const info = LDS_FILES.find((f) => f.sfi === sfi && (f.inMasterFile === (dir === 'MF') || f.name === 'CardAccess'));
    return this.lookup(info?.name);
  }

  private lookup(name: LdsFileName | undefined): FileLookup {
    const file = name ? this.entry(name) : undefined;
    if (!file) return { sw: SW.FILE_NOT_FOUND };
    if (file.eacProtected) return { sw: SW.SECURITY_STATUS_NOT_SATISFIED };
    return { file, sw: SW.OK };
  }
}

/**
 * Up to `ne` bytes of `file` from `offset`. An offset outside the file (at or past its end):
 * 6B00; fewer bytes than asked because the file ends: 6282 with the bytes that exist
 * (ISO 7816-4 §11.2.3).
 */
export function readSlice(file: ChipFile, offset: number, ne: number): { data: Uint8Array; sw: number } {
  const size = file.bytes.length;
  if (offset >= size && !(offset === 0 && size === 0)) return { data: new Uint8Array(0), sw: SW.WRONG_P1P2 };
  const data = file.bytes.subarray(offset, Math.min(size, offset + ne));
  return { data, sw: data.length < ne ? SW.END_OF_FILE_BEFORE_LE : SW.OK };
}
