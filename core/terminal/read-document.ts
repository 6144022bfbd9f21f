/**
 * One card, start to end: open the chip with the first key candidate it accepts, read EF.COM,
 * the data groups it lists (never the EAC-protected DG3/DG4) and EF.SOD, prove the chip genuine,
 * and verify the data with passive authentication. `eid-terminal read`, the UI session and the
 * benchmarks all read cards through this function.
 */
import { localized, type LocalizedText } from '../api/localized-text.ts';
import type { VerificationResult } from '../api/verification.ts';
import type { AccessKey as EnteredKey } from '../api/terminal-api.ts';
import { EidError, isEidError } from '../errors.ts';
import type { RandomSource } from '../crypto/ec/index.ts';
import type { Transport } from '../emrtd/apdu/transport.ts';
import { CountingTransport } from '../emrtd/apdu/transport-stats.ts';
import { openChip, type OpenedChip } from '../emrtd/access/open-chip.ts';
import { FileReader } from '../emrtd/read/read-file.ts';
import { ChipStatusError } from '../emrtd/apdu/status-words.ts';
import { parseCom } from '../lds/com.ts';
import { LDS_FILES } from '../lds/files.ts';
import { parseDg2 } from '../lds/dg2.ts';
import { displayableFace, type DisplayableFace } from '../lds/face-display.ts';
import type { TrustStore } from '../trust/store.ts';
import { verifyDocumentWithDetails } from '../trust/verify-document.ts';
import { keyCandidates, type KeyCandidate } from './access-keys.ts';
import { proveChip } from './chip-proof.ts';

/** Fingerprints and iris images need Terminal Authentication, which a counter terminal does not hold. */
const EAC_PROTECTED = new Set([3, 4]);

export interface ReadStepProgress {
  readonly step: 'access-control' | 'read-file' | 'chip-authentication' | 'passive-authentication';
  readonly file?: string;
  readonly bytesRead: number;
  readonly bytesTotal: number | null;
}

export interface ReadDocumentOptions {
  readonly trust: TrustStore;
  readonly now?: Date;
  readonly onProgress?: (p: ReadStepProgress) => void;
  readonly signal?: AbortSignal;
  readonly random?: RandomSource;
}

export interface ReadDocumentOutcome {
  readonly result: VerificationResult;
  /** Every file as read, raw: the dump `--out` writes and `verify --dump` accepts. */
  readonly files: Map<string, Uint8Array>;
  readonly face: DisplayableFace | null;
  /** Which key assumption opened the chip, when several were tried (CCCD without printed expiry). */
  readonly accessNote: string | null;
  readonly protocols: { readonly accessControl: string; readonly chipAuthentication: string | null };
  readonly cscaFingerprint: string | null;
  readonly documentSigner: string | null;
  /** The result's warnings in both languages, same order: `result.warnings` are their English texts. */
  readonly localizedWarnings: readonly LocalizedText[];
}

function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new EidError('CANCELLED', 'The reading was cancelled', 'Đã huỷ đọc thẻ');
}

async function openWithCandidates(transport: Transport, candidates: readonly KeyCandidate[], options: ReadDocumentOptions): Promise<{ opened: OpenedChip; used: KeyCandidate; index: number }> {
  for (let i = 0; i < candidates.length; i++) {
    throwIfCancelled(options.signal);
    const candidate = candidates[i]!;
    try {
      const opened = await openChip(transport, candidate.key, options.random ? { random: options.random } : {});
      return { opened, used: candidate, index: i };
    } catch (e) {
      if (!isEidError(e, 'ACCESS_DENIED') || i === candidates.length - 1) throw e;
    }
  }
  throw new EidError('ACCESS_DENIED', 'No key was given', 'Chưa nhập thông tin mở chip');
}

function fidOf(name: string): number {
  const info = LDS_FILES.find((f) => f.name === name && !f.inMasterFile);
  if (!info) throw new EidError('LDS_MALFORMED', `Unknown file ${name}`, `Tệp không xác định ${name}`);
  return info.fid;
}

export async function readDocument(rawTransport: Transport, entered: EnteredKey, options: ReadDocumentOptions): Promise<ReadDocumentOutcome> {
  const started = performance.now();
  const now = options.now ?? new Date();
  const progress = options.onProgress ?? (() => {});
  const counter = new CountingTransport(rawTransport);
  const candidates = keyCandidates(entered, now);

  progress({ step: 'access-control', bytesRead: 0, bytesTotal: null });
  const { opened, used, index } = await openWithCandidates(counter, candidates, options);
  const warnings: LocalizedText[] = [];
  if (opened.paceFallbackReason) {
    const why = opened.paceFallbackReason;
    warnings.push(localized(`PACE was offered but not used (${why}); the chip was opened with BAC.`, `Chip có hỗ trợ PACE nhưng không dùng được (${why}); chip đã được mở bằng BAC.`));
  }
  const accessNote = used.assumption && candidates.length > 1 ? `Chip opened with ${used.assumption}, key ${index + 1} of ${candidates.length} tried.` : null;

  const files = new Map<string, Uint8Array>();
  if (opened.cardAccess) files.set('CardAccess', opened.cardAccess);
  const reader = new FileReader(opened.transport);
  const read = async (name: string): Promise<Uint8Array | null> => {
    throwIfCancelled(options.signal);
    try {
      const bytes = await reader.readFile(fidOf(name), (bytesRead, bytesTotal) => progress({ step: 'read-file', file: name, bytesRead, bytesTotal }));
      files.set(name, bytes);
      return bytes;
    } catch (e) {
      // A data group the chip lists but will not give is reported; the SOD hash check still runs on what was read.
      if (e instanceof ChipStatusError && name !== 'COM' && name !== 'SOD') {
        warnings.push(localized(`${name} could not be read (${e.code}).`, `Không đọc được ${name} (${e.code}).`));
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

  throwIfCancelled(options.signal);
  progress({ step: 'chip-authentication', bytesRead: 0, bytesTotal: null });
  const proof = await proveChip(opened, files, options.random);
  warnings.push(...proof.warnings);

  progress({ step: 'passive-authentication', bytesRead: 0, bytesTotal: null });
  const mrz = used.key.kind === 'MRZ' ? used.key.mrz : null;
  const details = verifyDocumentWithDetails(files, options.trust, {
    now,
    chipChecks: {
      accessControl: { status: 'PASS', protocol: opened.protocol },
      chipAuthentication: proof.check,
      ...(mrz && { accessKey: { documentNumber: mrz.documentNumber, dateOfBirth: mrz.dateOfBirth, dateOfExpiry: mrz.dateOfExpiry } }),
      warnings,
    },
    stats: { apdus: counter.stats.apdus, bytesRead: counter.stats.bytesReceived, millis: Math.round(performance.now() - started) },
  });

  let face: DisplayableFace | null = null;
  const dg2 = files.get('DG2');
  if (dg2) {
    try {
      const first = parseDg2(dg2).faces[0];
      face = first ? await displayableFace(first) : null;
    } catch (e) {
      if (!isEidError(e)) throw e;
    }
  }
  return {
    result: details.result,
    files,
    face,
    accessNote,
    protocols: { accessControl: opened.protocol, chipAuthentication: proof.protocol },
    cscaFingerprint: details.cscaFingerprint,
    documentSigner: details.documentSigner,
    localizedWarnings: details.localizedWarnings,
  };
}
