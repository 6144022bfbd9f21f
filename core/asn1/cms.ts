/**
 * CMS SignedData structure (RFC 5652) as used by EF.SOD, EF.CardSecurity and ICAO master lists.
 * Structure only — no crypto: core/trust verifies. BER is accepted (indefinite lengths, constructed
 * OCTET STRINGs), and every byte range needed for hashing is kept as read.
 */
import type { Tlv } from '../bytes/tlv.ts';
import { findChild, tlv } from '../bytes/tlv.ts';
import { parseAlgorithmIdentifier, type AlgorithmIdentifier } from './algorithms.ts';
import { OID } from './oids.ts';
import { parseName, type X500Name } from './name.ts';
import { asn1Error, expectTag, guard, integerValue, items, octetStringValue, oidValue, readWhole, smallInteger, timeValue } from './reader.ts';
import { isEidError } from '../errors.ts';

export type SignerIdentifier =
  | { readonly kind: 'issuerAndSerial'; readonly issuer: X500Name; readonly serialNumber: bigint }
  | { readonly kind: 'subjectKeyIdentifier'; readonly keyIdentifier: Uint8Array };

export interface Attribute {
  readonly oid: string;
  /** Encoded AttributeValue elements (the members of the SET). */
  readonly values: readonly Uint8Array[];
}

export interface SignerInfo {
  readonly version: number;
  readonly sid: SignerIdentifier;
  readonly digestAlgorithm: AlgorithmIdentifier;
  /** The [0] IMPLICIT signed attributes exactly as read (tag A0), or undefined. */
  readonly signedAttrsRaw: Uint8Array | undefined;
  /** What the signature covers (RFC 5652 5.4): the signed attributes with the tag changed to SET (0x31). */
  readonly signedAttrsForVerification: Uint8Array | undefined;
  readonly signedAttrs: readonly Attribute[];
  readonly signatureAlgorithm: AlgorithmIdentifier;
  readonly signature: Uint8Array;
}

export interface SignedData {
  readonly version: number;
  readonly digestAlgorithms: readonly AlgorithmIdentifier[];
  readonly eContentType: string;
  /** eContent bytes (OCTET STRING contents, chunks joined when BER-constructed); undefined when detached. */
  readonly eContent: Uint8Array | undefined;
  /** Each certificate exactly as encoded (X.509 Certificate DER). */
  readonly certificates: readonly Uint8Array[];
  /** Each CRL exactly as encoded. */
  readonly crls: readonly Uint8Array[];
  readonly signerInfos: readonly SignerInfo[];
}

/** Upper bounds against hostile input: a real SOD has one signer and one or two certificates. */
const MAX_SIGNERS = 16;
const MAX_CERTIFICATES = 4096; // master lists carry hundreds in the eContent, a few here
const MAX_ATTRIBUTES = 64;

/**
 * Parses a ContentInfo holding SignedData. Accepts the bytes of EF.SOD with its ICAO application
 * tag 0x77 wrapper too, so callers can pass a file as read.
 */
export function parseSignedData(bytes: Uint8Array): SignedData {
  return guard('CMS SignedData', () => {
    let outer = readWhole(bytes, 'ContentInfo');
    if (outer.tag === 0x77) {
      const inner = items(outer, 'EF.SOD', 0x77);
      if (inner.length !== 1) throw asn1Error('EF.SOD must hold exactly one ContentInfo');
      outer = inner[0]!;
    }
    const [contentType, content] = items(outer, 'ContentInfo');
    if (oidValue(contentType, 'ContentInfo contentType') !== OID.signedData) throw asn1Error('content is not CMS SignedData');
    const sd = items(expectTag(content, 0xa0, 'ContentInfo content'), 'ContentInfo content', 0xa0)[0];
    return parseSignedDataBody(sd);
  });
}

function parseSignedDataBody(t: Tlv | undefined): SignedData {
  const fields = items(t, 'SignedData');
  let i = 0;
  const version = smallInteger(fields[i++], 'SignedData version');
  const digestAlgorithms = items(fields[i++], 'SignedData digestAlgorithms', 0x31).map((a) => parseAlgorithmIdentifier(a, 'digest algorithm'));
  const encap = items(fields[i++], 'EncapsulatedContentInfo');
  const eContentType = oidValue(encap[0], 'eContentType');
  const eContentWrapper = findChild(encap, 0xa0);
  const eContent = eContentWrapper ? octetStringValue(items(eContentWrapper, 'eContent', 0xa0)[0], 'eContent') : undefined;
  let certificates: Uint8Array[] = [];
  let crls: Uint8Array[] = [];
  if (fields[i]?.tag === 0xa0) {
    certificates = items(fields[i++], 'certificates', 0xa0).map((c) => c.raw);
    if (certificates.length > MAX_CERTIFICATES) throw asn1Error('too many certificates');
  }
  if (fields[i]?.tag === 0xa1) crls = items(fields[i++], 'crls', 0xa1).map((c) => c.raw);
  const signerTlvs = items(fields[i++], 'SignerInfos', 0x31);
  if (signerTlvs.length > MAX_SIGNERS) throw asn1Error('too many signers');
  const signerInfos = signerTlvs.map(parseSignerInfo);
  return { version, digestAlgorithms, eContentType, eContent, certificates, crls, signerInfos };
}

