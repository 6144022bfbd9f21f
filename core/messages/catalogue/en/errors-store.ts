/** English: errors of the records database, operator accounts and settings. */
import { template } from '../../define.ts';

export const storeErrors = {
  STORE_OPEN_FAILED: 'The records database could not be opened',
  STORE_SCHEMA_TOO_NEW: 'The records database was written by a newer version of the terminal',
  STORE_MIGRATION_FAILED: 'Upgrading the records database failed; nothing was changed',
  STORE_CLOSED: 'The records database is closed',
  RECORD_DECRYPT_FAILED: 'A stored record could not be decrypted: wrong key or altered data',
  RECORD_CORRUPT: 'A stored record is damaged and cannot be shown; run records verify-chain',
  RECORD_NOT_FOUND: 'No record with this id',
  RECORD_INVALID: 'The verification could not be recorded: incomplete information',
  FACE_MATCH_RECORDED: "This record's face match has been recorded already",
  FACE_OVERRIDE_REASON_MISSING: "Going against the machine's face match needs a reason",
  QUERY_INVALID: 'The search could not be understood',
  PROFILE_UNKNOWN: 'Unknown purpose profile',
  PROFILE_INVALID: 'The purpose profile settings are invalid',
  // One code for an unknown name and a wrong PIN, so the answer does not reveal which names exist.
  OPERATOR_AUTH_FAILED: 'Unknown operator or wrong PIN',
  OPERATOR_LOCKED: template({ minutes: 'number' }, (p) => `This operator is locked after too many wrong PINs for ${p.minutes} more minutes; a supervisor can unlock it now`),
  OPERATOR_EXISTS: 'An operator with this name already exists',
  OPERATOR_INVALID: 'Operator name, role or PIN is not acceptable (PIN: 4 to 12 digits)',
  OPERATOR_LAST_SUPERVISOR: 'The last active supervisor cannot be disabled or made a clerk; make another operator supervisor first',
  OPERATOR_SETUP_DONE: 'The first supervisor has been set up already; sign in with name and PIN',
  OPERATOR_FORBIDDEN: 'This operator is not allowed to do that; a supervisor is needed',
  SETTING_INVALID: 'A setting has an invalid value',
  SETTING_UNKNOWN: template({ key: 'text', settings: 'text' }, (p) => `There is no setting ${p.key}; the settings are ${p.settings}`),
};
