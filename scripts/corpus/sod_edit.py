"""Reading and re-encoding EF.SOD / CMS SignedData for the corpus mutations.

Only the parts a mutation touches are re-encoded; everything else keeps its original bytes, so a
mutation outside the signed attributes leaves the real signature valid.
"""
from __future__ import annotations

import der

OID_SIGNED_DATA = '1.2.840.113549.1.7.2'


def unwrap(sod: bytes) -> bytes:
    """The ContentInfo inside the EF.SOD application tag 0x77 (or the bytes as they are)."""
    t = der.read_one(sod)
    return t.value if t.tag == 0x77 else sod


def wrap(content_info: bytes) -> bytes:
    return der.encode(0x77, content_info)


class SignedData:
    """SignedData split into its fields (raw TLVs), re-encoded with definite lengths."""

    def __init__(self, sod: bytes):
        ci = der.read_one(unwrap(sod))
        self.content_type = ci.children()[0].raw
        sd = ci.children()[1].children()[0]
        fields = sd.children()
        self.version, self.digest_algorithms, self.encap = fields[0].raw, fields[1].raw, fields[2].raw
        self.certificates: bytes | None = None
        self.crls: bytes | None = None
        for f in fields[3:-1]:
            if f.tag == 0xA0:
                self.certificates = f.raw
            elif f.tag == 0xA1:
                self.crls = f.raw
        self.signer_infos = [s.raw for s in fields[-1].children()]

    def certificate_list(self) -> list[bytes]:
        return [c.raw for c in der.read_one(self.certificates).children()] if self.certificates else []

    def encode(self) -> bytes:
        body = self.version + self.digest_algorithms + self.encap
        body += (self.certificates or b'') + (self.crls or b'')
        body += der.set_of(*self.signer_infos, sort=False)
        return wrap(der.seq(self.content_type, der.explicit(0, der.seq(body))))


def signer_fields(signer_info: bytes) -> list[bytes]:
    return [c.raw for c in der.read_one(signer_info).children()]


def replace_sid(signer_info: bytes, sid: bytes, version: int) -> bytes:
    fields = signer_fields(signer_info)
    fields[0] = der.integer(version)
    fields[1] = sid
    return der.seq(*fields)


def issuer_and_serial(signer_info: bytes) -> tuple[bytes, bytes]:
    sid = der.read_one(signer_fields(signer_info)[1]).children()
    return sid[0].raw, sid[1].raw


def certificate_parts(cert: bytes) -> dict[str, bytes]:
    tbs = der.read_one(cert).children()[0].children()
    offset = 1 if tbs[0].tag == 0xA0 else 0
    return {'serial': tbs[offset].raw, 'issuer': tbs[offset + 2].raw, 'subject': tbs[offset + 4].raw}


def extension(cert: bytes, oid: str) -> bytes | None:
    """The extnValue contents of an extension of a certificate, or None."""
    tbs = der.read_one(cert).children()[0]
    for field in tbs.children():
        if field.tag != 0xA3:
            continue
        for ext in field.children()[0].children():
            parts = ext.children()
            if der.decode_oid(parts[0].value) == oid:
                return parts[-1].value
    return None


def subject_key_identifier(cert: bytes) -> bytes:
    value = extension(cert, '2.5.29.14')
    if value is None:
        raise ValueError('certificate has no subjectKeyIdentifier')
    return der.read_one(value).value
