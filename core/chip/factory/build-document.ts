/**
 * Builds a virtual document: holder -> MRZ -> data groups -> chip keys -> SOD under the demo PKI,
 * then the variant's damage. Deterministic for a given (profile, variant, seed), except that RSA
 * keys are generated once per process.
 */
import { toYymmdd, mrzInformationFromMrz } from '../../mrz/index.ts';
import { encodeCom } from '../../lds/com.ts';
import { encodeDg1 } from '../../lds/dg1.ts';
import { encodeDg2 } from '../../lds/dg2.ts';
import { encodeDg11 } from '../../lds/dg11.ts';
import { encodeDg12 } from '../../lds/dg12.ts';
import { encodeDg13Vn, wrapDg13Fields } from '../../lds/dg13-vn-encode.ts';
import { encodeDg14 } from '../../lds/dg14.ts';
import { encodeDg15 } from '../../lds/dg15.ts';
import { encodeSecurityInfos, type SecurityInfoInput } from '../../lds/security-infos.ts';
import type { DataGroupNumber, LdsFileName } from '../../lds/files.ts';
import { EidError } from '../../errors.ts';
import { DEMO_SIGNING_TIME, demoAuthority, demoSigner, unknownAuthority } from './demo-pki.ts';
import type { ActiveAuthenticationKey, ChipKeys, ProfileName, VariantName, VirtualDocument } from './document.ts';
import { encodeFaceJpeg } from './jpeg.ts';
import { ecSpki, testKey } from './keys.ts';
import { writeTd1, writeTd3, type MrzFields } from './mrz-writer.ts';
import { mrzName, SeededChoice, syntheticPerson, type SyntheticPerson } from './people.ts';
import { PROFILES, type ProfileSpec } from './profiles.ts';
import { writeSignedObject, writeSod } from './sod-writer.ts';
import { ecPaceGroup } from '../../emrtd/pace/pace-group.ts';
import { paceGroup } from '../../emrtd/pace/pace-parameters.ts';
import { paceOid } from '../../emrtd/pace/pace-algorithm.ts';
import { chipAuthenticationOid } from '../../emrtd/chip-auth/chip-auth-keys.ts';
import { ECDSA_PLAIN_OIDS, OID } from '../../asn1/oids.ts';
import { curveByName } from '../../crypto/ec/index.ts';
import { NATIONALITY_VN, SEX_WORDS } from '../../mrz/card-words.ts';
import { detailsGroup, genuineOutcome, VARIANTS, variantAppliesTo, type VariantSpec } from './variants.ts';

export interface BuildOptions {
  /** Chooses the holder and every derived key; the same seed gives the same document. */
  readonly seed?: string;
  /** A DG2 above 32 KiB (bigger, noisy photo) to exercise long reads. */
  readonly largeFace?: boolean;
  /** A photograph for DG2 instead of the drawn face (face-match tests need a face a model sees as one). */
  readonly facePhoto?: { readonly jpeg: Uint8Array; readonly width: number; readonly height: number };
  /**
   * PACE with Chip Authentication Mapping instead of Generic Mapping, and an EF.CardSecurity
   * (signed by the Document Signer) publishing the chip's key. Needs a PACE profile whose CA
   * key lies on the PACE curve (can-cuoc-2024, icao-td3-passport).
   */
  readonly paceCam?: boolean;
}

