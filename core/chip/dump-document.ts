/**
 * A chip document from a dump folder's files (COM, SOD, DG1..DG16, CardAccess, CardSecurity),
 * served behind BAC with the MRZ the user gives. A dump carries no private keys, so the chip
 * answers Chip/Active Authentication with "not supported" or a failure, as a clone would.
 */
import { EidError } from '../errors.ts';
import { LDS_FILES, type LdsFileName } from '../lds/files.ts';
import { mrzInformationFromMrz } from '../mrz/index.ts';
import type { ChipDocument } from './virtual-chip.ts';

const NAMES = new Set<string>(LDS_FILES.map((f) => f.name));
/** Per file; the largest real DG2/DG3 stay far below this. */
export const MAX_DUMP_FILE_BYTES = 1 << 20;

/** The LDS name a dump file stands for: "DG2", "dg2.bin", "EF_COM.bin", "SOD.der" ... or undefined. */
export function dumpFileName(fileName: string): LdsFileName | undefined {
  const base = fileName.replace(/\.(bin|der|dat)$/i, '').replace(/^EF[._]/i, '');
  const upper = base.toUpperCase();
  for (const name of NAMES) if (name.toUpperCase() === upper) return name as LdsFileName;
  return undefined;
}

export function documentFromDump(files: ReadonlyMap<string, Uint8Array>, mrz: string): ChipDocument {
  const served = new Map<LdsFileName, Uint8Array>();
  for (const [fileName, bytes] of files) {
    const name = dumpFileName(fileName);
    if (!name) continue;
    if (bytes.length > MAX_DUMP_FILE_BYTES) {
      throw new EidError('DUMP_FILE_TOO_LARGE', { file: fileName, maxBytes: MAX_DUMP_FILE_BYTES });
    }
    served.set(name, bytes);
  }
  if (!served.has('COM') && !served.has('DG1')) {
    throw new EidError('DUMP_INCOMPLETE');
  }
  const info = mrzInformationFromMrz(mrz);
  return {
    files: served,
    protectedFiles: [],
    access: { mrz, mrzInformation: info.value, can: null },
    chipKeys: {},
    protocols: { bac: true, pace: null },
  };
}
