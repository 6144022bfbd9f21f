/** Public API of core/store: open the records database and everything reachable from it. */
export { openStore, DATABASE_FILE, type OpenStoreOptions, type Store } from './store.ts';
export { defaultKeyProvider, FileKeyProvider, ProtectedKeyProvider, keyFilePath, type KeyProvider, type SecretProtector } from './key-provider.ts';
export type { RecordContext, RecordInput, RecordRef, StoredRecord, RecordQuery, RecordPage, ProtocolDetails } from './record-types.ts';
export type { OutboxEntry, OutboxPort } from './outbox.ts';
export type { KeyValuePort, KnownSetting } from './settings.ts';
export { KNOWN_SETTINGS, PERSON_SETTINGS } from './settings.ts';
export type { Operator, OperatorRole } from './operators.ts';
export type { ChainReport, ChainProblem, ChainProblemKind } from './chain-verify.ts';
export type { PurgeResult } from './retention.ts';
export { exportRecords, type ExportFormat } from './export.ts';
export { BUILT_IN_PROFILES, DEFAULT_PROFILE, type PurposeProfile } from './profiles.ts';
export { PERSONAL_FIELDS, type PersonalField, type PersonalData } from './personal-fields.ts';
export type { AuditAction, AuditEvent, AuditLog } from './audit-log.ts';
export type { ExportQuery } from './export.ts';
