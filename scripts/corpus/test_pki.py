"""The constructed Utopia test PKI of the corpus: certificates, SODs and CRLs signed with the
committed test keys (RSA PKCS#1 v1.5, deterministic, so a rebuild gives the same bytes).

Only for the cases no public document covers (every validity combination, id-data with a valid
signature, a revoked Document Signer). Everything built here is marked "constructed".
"""
from __future__ import annotations

import hashlib
import subprocess
from pathlib import Path

import der

SHA256 = '2.16.840.1.101.3.4.2.1'
SHA256_RSA = '1.2.840.113549.1.1.11'
RSA_ALGORITHM = der.seq(der.oid(SHA256_RSA), der.null())
LDS_SECURITY_OBJECT = '2.23.136.1.1.1'
ID_DATA = '1.2.840.113549.1.7.1'


def sign(key: Path, data: bytes) -> bytes:
    return subprocess.run(['openssl', 'dgst', '-sha256', '-sign', str(key)], input=data, check=True, capture_output=True).stdout


def public_key_info(key: Path) -> bytes:
    return subprocess.run(['openssl', 'pkey', '-in', str(key), '-pubout', '-outform', 'DER'], check=True, capture_output=True).stdout


def name(*rdns: tuple[str, str]) -> bytes:
    """A Name from (attribute OID, value) pairs; countryName as PrintableString, the rest UTF8String."""
    out = []
    for attr, value in rdns:
        encoded = der.printable(value) if attr == '2.5.4.6' else der.utf8(value)
        out.append(der.set_of(der.seq(der.oid(attr), encoded)))
    return der.seq(*out)


def utopia_name(cn: str) -> bytes:
    return name(('2.5.4.6', 'UT'), ('2.5.4.10', 'Utopia Test PKI'), ('2.5.4.11', 'eID Terminal corpus (constructed)'), ('2.5.4.3', cn))


def key_identifier(spki: bytes) -> bytes:
    return hashlib.sha1(der.read_one(spki).children()[1].value[1:]).digest()


def _digits(iso: str) -> str:
    """YYYYMMDDHHMMSS from YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS."""
    digits = iso.replace('-', '').replace('T', '').replace(':', '')
    return digits + '000000'[: 14 - len(digits)]


def gtime(iso: str) -> bytes:
    """UTCTime, as RFC 5280 requires for 1950-2049."""
    return der.utc_time(_digits(iso)[2:] + 'Z')


def _ext(oid: str, value: bytes, critical: bool = False) -> bytes:
    return der.seq(der.oid(oid), *([b'\x01\x01\xff'] if critical else []), der.octet_string(value))


def certificate(*, serial: int, issuer: bytes, subject: bytes, not_before: str, not_after: str, spki: bytes,
                issuer_key: Path, issuer_spki: bytes, ca: bool, key_usage_period: tuple[str, str] | None = None) -> bytes:
    extensions = [
        _ext('2.5.29.15', der.encode(0x03, b'\x01\x06' if ca else b'\x07\x80'), critical=True),
        _ext('2.5.29.14', der.octet_string(key_identifier(spki))),
        _ext('2.5.29.35', der.seq(der.implicit(0, key_identifier(issuer_spki), constructed=False))),
    ]
    if ca:
        extensions.insert(0, _ext('2.5.29.19', der.seq(b'\x01\x01\xff', der.integer(0)), critical=True))
    if key_usage_period:
        start, end = ((_digits(t) + 'Z').encode() for t in key_usage_period)
        extensions.append(_ext('2.5.29.16', der.seq(der.implicit(0, start, constructed=False), der.implicit(1, end, constructed=False))))
    tbs = der.seq(
        der.explicit(0, der.integer(2)), der.integer(serial), RSA_ALGORITHM, issuer,
        der.seq(gtime(not_before), gtime(not_after)), subject, spki, der.explicit(3, der.seq(*extensions)),
    )
    return der.seq(tbs, RSA_ALGORITHM, der.bit_string(sign(issuer_key, tbs)))


def lds_security_object(data_groups: dict[int, bytes]) -> bytes:
    hashes = [der.seq(der.integer(n), der.octet_string(hashlib.sha256(b).digest())) for n, b in sorted(data_groups.items())]
    return der.seq(der.integer(0), der.seq(der.oid(SHA256)), der.seq(*hashes))


def sod(*, data_groups: dict[int, bytes], ds_cert: bytes, ds_key: Path, signing_time: str | None,
        content_type: str = LDS_SECURITY_OBJECT) -> bytes:
    content = lds_security_object(data_groups)
    attributes = [der.seq(der.oid('1.2.840.113549.1.9.3'), der.set_of(der.oid(content_type)))]
    if signing_time:
        attributes.append(der.seq(der.oid('1.2.840.113549.1.9.5'), der.set_of(gtime(signing_time))))
    attributes.append(der.seq(der.oid('1.2.840.113549.1.9.4'), der.set_of(der.octet_string(hashlib.sha256(content).digest()))))
    signed_attrs = der.set_of(*attributes)
    cert = der.read_one(ds_cert).children()[0].children()
    signer_info = der.seq(
        der.integer(1), der.seq(cert[3].raw, cert[1].raw), der.seq(der.oid(SHA256)),
        b'\xa0' + signed_attrs[1:], RSA_ALGORITHM, der.octet_string(sign(ds_key, signed_attrs)),
    )
    signed_data = der.seq(
        der.integer(3), der.set_of(der.seq(der.oid(SHA256))),
        der.seq(der.oid(content_type), der.explicit(0, der.octet_string(content))),
        der.implicit(0, ds_cert), der.set_of(signer_info),
    )
    return der.encode(0x77, der.seq(der.oid('1.2.840.113549.1.7.2'), der.explicit(0, signed_data)))


def crl(*, issuer: bytes, issuer_key: Path, issuer_spki: bytes, this_update: str, next_update: str,
        revoked: list[tuple[int, str]], number: int) -> bytes:
    fields = [der.integer(1), RSA_ALGORITHM, issuer, gtime(this_update), gtime(next_update)]
    if revoked:
        fields.append(der.seq(*(der.seq(der.integer(s), gtime(when)) for s, when in revoked)))
    fields.append(der.explicit(0, der.seq(
        _ext('2.5.29.35', der.seq(der.implicit(0, key_identifier(issuer_spki), constructed=False))),
        _ext('2.5.29.20', der.integer(number)),
    )))
    tbs = der.seq(*fields)
    return der.seq(tbs, RSA_ALGORITHM, der.bit_string(sign(issuer_key, tbs)))
