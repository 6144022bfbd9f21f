/**
 * One card, start to end: keys -> open -> read -> prove -> verify, each step in its own module.
 * The session runs every verification through here (core/session/chip-reader.ts), whether the
 * kiosk, `eid-terminal read` or a benchmark started it.
 */
import type { AccessKey as EnteredKey } from '../api/terminal-api.ts';
import type { RandomSource } from '../crypto/ec/index.ts';
import type { Transport } from '../emrtd/apdu/transport.ts';
import { CountingTransport } from '../emrtd/apdu/transport-stats.ts';
import { ResumingSession, againWhenSessionLost, reopenChip } from '../emrtd/access/resuming-session.ts';
import type { TrustStore } from '../trust/store.ts';
import { keyCandidates } from './access-keys.ts';
import { proveChip } from './chip-proof.ts';
import { throwIfCancelled } from './errors.ts';
import { openWithKeys } from './open-with-keys.ts';
import type { VerificationOutcome } from './outcome.ts';
import { readFiles } from './read-files.ts';
import type { ReadProgress } from './types.ts';
import { faceOf, verifyRead } from './verify-read.ts';

export interface ReadCardOptions {
  readonly trust: TrustStore;
  readonly now?: Date;
  readonly onProgress?: (p: ReadProgress) => void;
  readonly signal?: AbortSignal;
  readonly random?: RandomSource;
}

export async function readCard(rawTransport: Transport, entered: EnteredKey, options: ReadCardOptions): Promise<VerificationOutcome> {
  const started = performance.now();
  const now = options.now ?? new Date();
  const progress = options.onProgress ?? (() => {});
  const counter = new CountingTransport(rawTransport);

  progress({ phase: 'reading', step: 'access-control', bytesRead: 0, bytesTotal: null });
  const { opened, used, accessNote, warnings: openWarnings } = await againWhenSessionLost(() => openWithKeys(counter, keyCandidates(entered, now), options));

  // Reading survives a lost secure channel (a reset card, a chip that drops it): see resuming-session.ts.
  const session = new ResumingSession(opened, reopenChip(counter, used.key, opened, options.random));
  const read = await readFiles(session, options);
  const files = new Map<string, Uint8Array>(opened.cardAccess ? [['CardAccess', opened.cardAccess], ...read.files] : read.files);

  throwIfCancelled(options.signal);
  progress({ phase: 'reading', step: 'chip-authentication', bytesRead: 0, bytesTotal: null });
  const proof = await session.run((current) => proveChip(current, files, options.random));

  progress({ phase: 'verifying', step: 'passive-authentication', bytesRead: 0, bytesTotal: null });
  const details = verifyRead(
    files,
    options.trust,
    { accessProtocol: opened.protocol, proof, key: used.key, warnings: [...openWarnings, ...read.warnings] },
    now,
    { apdus: counter.stats.apdus, bytesRead: counter.stats.bytesReceived, millis: Math.round(performance.now() - started) },
  );
  return {
    result: details.result,
    files,
    face: await faceOf(files),
    accessNote,
    protocols: { accessControl: opened.protocol, chipAuthentication: proof.protocol },
    cscaFingerprint: details.cscaFingerprint,
    documentSigner: details.documentSigner,
  };
}
