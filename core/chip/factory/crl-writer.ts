/** X.509 v2 CRLs (RFC 5280 5.1) issued by a test CSCA, listing revoked Document Signers. */
import { bitString, explicit, integer, octetString, oid, sequence, time } from '../../bytes/der.ts';
import { tlv } from '../../bytes/tlv.ts';
import { OID } from '../../asn1/oids.ts';
import type { HashAlgorithm } from '../../crypto/node-crypto.ts';
import type { TestKey } from './keys.ts';
import { keyIdentifier, writeName, type DistinguishedName } from './x509-writer.ts';

export interface RevokedEntry {
  readonly serial: bigint;
  readonly revokedAt: Date;
}

export interface CrlSpec {
  readonly issuer: DistinguishedName;
  readonly issuerKey: TestKey;
  readonly hash: HashAlgorithm;
  readonly thisUpdate: Date;
  readonly nextUpdate: Date;
  readonly crlNumber: bigint;
  readonly revoked: readonly RevokedEntry[];
}

export function writeCrl(spec: CrlSpec): Uint8Array {
  const signatureAlgorithm = spec.issuerKey.signatureAlgorithm(spec.hash);
  const entries = spec.revoked.map((r) => sequence(integer(r.serial), time(r.revokedAt)));
  const extensions = sequence(
    sequence(oid(OID.authorityKeyIdentifier), octetString(sequence(tlv(0x80, keyIdentifier(spec.issuerKey.spkiDer))))),
    sequence(oid(OID.crlNumber), octetString(integer(spec.crlNumber))),
  );
  const tbs = sequence(
    integer(1),
    signatureAlgorithm,
    writeName(spec.issuer),
    time(spec.thisUpdate),
    time(spec.nextUpdate),
    ...(entries.length > 0 ? [sequence(...entries)] : []),
    explicit(0, extensions),
  );
  return sequence(tbs, signatureAlgorithm, bitString(spec.issuerKey.sign(tbs, spec.hash)));
}
