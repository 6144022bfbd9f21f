"""Expected results for one signed security object (EF.SOD or EF.CardSecurity): signature, DS
certificate, certificate path (chain model: judged when each certificate was used) and revocation."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

import cms_read
import der
import openssl_checks as ossl
from trust_read import Trust
from x509_read import Certificate, certificate, name_text, names_match


@dataclass
class Outcome:
    status: str
    reason: str | None = None
    detail: str | None = None


@dataclass
class SignedObject:
    data: cms_read.SignedData | None
    signature: Outcome
    chain: Outcome
    revocation: Outcome
    ds: Certificate | None = None
    issuer: Certificate | None = None
    warnings: list[str] = field(default_factory=list)
    derivation: list[str] = field(default_factory=list)


def _find_signer(sd: cms_read.SignedData, trust: Trust, log: list[str]) -> tuple[Certificate | None, bool]:
    """The DS certificate for the SignerInfo; True when it was taken as the SOD's only certificate
    although no identifier matched (allowed only if the signature then verifies)."""
    signer = sd.signers[0]
    embedded = [certificate(c) for c in sd.certificates]
    for cert in embedded + trust.document_signers:
        if signer.sid_kind == 'subjectKeyIdentifier' and cert.ski == signer.sid_key_id:
            log.append('signer identified by subjectKeyIdentifier')
            return cert, False
        if signer.sid_kind == 'issuerAndSerial' and cert.serial == signer.sid_serial and names_match(cert.issuer, signer.sid_issuer):
            how = 'byte-identical issuer' if cert.issuer == signer.sid_issuer else 'issuer equal under RFC 5280 name matching only'
            source = 'the SOD' if cert in embedded else 'an LDIF --trust file'
            log.append(f'signer identified by issuer and serial number ({how}), certificate from {source}')
            return cert, False
    if len(embedded) == 1:
        log.append('no certificate matches the signer identifier as RFC 5280 compares names; the SOD carries exactly one certificate')
        return embedded[0], True
    return None, False


def _signature(sd: cms_read.SignedData, ds: Certificate, log: list[str]) -> Outcome:
    signer = sd.signers[0]
    data = sd.econtent or b''
    if signer.signed_attrs is not None:
        content_type = signer.attributes.get(cms_read.CONTENT_TYPE)
        if content_type is None or der.decode_oid(content_type.value) != sd.econtent_type:
            return Outcome('FAIL', 'SIGNED_ATTRIBUTES_MISMATCH', 'signed contentType differs from eContentType')
        digest = ossl.digest(ossl.DIGESTS[signer.digest_oid], data)
        if signer.attributes.get(cms_read.MESSAGE_DIGEST) is None or signer.attributes[cms_read.MESSAGE_DIGEST].value != digest:
            return Outcome('FAIL', 'SIGNED_ATTRIBUTES_MISMATCH', 'messageDigest differs from the hash of eContent')
        data = signer.signed_attrs
    ok = ossl.verify_signature(ds.raw, signer.signature_algorithm, data, signer.signature, signer.digest_oid)
    log.append(f'openssl dgst -verify over the {"signed attributes" if signer.signed_attrs else "content"} with the DS key: {"OK" if ok else "fails"}')
    return Outcome('PASS') if ok else Outcome('FAIL', 'SIGNATURE_DOES_NOT_VERIFY', 'the signature does not verify with the DS key')


def _issuer(cert: Certificate, trust: Trust, intermediates: list[Certificate], depth: int = 0) -> tuple[Certificate | None, bool]:
    """(trusted certificate whose key signed `cert`, whether a candidate named by key id failed)."""
    named = [c for c in trust.cas if names_match(c.subject, cert.issuer) or (cert.aki is not None and c.ski == cert.aki)]
    named.sort(key=lambda c: not c.self_issued)
    for candidate in named:
        if ossl.certificate_signed_by(cert.raw, candidate.raw):
            return candidate, False
    for link in intermediates:
        if depth < 3 and link.raw != cert.raw and names_match(link.subject, cert.issuer) and ossl.certificate_signed_by(cert.raw, link.raw):
            found, _ = _issuer(link, trust, intermediates, depth + 1)
            if found:
                return found, False
    return None, any(cert.aki is not None and c.ski == cert.aki for c in named)


def _chain(sd: cms_read.SignedData, ds: Certificate, trust: Trust, log: list[str]) -> tuple[Outcome, Certificate | None]:
    intermediates = [certificate(c) for c in sd.certificates if c != ds.raw]
    issuer, key_id_failed = _issuer(ds, trust, intermediates)
    if issuer is None:
        if key_id_failed:
            return Outcome('FAIL', 'CHAIN_SIGNATURE_INVALID', 'a CSCA with the DS authority key identifier does not verify its signature'), None
        return Outcome('UNKNOWN_CSCA', 'UNKNOWN_CSCA', 'no trusted CSCA key verifies the DS certificate'), None
    log.append(f'DS signature verifies with "{name_text(issuer.subject)}" (openssl dgst -verify over tbsCertificate)')
    hop = ossl.openssl_hop(ds.raw, issuer.raw, ds.not_before)
    log.append(f'openssl verify -partial_chain -attime <DS notBefore {ds.not_before.isoformat()}>: {hop}')
    signed_at = sd.signers[0].signing_time
    if signed_at is not None and not (ds.not_before <= signed_at <= ds.not_after):
        return Outcome('FAIL', 'DS_NOT_VALID_WHEN_SIGNED', f'signingTime {signed_at.isoformat()} outside the DS validity'), issuer
    log.append(f'signingTime {signed_at.isoformat()} within the DS validity' if signed_at else 'no signingTime: the DS is judged within its own validity')
    if not (issuer.not_before <= ds.not_before <= issuer.not_after):
        return Outcome('FAIL', 'CSCA_NOT_VALID_WHEN_DS_ISSUED', 'the CSCA was not valid when it issued the DS'), issuer
    start, end = issuer.usage_period
    if (start and ds.not_before < start) or (end and ds.not_before > end):
        return Outcome('FAIL', 'CSCA_KEY_USAGE_PERIOD', 'the DS was issued outside the CSCA private key usage period'), issuer
    if 'certificate has expired' in hop or 'not yet valid' in hop:
        raise SystemExit(f'openssl disagrees on the CSCA dates: {hop}')
    return Outcome('PASS', detail=name_text(issuer.subject)), issuer


def _revocation(ds: Certificate, issuer: Certificate, trust: Trust, at: datetime, log: list[str]) -> Outcome:
    crls = [c for c in trust.crls if names_match(c.issuer, issuer.subject) and ossl.crl_signed_by(c.raw, issuer.raw)]
    current = [c for c in crls if c.this_update <= at and (c.next_update is None or at <= c.next_update)]
    # A revocation does not lapse: any CRL of the CSCA whose signature verifies counts, current or not.
    if any(ds.serial in c.revoked for c in crls):
        log.append('a CRL of the CSCA (signature verified with openssl) lists the DS serial number')
        return Outcome('REVOKED', 'REVOKED')
    if current:
        log.append('a current CRL of the CSCA (signature verified with openssl) does not list the DS')
        return Outcome('GOOD')
    return Outcome('UNKNOWN', 'CRL_STALE' if crls else 'NO_CRL')


def analyse(raw: bytes, trust: Trust, at: datetime) -> SignedObject:
    log: list[str] = []
    not_checked = Outcome('UNKNOWN', 'NOT_CHECKED')
    try:
        sd = cms_read.signed_data(raw)
    except ValueError as e:
        return SignedObject(None, Outcome('FAIL', 'SOD_MALFORMED', str(e)), Outcome('UNKNOWN_CSCA', 'UNKNOWN_CSCA'), not_checked, derivation=[str(e)])
    if len(sd.signers) != 1:
        return SignedObject(sd, Outcome('FAIL', 'SOD_MALFORMED', 'not exactly one signer'), Outcome('UNKNOWN_CSCA', 'UNKNOWN_CSCA'), not_checked)
    ds, fallback = _find_signer(sd, trust, log)
    if ds is None:
        return SignedObject(sd, Outcome('FAIL', 'SIGNER_CERTIFICATE_MISSING'), Outcome('UNKNOWN_CSCA', 'UNKNOWN_CSCA'), not_checked, derivation=log)
    signature = _signature(sd, ds, log)
    warnings = []
    if fallback:
        if signature.status != 'PASS':
            return SignedObject(sd, Outcome('FAIL', 'SIGNER_CERTIFICATE_MISSING'), Outcome('UNKNOWN_CSCA', 'UNKNOWN_CSCA'), not_checked, derivation=log)
        warnings.append('SIGNER_ID_MISMATCH')
    extra = [ds.raw] if ds.raw not in sd.certificates else []
    cms = ossl.openssl_cms(sd.content_info, extra)
    log.append(f'openssl cms -verify -binary -noverify: {cms}')
    if (cms == 'OK') != (signature.status == 'PASS') and not (fallback or 'RFC 5280' in ' '.join(log)):
        raise SystemExit(f'openssl cms ({cms}) and the signature check ({signature.status}) disagree')
    chain, issuer = _chain(sd, ds, trust, log)
    revocation = _revocation(ds, issuer, trust, at, log) if chain.status == 'PASS' and issuer else not_checked
    return SignedObject(sd, signature, chain, revocation, ds, issuer, warnings, log)
