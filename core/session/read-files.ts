/**
 * The "read" step: EF.COM, the data groups it lists (never the EAC-protected DG3/DG4, which need
 * Terminal Authentication a counter terminal does not hold) and EF.SOD, through the opened chip.
 */
import { EidError } from '../errors.ts';
import { warning, type Warning } from '../messages/message.ts';
import { FileReader } from '../emrtd/read/read-file.ts';
import { ChipStatusError } from '../emrtd/apdu/status-words.ts';
import type { Transport } from '../emrtd/apdu/transport.ts';
import { parseCom } from '../lds/com.ts';
import { LDS_FILES } from '../lds/files.ts';
import { throwIfCancelled } from './errors.ts';
import type { ReadProgress } from './types.ts';

const EAC_PROTECTED = new Set([3, 4]);

export interface ReadFilesOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (p: ReadProgress) => void;
}

export interface FilesRead {
  /** Raw bytes by LDS name: 'COM', 'DG1' ... 'SOD'. */
  readonly files: Map<string, Uint8Array>;
  /** The data groups the chip lists but would not give. */
  readonly warnings: Warning[];
}

function fidOf(name: string): number {
  const info = LDS_FILES.find((f) => f.name === name && !f.inMasterFile);
  if (!info) throw new EidError('LDS_MALFORMED', { file: name, detail: 'not a file of the LDS' });
  return info.fid;
}

export async function readFiles(transport: Transport, options: ReadFilesOptions = {}): Promise<FilesRead> {
  const progress = options.onProgress ?? (() => {});
  const files = new Map<string, Uint8Array>();
  const warnings: Warning[] = [];
  const reader = new FileReader(transport);
  const read = async (name: string): Promise<Uint8Array | null> => {
    throwIfCancelled(options.signal);
    try {
      const bytes = await reader.readFile(fidOf(name), (bytesRead, bytesTotal) => progress({ phase: 'reading', step: 'read-file', file: name, bytesRead, bytesTotal }));
      files.set(name, bytes);
      return bytes;
    } catch (e) {
      // A data group the chip lists but will not give is reported; the SOD hash check still runs on what was read.
      if (e instanceof ChipStatusError && name !== 'COM' && name !== 'SOD') {
        warnings.push(warning('DATA_GROUP_UNREADABLE', { file: name, detail: e.code }));
        return null;
      }
      throw e;
    }
  };

  const com = await read('COM');
  for (const dg of parseCom(com!).dataGroups) {
    if (!EAC_PROTECTED.has(dg)) await read(`DG${dg}`);
  }
  await read('SOD');
  return { files, warnings };
}
