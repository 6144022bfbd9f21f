"""The trust material of a case (--trust paths): CSCA and link certificates, master lists, LDIF
(DS certificates, CSCAs, CRLs) and CRLs, read and checked independently of the project."""
from __future__ import annotations

import base64
import os
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import cms_read
import der
import openssl_checks as ossl
from corpus_case import REALDATA, REPO
from x509_read import Certificate, Crl, certificate, crl, looks_like_certificate, name_text

CSCA_MASTER_LIST = '2.23.136.1.1.2'


class TrustFileError(Exception):
    pass


@dataclass
class Trust:
    cas: list[Certificate] = field(default_factory=list)
    document_signers: list[Certificate] = field(default_factory=list)
    crls: list[Crl] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def resolve(path: str) -> Path:
    """A repository-relative trust path. fixtures/realdata/... is read from the repository unless
    EID_REALDATA names another copy of that folder (to derive expectations against a newer one)."""
    override = os.environ.get('EID_REALDATA')
    if override and path.startswith(REALDATA + '/'):
        return Path(override) / path[len(REALDATA) + 1:]
    return REPO / path


def _master_list(data: bytes, at: datetime, trust: Trust, label: str) -> None:
    sd = cms_read.signed_data(data)
    if sd.econtent_type != CSCA_MASTER_LIST or sd.econtent is None:
        raise TrustFileError(f'{label}: signed data that is not a CSCA master list')
    if ossl.openssl_cms(sd.content_info, []) != 'OK':
        raise TrustFileError(f'{label}: master list signature does not verify')
    signer = certificate(sd.certificates[0]) if len(sd.certificates) == 1 else None
    if signer is None:
        for raw in sd.certificates:
            c = certificate(raw)
            if not c.is_ca:
                signer = c
    listed = [certificate(c.raw) for c in der.read_one(sd.econtent).children()[1].children()]
    if signer is None or not (signer.not_before <= at <= signer.not_after):
        raise TrustFileError(f'{label}: master list signer certificate not valid at {at.date().isoformat()}')
    if not any(ossl.certificate_signed_by(signer.raw, c.raw) for c in listed if c.subject == signer.issuer or c.ski == signer.aki):
        raise TrustFileError(f'{label}: master list signer does not chain to a CSCA in the list')
    trust.cas.extend(listed)
    trust.notes.append(f'{label}: master list signature verified (openssl cms -verify), signer "{name_text(signer.subject)}" '
                       f'valid {signer.not_before.date()} .. {signer.not_after.date()}, {len(listed)} certificates')


def _ldif(text: str, trust: Trust) -> None:
    unfolded = text.replace('\r\n', '\n').replace('\n ', '')
    for line in unfolded.split('\n'):
        m = re.match(r'^([A-Za-z;]+):: (.*)$', line)
        if not m:
            continue
        attribute, value = m.group(1).lower().split(';')[0], base64.b64decode(m.group(2))
        if attribute == 'usercertificate':
            trust.document_signers.append(certificate(value))
        elif attribute == 'cacertificate':
            trust.cas.append(certificate(value))
        elif attribute in ('certificaterevocationlist', 'authorityrevocationlist'):
            trust.crls.append(crl(value))


def _file(path: Path, at: datetime, trust: Trust) -> None:
    data, label = path.read_bytes(), path.name
    if data.lstrip().startswith(b'-----BEGIN'):
        for kind, body in re.findall(rb'-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END', data, re.S):
            raw = base64.b64decode(b''.join(body.split()))
            (trust.crls.append(crl(raw)) if b'CRL' in kind else trust.cas.append(certificate(raw)))
    elif re.match(rb'^\s*(version:\s*\d+\s*)?dn:', data[:200]):
        _ldif(data.decode('utf-8'), trust)
    elif looks_like_certificate(data):
        trust.cas.append(certificate(data))
    else:
        try:
            trust.crls.append(crl(data))
            return
        except (ValueError, IndexError):
            pass
        _master_list(data, at, trust, label)


def load(paths: list[str], at: datetime) -> Trust:
    trust = Trust()
    for p in paths:
        path = resolve(p)
        files = sorted(f for f in path.iterdir() if f.is_file()) if path.is_dir() else [path]
        for f in files:
            _file(f, at, trust)
    return trust
