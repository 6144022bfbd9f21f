"""CMS SignedData as the corpus expectations need it: content, signer, signed attributes."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import der
from x509_read import parse_time

LDS_SECURITY_OBJECT = '2.23.136.1.1.1'
ID_DATA = '1.2.840.113549.1.7.1'
CONTENT_TYPE, MESSAGE_DIGEST, SIGNING_TIME = '1.2.840.113549.1.9.3', '1.2.840.113549.1.9.4', '1.2.840.113549.1.9.5'


@dataclass
class Signer:
    sid_kind: str                 # 'issuerAndSerial' | 'subjectKeyIdentifier'
    sid_issuer: bytes | None
    sid_serial: int | None
    sid_key_id: bytes | None
    digest_oid: str
    signed_attrs: bytes | None    # DER of the SET (tag 0x31) as signed
    attributes: dict[str, der.Tlv]
    signature_algorithm: bytes
    signature: bytes

    @property
    def signing_time(self) -> datetime | None:
        tlv = self.attributes.get(SIGNING_TIME)
        return parse_time(tlv) if tlv else None


@dataclass
class SignedData:
    content_info: bytes           # DER/BER of the ContentInfo (without the EF.SOD tag 0x77)
    econtent_type: str
    econtent: bytes | None
    certificates: list[bytes]
    signers: list[Signer]


def _signer(tlv: der.Tlv) -> Signer:
    f = tlv.children()
    sid = f[1]
    issuer = serial = key_id = None
    if sid.tag == 0x80:
        kind, key_id = 'subjectKeyIdentifier', sid.value
    else:
        kind = 'issuerAndSerial'
        issuer, serial = sid.children()[0].raw, int.from_bytes(sid.children()[1].value, 'big', signed=True)
    digest_oid = der.decode_oid(f[2].children()[0].value)
    rest = f[3:]
    signed_attrs, attributes = None, {}
    if rest[0].tag == 0xA0:
        signed_attrs = b'\x31' + rest[0].raw[1:] if rest[0].header[1:2] != b'\x80' else der.encode(0x31, rest[0].value)
        for attr in rest[0].children():
            parts = attr.children()
            attributes[der.decode_oid(parts[0].value)] = parts[1].children()[0]
        rest = rest[1:]
    return Signer(kind, issuer, serial, key_id, digest_oid, signed_attrs, attributes, rest[0].raw, rest[1].value)


def signed_data(data: bytes) -> SignedData:
    """Parses EF.SOD (tag 0x77), EF.CardSecurity or a master list; raises ValueError when malformed."""
    try:
        top = der.read_one(data)
        content_info = top.value if top.tag == 0x77 else data
        ci = der.read_one(content_info)
        if der.decode_oid(ci.children()[0].value) != '1.2.840.113549.1.7.2':
            raise ValueError('not signed data')
        fields = ci.children()[1].children()[0].children()
        eci = fields[2].children()
        econtent_type = der.decode_oid(eci[0].value)
        econtent = None
        if len(eci) > 1:
            octets = eci[1].children()[0]
            econtent = b''.join(c.value for c in octets.children()) if octets.constructed else octets.value
        certificates = []
        for f in fields[3:-1]:
            if f.tag == 0xA0:
                certificates = [c.raw for c in f.children() if c.tag == 0x30]
        signers = [_signer(s) for s in fields[-1].children()]
        return SignedData(content_info, econtent_type, econtent, certificates, signers)
    except (IndexError, ValueError, KeyError) as e:
        raise ValueError(f'malformed signed data: {e}') from e


def lds_hashes(econtent: bytes) -> tuple[str, dict[int, bytes]]:
    """LDSSecurityObject: (digest algorithm OID, data group number -> hash); ValueError if it is none."""
    try:
        top = der.read_one(econtent)
        if len(top.raw) != len(econtent):
            raise ValueError('trailing bytes after the LDSSecurityObject')
        so = top.children()
        algorithm = der.decode_oid(so[1].children()[0].value)
        hashes = {}
        for h in so[2].children():
            n, value = h.children()
            hashes[int.from_bytes(n.value, 'big')] = value.value
        return algorithm, hashes
    except (IndexError, ValueError) as e:
        raise ValueError(f'not an LDSSecurityObject: {e}') from e
