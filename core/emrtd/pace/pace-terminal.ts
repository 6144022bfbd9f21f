/**
 * PACE, terminal side (ICAO 9303-11 §4.4): MSE:Set AT, then four chained GENERAL AUTHENTICATE
 * steps — encrypted nonce, mapping (GM, IM or CAM), key agreement on the mapped generator,
 * mutual authentication tokens — then secure messaging with the new session keys.
 * Randomness is injected so the ICAO worked examples replay byte for byte.
 */
import { EidError } from '../../errors.ts';
import { timingSafeEqual } from '../../crypto/node-crypto.ts';
import { tlv as tlvObject } from '../../bytes/tlv.ts';
import { systemRandom, type RandomSource } from '../../crypto/ec/index.ts';
import type { AccessKey } from '../../mrz/index.ts';
import type { Transport } from '../apdu/transport.ts';
import { sendCommand } from '../apdu/exchange.ts';
import type { CommandApdu, ResponseApdu } from '../apdu/apdu.ts';
import { SW, chipStatusError } from '../apdu/status-words.ts';
import { SecureMessaging } from '../sm/secure-messaging.ts';
import { accessDenied, paceFailed, paceUnsupported } from './pace-errors.ts';
import { paceAlgorithm, paceAlgorithmLabel } from './pace-algorithm.ts';
import { paceGroup } from './pace-parameters.ts';
import {
  authenticationToken, decryptCamData, decryptNonce, imNonceLength, paceSessionKeys, passwordKey, passwordReference, tokenInput,
} from './pace-crypto.ts';
import { genericMapping, integratedMapping } from './pace-mapping.ts';
import { PACE_TAG, generalAuthenticateCommand, mseSetAtCommand, optionalObject, parseDynamicAuthenticationData, requireObject } from './pace-messages.ts';
import type { PaceInfoInput, PaceResult } from './pace-types.ts';

export interface PaceOptions {
  /** Random source for ephemeral keys and the IM nonce (tests inject fixed values). */
  readonly random?: RandomSource;
  /** Send '84 parameterId' in MSE:Set AT (default true: chips with several PACEInfos need it). */
  readonly sendParameterId?: boolean;
}

/** Turns a failing status word of a PACE step into the error a clerk can act on. */
function stepError(response: ResponseApdu, step: string): EidError {
  const sw = response.sw;
  if (sw === SW.AUTHENTICATION_FAILED || (sw & 0xfff0) === 0x63c0) return accessDenied(`chip answered ${sw.toString(16).toUpperCase()}`);
  if (sw === SW.AUTHENTICATION_METHOD_BLOCKED) return accessDenied('the access key is blocked on this chip');
  return paceFailed(`${step} refused`, chipStatusError(sw, step));
}

async function exchange(transport: Transport, command: CommandApdu, step: string): Promise<Uint8Array> {
  const response = await sendCommand(transport, command);
  if (response.sw !== SW.OK) throw stepError(response, step);
  return response.data;
}

/**
 * Runs PACE with the chip behind `transport` using one PACEInfo from EF.CardAccess and the
 * MRZ or CAN. Returns the session keys and a SecureMessaging transport already started on them.
 * Errors: ACCESS_DENIED (wrong key), PACE_UNSUPPORTED (variant not implemented or refused by the
 * chip at MSE:Set AT), PACE_FAILED (anything else); transport errors pass through unchanged.
 */
