/** Chip Authentication (v1 and PACE-CAM verification): the public entry points. */
export {
  performChipAuthentication, chipAuthenticationCommands, chipAuthenticationLabel, SELECT_EF_COM,
  type ChipAuthenticationOptions, type ChipAuthenticationResult, type ChipAuthenticationStatus,
} from './chip-auth.ts';
export {
  ID_CA, chipAuthenticationAlgorithm, chipAuthenticationGroup, chipAuthenticationKeys, chipAuthenticationOid,
  type ChipAuthenticationAlgorithm, type ChipAuthenticationKey,
} from './chip-auth-keys.ts';
export { verifyChipAuthenticationMapping } from './chip-auth-cam.ts';
