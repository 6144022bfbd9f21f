/** Synthetic verification results (no real person) and a temporary data folder for store tests. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { VerificationResult, Verdict } from '../../../core/api/verification.ts';
import { openStore, type OpenStoreOptions, type Store } from '../../../core/store/store.ts';

export interface Person {
  readonly idNumber: string;
  readonly fullName: string;
  readonly mrzName: [string, string];
}

export const ALICE: Person = { idNumber: '079203001234', fullName: 'Trần Thị Ánh Dương', mrzName: ['TRAN', 'THI ANH DUONG'] };
export const BOB: Person = { idNumber: '001099004321', fullName: 'Nguyễn Văn Đức', mrzName: ['NGUYEN', 'VAN DUC'] };

export function vnResult(person: Person, verdict: Verdict = 'VERIFIED'): VerificationResult {
  const fail = verdict === 'FAILED';
  return {
    verdict,
    decidedBy: verdict === 'FAILED' ? 'dataGroupHashes' : verdict === 'NOT_VERIFIED' ? 'certificateChain' : null,
    warnings: verdict === 'VERIFIED' ? ['revocation status unknown'] : [],
    checks: {
      accessControl: { status: 'PASS', protocol: 'BAC', reason: null },
      chipAuthentication: { status: 'PASS', method: 'CA', reason: null },
      dataGroupHashes: { status: fail ? 'FAIL' : 'PASS', failed: fail ? [13] : [], reason: fail ? { code: 'DG_HASH_MISMATCH', params: { dataGroups: [13] } } : null },
      sodSignature: { status: 'PASS', reason: null },
      certificateChain: verdict === 'NOT_VERIFIED' ? { status: 'UNKNOWN_CSCA', csca: null, reason: { code: 'UNKNOWN_CSCA', params: {} } } : { status: 'PASS', reason: null, csca: 'CN=CSCA Test VN' },
      revocation: { status: 'UNKNOWN', reason: { code: 'NO_CRL', params: {} } },
      documentExpiry: { status: 'VALID', reason: null },
      consistency: { status: 'PASS', reason: null },
    },
    document: {
      documentCode: 'ID',
      issuingState: 'VNM',
      documentNumber: person.idNumber.slice(3),
      personalNumber: person.idNumber,
      surname: person.mrzName[0],
      givenNames: person.mrzName[1],
      nationality: 'VNM',
      dateOfBirth: '1990-02-03',
      sex: 'F',
      dateOfExpiry: '2040-02-03',
      mrz: `IDVNM${person.idNumber.slice(3)}1${person.idNumber}<<2\n9002031F4002031VNM<<<<<<<<<<<8\n${person.mrzName[0]}<<${person.mrzName[1].replace(/ /g, '<')}`,
      face: { mimeType: 'image/jpeg', bytes: 4 },
      vn: {
        idNumber: person.idNumber,
        fullName: person.fullName,
        dateOfBirth: '1990-02-03',
        sex: 'Nữ',
        nationality: 'Việt Nam',
        ethnicity: 'Kinh',
        religion: 'Không',
        placeOfOrigin: 'Hà Nội',
        placeOfResidence: 'Số 1 Phố Huế, Hà Nội',
        identifyingMarks: 'Nốt ruồi',
        dateOfIssue: '2021-04-01',
        dateOfExpiry: '2040-02-03',
        fatherName: 'Trần Văn Cha',
        motherName: 'Lê Thị Mẹ',
        spouseName: null,
        oldIdNumber: '123456789',
      },
    },
    stats: { apdus: 42, bytesRead: 23000, millis: 1800 },
  };
}

export interface TempStore {
  readonly dir: string;
  readonly store: Store;
  reopen(options?: Partial<OpenStoreOptions>): Store;
  cleanup(): void;
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'eid-store-'));
}

/** A store in a fresh folder; `now` is a settable clock. */
export function tempStore(options: Partial<OpenStoreOptions> = {}): TempStore {
  const dir = tempDir();
  let store = openStore({ dataDir: dir, ...options });
  return {
    dir,
    get store() {
      return store;
    },
    reopen(more = {}) {
      store.close();
      store = openStore({ dataDir: dir, ...options, ...more });
      return store;
    },
    cleanup() {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export class Clock {
  constructor(public ms: number) {}
  readonly now = (): Date => new Date(this.ms);
  advanceDays(days: number): void {
    this.ms += days * 86_400_000;
  }
}