export async function performPace(transport: Transport, info: PaceInfoInput, key: AccessKey, options: PaceOptions = {}): Promise<PaceResult> {
  const algorithm = paceAlgorithm(info.oid);
  if (algorithm === undefined) throw paceUnsupported(`protocol ${info.oid}`);
  const group = paceGroup(algorithm.agreement, info.parameterId, info.domainParameters);
  if (algorithm.mapping === 'IM' && !group.supportsIntegratedMapping) throw paceUnsupported(`integrated mapping on ${group.label}`);
  const random = options.random ?? systemRandom;
  const sendId = options.sendParameterId ?? true;

  const mse = mseSetAtCommand(algorithm.oid, passwordReference(key), sendId ? info.parameterId : undefined);
  const mseResponse = await sendCommand(transport, mse);
  if (mseResponse.sw !== SW.OK) {
    if (mseResponse.sw === SW.AUTHENTICATION_METHOD_BLOCKED || (mseResponse.sw & 0xfff0) === 0x63c0) throw stepError(mseResponse, 'MSE:Set AT');
    throw paceUnsupported(`the chip refused ${paceAlgorithmLabel(algorithm)} (${mseResponse.sw.toString(16).toUpperCase()})`);
  }

  // Step 1: the chip's nonce, encrypted under the password key.
  const kPi = passwordKey(key, algorithm);
  const step1 = parseDynamicAuthenticationData(await exchange(transport, generalAuthenticateCommand([], false), 'PACE nonce'));
  const s = decryptNonce(algorithm, kPi, requireObject(step1, PACE_TAG.ENCRYPTED_NONCE, 'encrypted nonce'));

  // Step 2: map the nonce to a fresh generator.
  let mappedGenerator: unknown;
  let chipMappingKey: Uint8Array | undefined;
  if (algorithm.mapping === 'IM') {
    const t = random(imNonceLength(algorithm));
    await exchange(transport, generalAuthenticateCommand([tlvObject(PACE_TAG.MAPPING_TERMINAL, t)], false), 'PACE mapping');
    mappedGenerator = computed('integrated mapping', () => integratedMapping(group, algorithm, s, t));
  } else {
    const mapKeys = group.generateKeyPair(random, group.generator);
    const step2 = parseDynamicAuthenticationData(
      await exchange(transport, generalAuthenticateCommand([tlvObject(PACE_TAG.MAPPING_TERMINAL, group.encodePublicKey(mapKeys.publicKey))], false), 'PACE mapping'),
    );
    chipMappingKey = requireObject(step2, PACE_TAG.MAPPING_CHIP, 'chip mapping key');
    const chipMapping = decodeKey(group, chipMappingKey, 'chip mapping key');
    if (group.equals(chipMapping, mapKeys.publicKey)) throw paceFailed('chip returned the terminal mapping key');
    // A hostile mapping key can drive G~ to infinity; that is a protocol failure, not a crash.
    mappedGenerator = computed('generic mapping', () => genericMapping(group, s, group.multiply(chipMapping, mapKeys.privateKey)));
  }

  // Step 3: ephemeral key agreement on G~.
  const ephemeral = group.generateKeyPair(random, mappedGenerator);
  const terminalPublic = group.encodePublicKey(ephemeral.publicKey);
  const step3 = parseDynamicAuthenticationData(
    await exchange(transport, generalAuthenticateCommand([tlvObject(PACE_TAG.EPHEMERAL_TERMINAL, terminalPublic)], false), 'PACE key agreement'),
  );
  const chipPublic = requireObject(step3, PACE_TAG.EPHEMERAL_CHIP, 'chip ephemeral key');
  const chipEphemeral = decodeKey(group, chipPublic, 'chip ephemeral key');
  // A chip echoing our own key would make both tokens equal (ICAO 9303-11 §4.4.3.4).
  if (group.equals(chipEphemeral, ephemeral.publicKey)) throw paceFailed('chip returned the terminal key');
  const sessionKeys = paceSessionKeys(algorithm, computed('key agreement', () => group.secretBytes(group.multiply(chipEphemeral, ephemeral.privateKey))));

  // Step 4: exchange tokens over the other side's public key.
  const terminalToken = authenticationToken(algorithm, sessionKeys.kMac, tokenInput(algorithm, group, chipPublic));
  const step4 = parseDynamicAuthenticationData(
    await exchange(transport, generalAuthenticateCommand([tlvObject(PACE_TAG.TOKEN_TERMINAL, terminalToken)], true), 'PACE mutual authentication'),
  );
  const chipToken = requireObject(step4, PACE_TAG.TOKEN_CHIP, 'chip authentication token');
  const expected = authenticationToken(algorithm, sessionKeys.kMac, tokenInput(algorithm, group, terminalPublic));
  if (!timingSafeEqual(chipToken, expected)) throw accessDenied('the chip token does not match');

  const label = `${paceAlgorithmLabel(algorithm)} ${group.label}`;
  const cars = [optionalObject(step4, PACE_TAG.CAR_1), optionalObject(step4, PACE_TAG.CAR_2)].filter((c): c is Uint8Array => c !== undefined);
  let cam: PaceResult['cam'];
  if (algorithm.mapping === 'CAM') {
    const encrypted = requireObject(step4, PACE_TAG.CAM_DATA, 'chip authentication data');
    cam = { chipAuthenticationData: decryptCamData(sessionKeys.kEnc, encrypted), chipMappingPublicKey: chipMappingKey!, group };
  }
  return {
    protocol: label,
    algorithm,
    groupLabel: group.label,
    ...(info.parameterId === undefined ? {} : { parameterId: info.parameterId }),
    sessionKeys,
    transport: new SecureMessaging(transport, sessionKeys),
    chipEphemeralPublicKey: chipPublic,
    certificationAuthorityReferences: cars,
    ...(cam === undefined ? {} : { cam }),
  };
}

function decodeKey<E>(group: { decodePublicKey(b: Uint8Array): E }, bytes: Uint8Array, what: string): E {
  return computed(`invalid ${what}`, () => group.decodePublicKey(bytes));
}

/** Runs a computation on chip-supplied values; its errors become PACE_FAILED (PACE's own pass through). */
function computed<T>(what: string, run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof EidError && e.code.startsWith('PACE_')) throw e;
    throw paceFailed(what, e);
  }
}
