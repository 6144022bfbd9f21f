/**
 * EF.SOD (ICAO 9303-10 4.6.2): the LDSSecurityObject with the data-group hashes, signed as CMS
 * SignedData by a Document Signer (signed attributes contentType, messageDigest, signingTime;
 * signer identified by issuerAndSerialNumber; DS certificate embedded), wrapped in tag 77.
 * EF.CardSecurity (PACE-CAM documents) is the same SignedData over the chip's SecurityInfos.
 */
import { explicit, integer, octetString, oid, sequence, set, setOf, time } from '../../bytes/der.ts';
import { tlv } from '../../bytes/tlv.ts';
import { hash, type HashAlgorithm } from '../../crypto/node-crypto.ts';
import { OID } from '../../asn1/oids.ts';
import { digestAlgorithm } from './algorithms.ts';
import type { IssuedCertificate } from './pki.ts';
import { writeName, type DistinguishedName } from './x509-writer.ts';

export interface SodSpec {
  /** Data groups by number, as the chip will serve them (hash over exactly these bytes). */
  readonly dataGroups: ReadonlyMap<number, Uint8Array>;
  readonly hash: HashAlgorithm;
  readonly signer: IssuedCertificate;
  /** The DS certificate's issuer (the CSCA name) for issuerAndSerialNumber. */
  readonly issuerName: DistinguishedName;
  /** The signingTime attribute; null leaves it out, as some states' SODs do. */
  readonly signingTime: Date | null;
  /** Broken-document support: groups listed here get no hash entry. */
  readonly omitHashes?: readonly number[];
  /** Broken-document support: flip a bit of the signature after signing. */
  readonly corruptSignature?: boolean;
}

export function writeLdsSecurityObject(dataGroups: ReadonlyMap<number, Uint8Array>, hashAlg: HashAlgorithm, omit: readonly number[] = []): Uint8Array {
  const entries = [...dataGroups.entries()]
    .filter(([n]) => !omit.includes(n))
    .sort(([a], [b]) => a - b)
    .map(([n, bytes]) => sequence(integer(n), octetString(hash(hashAlg, bytes))));
  return sequence(integer(0), digestAlgorithm(hashAlg), sequence(...entries));
}

export interface SignedObjectSpec {
  readonly eContentType: string;
  readonly eContent: Uint8Array;
  readonly hash: HashAlgorithm;
  readonly signer: IssuedCertificate;
  readonly issuerName: DistinguishedName;
  readonly signingTime: Date | null;
  readonly corruptSignature?: boolean;
}

/**
 * CMS ContentInfo(SignedData) over `eContent` as ICAO signs its security objects (EF.SOD,
 * EF.CardSecurity): signed attributes, issuerAndSerialNumber, the signer certificate embedded.
 */
export function writeSignedObject(spec: SignedObjectSpec): Uint8Array {
  const attributes = [
    sequence(oid(OID.contentType), set(oid(spec.eContentType))),
    sequence(oid(OID.messageDigest), set(octetString(hash(spec.hash, spec.eContent)))),
    ...(spec.signingTime ? [sequence(oid(OID.signingTime), set(time(spec.signingTime)))] : []),
  ];
  // The signature covers the attributes as a DER SET OF; the SignerInfo carries them as [0] IMPLICIT.
  const signedAttrsSet = setOf(...attributes);
  const signedAttrsImplicit = Uint8Array.from(signedAttrsSet);
  signedAttrsImplicit[0] = 0xa0;
  const signature = spec.signer.key.sign(signedAttrsSet, spec.hash);
  if (spec.corruptSignature) signature[signature.length - 1]! ^= 0x01;
  const signerInfo = sequence(
    integer(1),
    sequence(writeName(spec.issuerName), integer(spec.signer.serial)),
    digestAlgorithm(spec.hash),
    signedAttrsImplicit,
    spec.signer.key.signatureAlgorithm(spec.hash),
    octetString(signature),
  );
  const signedData = sequence(
    integer(3),
    set(digestAlgorithm(spec.hash)),
    sequence(oid(spec.eContentType), explicit(0, octetString(spec.eContent))),
    tlv(0xa0, spec.signer.der),
    set(signerInfo),
  );
  return sequence(oid(OID.signedData), explicit(0, signedData));
}

/** CMS ContentInfo(SignedData) without the tag 77 wrapper — what `openssl cms` reads. */
export function writeSodCms(spec: SodSpec): Uint8Array {
  return writeSignedObject({
    eContentType: OID.ldsSecurityObject,
    eContent: writeLdsSecurityObject(spec.dataGroups, spec.hash, spec.omitHashes),
    hash: spec.hash,
    signer: spec.signer,
    issuerName: spec.issuerName,
    signingTime: spec.signingTime,
    ...(spec.corruptSignature ? { corruptSignature: true } : {}),
  });
}

/** EF.SOD file contents: the CMS wrapped in application tag 77. */
export function writeSod(spec: SodSpec): Uint8Array {
  return tlv(0x77, writeSodCms(spec));
}
