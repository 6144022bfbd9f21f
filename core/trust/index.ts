/** Public API of passive authentication and the CSCA trust store. */
export { verifyDocument, verifyDocumentWithDetails, type DocumentFiles, type LiveChipChecks, type VerifyDocumentOptions, type VerifyDocumentDetails } from './verify-document.ts';
export { passiveAuthentication, type PassiveAuthResult, type DataGroupHashResult } from './passive-auth.ts';
export { verifySignedObject, type SignedObjectResult } from './signed-object.ts';
export { validateDocumentSigner, type ChainResult, type ChainStatus, type PathOptions } from './certificate-path.ts';
export { checkRevocation, type RevocationResult, type RevocationStatus } from './revocation.ts';
export { verifySignature, curveOfKey } from './signature.ts';
export { verifySigner, findSignerCertificate, embeddedCertificates, matchesSignerId, type SignerCheck } from './signed-data.ts';
export { TrustStore, fingerprintOf, isSelfIssued, normaliseFingerprint, type TrustedCertificate, type TrustedCrl } from './store.ts';
export { loadTrustBytes, loadTrustList, type LoadReport, type TrustFileKind } from './trust-files.ts';
export { readMasterList, type MasterList } from './master-list-loader.ts';
export { loadTrustStore, loadTrustPath, importTrustFile, removeTrusted, trustFolderOf, trustFilesIn, SHIPPED_CERTS_DIR, type TrustFolders, type LoadedTrustStore } from './store-folder.ts';
export { readDumpFolder } from './dump-folder.ts';
export { buildVerdict, CHIP_NOT_EXAMINED, type ChipChecks, type VerdictInput, type VerdictOutput } from './verdict.ts';
export { checkConsistency, mrzComparableName, type AccessKeyData, type ConsistencyResult } from './consistency.ts';
export { documentExpiryStatus, type ExpiryStatus } from './document-expiry.ts';
export { knownCscaName, isDemoCsca } from './known-cscas.ts';
