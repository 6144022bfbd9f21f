"""Reading certificates, CRLs and CMS SignedData for the corpus expectations (Python stdlib)."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timezone

import der

STRING_TAGS = {0x0C, 0x13, 0x14, 0x16, 0x1C, 0x1E}


def parse_time(tlv: der.Tlv) -> datetime:
    text = tlv.value.decode('ascii').rstrip('Z')
    if tlv.tag == 0x17:  # UTCTime: YY < 50 is 20YY (RFC 5280 4.1.2.5.1)
        text = ('19' if int(text[:2]) >= 50 else '20') + text
    return datetime.strptime(text[:14], '%Y%m%d%H%M%S').replace(tzinfo=timezone.utc)


def _string(tlv: der.Tlv) -> str:
    if tlv.tag == 0x1E:
        return tlv.value.decode('utf-16-be')
    if tlv.tag == 0x1C:
        return tlv.value.decode('utf-32-be')
    return tlv.value.decode('utf-8', errors='replace')


def _prepared(tlv: der.Tlv) -> object:
    """RFC 5280 7.1 / RFC 4518 string preparation, as far as names in the corpus need it:
    NFKC, case folding, leading/trailing spaces removed, inner runs of spaces folded."""
    if tlv.tag not in STRING_TAGS:
        return tlv.raw
    text = unicodedata.normalize('NFKC', _string(tlv)).casefold()
    return re.sub(r' +', ' ', text.strip())


def name_key(name: bytes) -> list[frozenset]:
    """A Name as a comparable value: RDNs in order, each a set of (type, prepared value)."""
    return [frozenset((der.decode_oid(a.children()[0].value), _prepared(a.children()[1])) for a in rdn.children())
            for rdn in der.read_one(name).children()]


def names_match(a: bytes, b: bytes) -> bool:
    return a == b or name_key(a) == name_key(b)


def name_text(name: bytes) -> str:
    short = {'2.5.4.6': 'C', '2.5.4.10': 'O', '2.5.4.11': 'OU', '2.5.4.3': 'CN', '2.5.4.5': 'serialNumber', '2.5.4.7': 'L', '2.5.4.8': 'ST',
             '1.2.840.113549.1.9.1': 'emailAddress'}
    parts = []
    for rdn in der.read_one(name).children():
        for a in rdn.children():
            o = der.decode_oid(a.children()[0].value)
            parts.append(f'{short.get(o, o)}={_string(a.children()[1])}')
    return ', '.join(parts)


@dataclass
class Certificate:
    raw: bytes
    serial: int
    issuer: bytes
    subject: bytes
    not_before: datetime
    not_after: datetime
    extensions: dict[str, bytes]

    @property
    def ski(self) -> bytes | None:
        v = self.extensions.get('2.5.29.14')
        return der.read_one(v).value if v else None

    @property
    def aki(self) -> bytes | None:
        v = self.extensions.get('2.5.29.35')
        if not v:
            return None
        return next((c.value for c in der.read_one(v).children() if c.tag == 0x80), None)

    @property
    def usage_period(self) -> tuple[datetime | None, datetime | None]:
        v = self.extensions.get('2.5.29.16')
        if not v:
            return None, None
        bounds = {c.tag & 0x1F: parse_time(der.Tlv(0x18, b'', b'', c.value, c.raw)) for c in der.read_one(v).children()}
        return bounds.get(0), bounds.get(1)

    @property
    def is_ca(self) -> bool:
        v = self.extensions.get('2.5.29.19')
        return bool(v) and any(c.tag == 0x01 and c.value == b'\xff' for c in der.read_one(v).children())

    @property
    def self_issued(self) -> bool:
        return names_match(self.issuer, self.subject)


def certificate(raw: bytes) -> Certificate:
    tbs = der.read_one(raw).children()[0].children()
    i = 1 if tbs[0].tag == 0xA0 else 0
    validity = tbs[i + 3].children()
    extensions = {}
    for field in tbs[i + 6:]:
        if field.tag == 0xA3:
            for ext in field.children()[0].children():
                parts = ext.children()
                extensions[der.decode_oid(parts[0].value)] = parts[-1].value
    return Certificate(raw, int.from_bytes(tbs[i].value, 'big', signed=True), tbs[i + 2].raw, tbs[i + 4].raw,
                       parse_time(validity[0]), parse_time(validity[1]), extensions)


def looks_like_certificate(raw: bytes) -> bool:
    try:
        top = der.read_one(raw)
        parts = top.children()
        return top.tag == 0x30 and len(parts) == 3 and parts[0].tag == 0x30 and parts[0].children()[0].tag in (0xA0, 0x02) \
            and any(c.tag == 0x30 and len(c.children()) == 2 and c.children()[0].tag in (0x17, 0x18) for c in parts[0].children())
    except (ValueError, IndexError):
        return False


@dataclass
class Crl:
    raw: bytes
    issuer: bytes
    this_update: datetime
    next_update: datetime | None
    revoked: set[int]


def crl(raw: bytes) -> Crl:
    tbs = der.read_one(raw).children()[0].children()
    i = 1 if tbs[0].tag == 0x02 else 0
    issuer = tbs[i + 1].raw
    this_update = parse_time(tbs[i + 2])
    rest = tbs[i + 3:]
    next_update = parse_time(rest[0]) if rest and rest[0].tag in (0x17, 0x18) else None
    revoked: set[int] = set()
    for field in rest:
        if field.tag == 0x30:
            revoked |= {int.from_bytes(e.children()[0].value, 'big', signed=True) for e in field.children()}
    return Crl(raw, issuer, this_update, next_update, revoked)