const iso = (d: { year: number; month: number; day: number }): string => `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;

function mrzFor(spec: ProfileSpec, person: SyntheticPerson, seed: string): string {
  const r = new SeededChoice(`docno:${seed}`);
  const fields: MrzFields = {
    documentCode: spec.documentCode,
    issuingState: spec.issuingState,
    // CCCD: the last 9 digits of the 12-digit ID; elsewhere a letter and 8 digits.
    documentNumber: spec.vietnamese ? person.idNumber.slice(3) : `${'CLU'[r.int(3)]}${r.digits(8)}`,
    dateOfBirth: toYymmdd(person.dateOfBirth),
    sex: person.sex,
    dateOfExpiry: person.dateOfExpiry ? toYymmdd(person.dateOfExpiry) : '991231',
    nationality: spec.issuingState,
    surname: mrzName(person.surname),
    givenNames: mrzName(`${person.middleName} ${person.givenName}`),
  };
  return spec.format === 'TD3' ? writeTd3(fields) : writeTd1(fields, spec.vietnamese ? person.idNumber : undefined);
}

function dg13For(person: SyntheticPerson, form: VariantSpec['dg13'] = {}, idNumber = person.idNumber): Uint8Array {
  if (form.empty) return wrapDg13Fields([], form.layout ?? 'wrapped');
  return encodeDg13Vn({
    ...(form.layout && { layout: form.layout }),
    ...(form.parents && { parents: form.parents }),
    idNumber,
    fullName: person.fullName,
    dateOfBirth: iso(person.dateOfBirth),
    sex: SEX_WORDS[person.sex],
    nationality: NATIONALITY_VN,
    ethnicity: person.ethnicity,
    religion: person.religion,
    placeOfOrigin: person.placeOfOrigin,
    placeOfResidence: person.placeOfResidence,
    identifyingMarks: person.identifyingMarks,
    dateOfIssue: iso(person.dateOfIssue),
    dateOfExpiry: person.dateOfExpiry ? iso(person.dateOfExpiry) : null,
    noExpiry: person.dateOfExpiry === null,
    fatherName: person.fatherName,
    motherName: person.motherName,
    spouseName: person.spouseName,
    oldIdNumber: person.oldIdNumber,
  });
}

interface ChipKeyMaterial {
  readonly keys: ChipKeys;
  /** Public keys as DG14/DG15 announce them. */
  readonly caSpki?: Uint8Array;
  readonly aaSpki?: Uint8Array;
}

function chipKeysFor(spec: ProfileSpec, seed: string): ChipKeyMaterial {
  let keys: ChipKeys = {};
  let caSpki: Uint8Array | undefined;
  let aaSpki: Uint8Array | undefined;
  if (spec.chipAuthenticationCurve) {
    const k = testKey({ kind: 'ec', curve: spec.chipAuthenticationCurve }, `ca:${seed}`);
    // ChipAuthenticationPublicKeyInfo carries explicit domain parameters, as issued chips do.
    caSpki = ecSpki(spec.chipAuthenticationCurve, k.ecPublicPoint!, true);
    keys = { ...keys, chipAuthentication: { curve: spec.chipAuthenticationCurve, privateKey: k.ecPrivateKey!, oid: chipAuthenticationOid('ECDH', 'AES', 128) } };
  }
  const aa = spec.activeAuthentication;
  if (aa) {
    let key: ActiveAuthenticationKey;
    if (aa.kind === 'rsa') {
      const k = testKey({ kind: 'rsa', bits: aa.bits }, `aa:${seed}`);
      key = { kind: 'rsa', privateKeyDer: k.rsaPrivateKeyDer!, spkiDer: k.spkiDer };
    } else {
      const k = testKey({ kind: 'ec', curve: aa.curve }, `aa:${seed}`);
      key = { kind: 'ec', curve: aa.curve, privateKey: k.ecPrivateKey!, spkiDer: k.spkiDer };
    }
    aaSpki = key.spkiDer;
    keys = { ...keys, activeAuthentication: key };
  }
  return { keys, ...(caSpki ? { caSpki } : {}), ...(aaSpki ? { aaSpki } : {}) };
}

/** The PACEInfo the chip offers: the profile's (none for a `without-pace` chip), or its CAM twin when asked for. */
function paceFor(spec: ProfileSpec, variant: VariantSpec | undefined, cam: boolean): ProfileSpec['pace'] {
  if (variant?.withoutPace) {
    if (cam) throw new EidError('FACTORY_OPTION_NOT_APPLICABLE', { profile: `${spec.name}/${variant.name}` });
    return null;
  }
  if (!cam) return spec.pace;
  if (!spec.pace || !spec.chipAuthenticationCurve || paceGroup('ECDH', spec.pace.parameterId).label !== ecPaceGroup(curveByName(spec.chipAuthenticationCurve)).label) {
    throw new EidError('FACTORY_OPTION_NOT_APPLICABLE', { profile: spec.name });
  }
  return { oid: paceOid('ECDH', 'CAM', 'AES', 128), parameterId: spec.pace.parameterId };
}

/** EF.CardAccess: PACEInfo, and on Vietnamese chips TerminalAuthenticationInfo and ChipAuthenticationInfo v1 too (vn-cccd.md §1.2). */
function cardAccessFor(spec: ProfileSpec, pace: NonNullable<ProfileSpec['pace']>): SecurityInfoInput[] {
  const also = spec.cardAccessAlso.map((type): SecurityInfoInput => (type === 'TerminalAuthenticationInfo'
    ? { type, version: 1 }
    : { type, oid: chipAuthenticationOid('ECDH', 'AES', 128), version: 1 }));
  return [...also, { type: 'PACEInfo', oid: pace.oid, version: 2, parameterId: pace.parameterId }];
}

function notApplicable(profile: ProfileName, variant: VariantName): EidError {
  return new EidError('FACTORY_VARIANT_NOT_APPLICABLE', { variant, profile });
}

/** The PACE CAN: printed (random digits), the last 6 digits of the ID number (Vietnamese chips), or none. */
function canFor(spec: ProfileSpec, variant: VariantSpec | undefined, person: SyntheticPerson, seed: string): string | null {
  if (variant?.withoutPace || spec.can === null) return null;
  return spec.can === 'idNumber' ? person.idNumber.slice(6) : new SeededChoice(`can:${seed}`).digits(6);
}

/** Holder, MRZ and CAN of a document without building it (cheap: no keys, no signatures). */
export function documentIdentity(profile: ProfileName, variant: VariantName | null = null, seed = `${profile}:demo`): { person: SyntheticPerson; mrz: string; can: string | null } {
  const spec = PROFILES[profile];
  const v = variant ? VARIANTS[variant] : undefined;
  const person = syntheticPerson(seed, v?.person ?? {});
  return { person, mrz: mrzFor(spec, person, seed), can: canFor(spec, v, person, seed) };
}

export function buildDocument(profile: ProfileName, variant: VariantName | null = null, options: BuildOptions = {}): VirtualDocument {
  const spec = PROFILES[profile];
  const v = variant ? VARIANTS[variant] : undefined;
  if (variant && !variantAppliesTo(variant, spec)) throw notApplicable(profile, variant);
  const seed = options.seed ?? `${profile}:demo`;
  const { person, mrz, can } = documentIdentity(profile, variant, seed);

  const groups = new Map<DataGroupNumber, Uint8Array>();
  groups.set(1, encodeDg1(mrz));
  // The large face (~42 KB) sits past the 32 KiB odd-INS threshold, within real DG2 sizes.
  const width = options.largeFace ? 288 : 96;
  const height = options.largeFace ? 360 : 120;
  const photo = options.facePhoto;
  groups.set(2, photo
    ? encodeDg2({ image: photo.jpeg, width: photo.width, height: photo.height })
    : encodeDg2({ image: encodeFaceJpeg({ seed, width, height, noise: options.largeFace ?? false, quality: options.largeFace ? 80 : 75 }), width, height }));
  if (spec.additionalDetails) {
    groups.set(11, encodeDg11({ fullName: `${mrzName(person.surname)}<<${mrzName(`${person.middleName} ${person.givenName}`)}`, fullDateOfBirth: iso(person.dateOfBirth).replace(/-/g, ''), placeOfBirth: person.placeOfOrigin, address: person.placeOfResidence }));
    groups.set(12, encodeDg12({ issuingAuthority: 'DEMO Ministry of Utopia', dateOfIssue: iso(person.dateOfIssue).replace(/-/g, '') }));
  }
  if (spec.vietnamese) {
    const otherId = `${person.idNumber.slice(0, 6)}${String((Number(person.idNumber.slice(6)) + 314159) % 1_000_000).padStart(6, '0')}`;
    groups.set(13, dg13For(person, v?.dg13, v?.mismatchDg13 ? otherId : person.idNumber));
  }
  const pace = paceFor(spec, v, options.paceCam ?? false);
  const genuine = chipKeysFor(spec, seed);
  const securityInfos: SecurityInfoInput[] = [];
  if (genuine.caSpki && genuine.keys.chipAuthentication) {
    securityInfos.push({ type: 'ChipAuthenticationInfo', oid: genuine.keys.chipAuthentication.oid, version: 1 });
    securityInfos.push({ type: 'ChipAuthenticationPublicKeyInfo', oid: OID.pkEcdh, subjectPublicKeyInfo: genuine.caSpki });
  }
  if (genuine.keys.activeAuthentication?.kind === 'ec') securityInfos.push({ type: 'ActiveAuthenticationInfo', signatureAlgorithm: ECDSA_PLAIN_OIDS.sha256 });
  if (pace) securityInfos.push({ type: 'PACEInfo', oid: pace.oid, version: 2, parameterId: pace.parameterId });
  if (securityInfos.length > 0 && (genuine.caSpki || genuine.aaSpki)) groups.set(14, encodeDg14(securityInfos));
  if (genuine.aaSpki) groups.set(15, encodeDg15(genuine.aaSpki));

  const authority = v?.unknownAuthority ? unknownAuthority(spec.authority) : demoAuthority(spec.authority);
  const trusted = demoAuthority(spec.authority);
  const signerKind = v?.signer ?? 'good';
  const signer = demoSigner({ authority, key: spec.documentSignerKey, kind: signerKind });
  const sod = writeSod({
    dataGroups: groups,
    hash: spec.sodHash,
    signer,
    issuerName: authority.csca.name,
    signingTime: DEMO_SIGNING_TIME,
    omitHashes: v?.omitDetailsHash ? [detailsGroup(spec)] : [],
    corruptSignature: v?.corruptSignature ?? false,
  });

  const files = new Map<LdsFileName, Uint8Array>();
  const comGroups = [...groups.keys(), ...spec.protectedGroups].sort((a, b) => a - b) as DataGroupNumber[];
  files.set('COM', encodeCom(comGroups));
  for (const [n, bytes] of groups) files.set(`DG${n}`, bytes);
  files.set('SOD', sod);
  if (pace) files.set('CardAccess', encodeSecurityInfos(cardAccessFor(spec, pace)));
  if (options.paceCam) {
    // EF.CardSecurity: the SecurityInfos a CAM terminal needs, signed like the SOD.
    files.set('CardSecurity', writeSignedObject({
      eContentType: OID.securityObject,
      eContent: encodeSecurityInfos(securityInfos),
      hash: spec.sodHash,
      signer,
      issuerName: authority.csca.name,
      signingTime: DEMO_SIGNING_TIME,
    }));
  }
  v?.afterSigning?.(files, spec);

  // A clone carries the genuine data but cannot have the genuine chip's private keys.
  const chipKeys = v?.cloneChip ? chipKeysFor(spec, `${seed}:clone`).keys : genuine.keys;
  return {
    profile,
    variant,
    description: v ? `${spec.description} — ${v.description}` : spec.description,
    files,
    protectedFiles: spec.protectedGroups.map((n) => `DG${n}` as LdsFileName),
    access: { mrz, mrzInformation: mrzInformationFromMrz(mrz, { today: new Date('2025-06-01T00:00:00Z') }).value, can },
    chipKeys,
    protocols: { bac: spec.bac, pace },
    trust: { cscas: [trusted.csca.der], crls: [trusted.crl], authority: trusted.id },
    holder: person,
    expected: v ? v.expected(spec) : genuineOutcome(),
  };
}