function parseSignerInfo(t: Tlv): SignerInfo {
  const fields = items(t, 'SignerInfo');
  let i = 0;
  const version = smallInteger(fields[i++], 'SignerInfo version');
  const sid = parseSignerIdentifier(fields[i++]);
  const digestAlgorithm = parseAlgorithmIdentifier(fields[i++], 'SignerInfo digestAlgorithm');
  let signedAttrsRaw: Uint8Array | undefined;
  let signedAttrsForVerification: Uint8Array | undefined;
  let signedAttrs: Attribute[] = [];
  if (fields[i]?.tag === 0xa0) {
    const attrs = fields[i++]!;
    signedAttrsRaw = attrs.raw;
    signedAttrs = parseAttributes(attrs);
    signedAttrsForVerification = setTagged(attrs);
  }
  const signatureAlgorithm = parseAlgorithmIdentifier(fields[i++], 'SignerInfo signatureAlgorithm');
  const signature = octetStringValue(fields[i++], 'SignerInfo signature');
  return { version, sid, digestAlgorithm, signedAttrsRaw, signedAttrsForVerification, signedAttrs, signatureAlgorithm, signature };
}

/**
 * The signed attributes as the signer hashed them: same bytes with the tag A0 replaced by 0x31.
 * An indefinite-length encoding cannot be what was signed (DER is required), so it is re-encoded
 * definite from the original attribute bytes.
 */
function setTagged(attrs: Tlv): Uint8Array {
  if (attrs.raw[1] !== 0x80) {
    const out = Uint8Array.from(attrs.raw);
    out[0] = 0x31;
    return out;
  }
  return tlv(0x31, attrs.value);
}

function parseSignerIdentifier(t: Tlv | undefined): SignerIdentifier {
  if (t?.tag === 0x80) return { kind: 'subjectKeyIdentifier', keyIdentifier: t.value };
  const [issuer, serial] = items(t, 'SignerIdentifier');
  return { kind: 'issuerAndSerial', issuer: parseName(issuer, 'signer issuer'), serialNumber: integerValue(serial, 'signer serial number') };
}

function parseAttributes(t: Tlv): Attribute[] {
  const list = items(t, 'signed attributes', 0xa0);
  if (list.length > MAX_ATTRIBUTES) throw asn1Error('too many signed attributes');
  return list.map((a) => {
    const [type, values] = items(a, 'attribute');
    return { oid: oidValue(type, 'attribute type'), values: items(values, 'attribute values', 0x31).map((v) => v.raw) };
  });
}

/** The single value of a signed attribute, or undefined when absent; several values is malformed. */
export function attributeValue(signer: SignerInfo, oid: string): Uint8Array | undefined {
  const matches = signer.signedAttrs.filter((a) => a.oid === oid);
  if (matches.length === 0) return undefined;
  if (matches.length > 1 || matches[0]!.values.length !== 1) throw asn1Error(`signed attribute ${oid} must have exactly one value`);
  return matches[0]!.values[0];
}

/** contentType signed attribute as a dotted OID. */
export function signedContentType(signer: SignerInfo): string | undefined {
  const v = attributeValue(signer, OID.contentType);
  return v === undefined ? undefined : guard('contentType attribute', () => oidValue(readWhole(v, 'contentType'), 'contentType'));
}

/** messageDigest signed attribute (the OCTET STRING contents). */
export function signedMessageDigest(signer: SignerInfo): Uint8Array | undefined {
  const v = attributeValue(signer, OID.messageDigest);
  return v === undefined ? undefined : guard('messageDigest attribute', () => octetStringValue(readWhole(v, 'messageDigest'), 'messageDigest'));
}

/** signingTime signed attribute (RFC 5652 11.3), or undefined when absent or not a valid time. */
export function signedSigningTime(signer: SignerInfo): Date | undefined {
  try {
    const v = attributeValue(signer, OID.signingTime);
    return v === undefined ? undefined : timeValue(readWhole(v, 'signingTime'), 'signingTime');
  } catch (e) {
    // The time only dates the signature; an unreadable one counts as absent (docs/reference/trust.md).
    if (isEidError(e)) return undefined;
    throw e;
  }
}
