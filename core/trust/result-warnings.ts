/**
 * The warnings of a verification result, from the checks and what passive authentication noticed
 * on the way (a lapsed certificate, an id-data SOD, a signer found by the fallback, missing files).
 * Warnings explain; they never change the verdict.
 */
import type { Checks } from '../api/verification.ts';
import type { Dg13Gap } from '../messages/catalogue/en/warnings.ts';
import { warning, type Warning } from '../messages/message.ts';
import { isDemoCsca } from './known-cscas.ts';
import type { PassiveAuthResult } from './passive-auth.ts';

export interface WarningInput {
  readonly checks: Checks;
  readonly passiveAuth: PassiveAuthResult | undefined;
  /** Files the verification needed or the SOD lists that the data does not hold, e.g. ['DG1', 'DG2']. */
  readonly missingFiles: readonly string[];
}

export function resultWarnings({ checks, passiveAuth: pa, missingFiles }: WarningInput): Warning[] {
  const warnings: Warning[] = [];
  if (!pa) warnings.push(warning('NO_SECURITY_OBJECT'));
  if (missingFiles.length) warnings.push(warning('FILES_MISSING', { files: missingFiles.join(', ') }));
  if (checks.accessControl.status === 'SKIPPED' && checks.chipAuthentication.status === 'SKIPPED') {
    warnings.push(warning('CHIP_NOT_EXAMINED'));
  } else if (checks.chipAuthentication.status === 'NOT_SUPPORTED') {
    warnings.push(warning('NO_CHIP_AUTHENTICATION'));
  }
  if (pa?.idDataContentType) warnings.push(warning('ID_DATA_CONTENT_TYPE'));
  if (pa?.signerIdMismatch) warnings.push(warning('SIGNER_ID_MISMATCH', pa.signerIdMismatch));
  const chain = checks.certificateChain.status;
  if (checks.revocation.status === 'UNKNOWN' && chain === 'PASS') {
    warnings.push(warning('REVOCATION_UNKNOWN', { gap: checks.revocation.reason?.code === 'CRL_STALE' ? 'crl-out-of-date' : 'no-crl' }));
  }
  if (pa?.chain.expiredSinceSigning) warnings.push(warning('CERTIFICATE_EXPIRED_SINCE_SIGNING'));
  if (chain === 'UNKNOWN_CSCA' && pa) warnings.push(warning('CSCA_UNKNOWN'));
  const csca = pa?.chain.csca;
  if (chain === 'PASS' && csca && isDemoCsca(csca.certificate.subject.text)) warnings.push(warning('DEMO_DOCUMENT'));
  const compared = checks.consistency.reason;
  if (compared?.code === 'NOTHING_TO_COMPARE') warnings.push(warning('NO_SECOND_SOURCE'));
  else if (compared?.code === 'DG13_NOT_USABLE') warnings.push(warning('DG13_NOT_COMPARED', { gap: compared.params.gap as Dg13Gap }));
  if (checks.documentExpiry.status === 'EXPIRED') warnings.push(warning('DOCUMENT_EXPIRED'));
  if (checks.documentExpiry.reason?.code === 'DG1_NOT_PARSED') warnings.push(warning('DG1_UNREADABLE'));
  return warnings;
}
