"""Minimal BER/DER reading and DER writing for the corpus scripts (Python 3 stdlib only).

Independent of the project's TypeScript parsers on purpose: the corpus expectations must not be
derived with the code they test.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Tlv:
    tag: int            # first identifier octet (class, constructed bit, low tag number)
    tag_bytes: bytes    # the whole identifier (multi-byte tags such as 5F1F or 7F61)
    header: bytes       # identifier + length octets
    value: bytes        # content octets (for indefinite length: without the end-of-contents)
    raw: bytes          # the whole element as encoded

    @property
    def constructed(self) -> bool:
        return bool(self.tag & 0x20)

    def children(self) -> list['Tlv']:
        return read_all(self.value)


def read_tlv(data: bytes, pos: int = 0) -> tuple[Tlv, int]:
    start = pos
    first = data[pos]
    pos += 1
    if first & 0x1F == 0x1F:
        while data[pos] & 0x80:
            pos += 1
        pos += 1
    tag_bytes = data[start:pos]
    length_byte = data[pos]
    pos += 1
    if length_byte == 0x80:  # BER indefinite length: read children up to 00 00
        value_start = pos
        while data[pos:pos + 2] != b'\x00\x00':
            _, pos = read_tlv(data, pos)
        value = data[value_start:pos]
        pos += 2
        return Tlv(first, tag_bytes, data[start:value_start], value, data[start:pos]), pos
    if length_byte & 0x80:
        n = length_byte & 0x7F
        length = int.from_bytes(data[pos:pos + n], 'big')
        pos += n
    else:
        length = length_byte
    header = data[start:pos]
    value = data[pos:pos + length]
    if len(value) != length:
        raise ValueError('truncated TLV')
    return Tlv(first, tag_bytes, header, value, data[start:pos + length]), pos + length


def read_one(data: bytes) -> Tlv:
    tlv, _ = read_tlv(data, 0)
    return tlv


def read_all(data: bytes) -> list[Tlv]:
    out, pos = [], 0
    while pos < len(data):
        tlv, pos = read_tlv(data, pos)
        out.append(tlv)
    return out


def length_octets(n: int) -> bytes:
    if n < 0x80:
        return bytes([n])
    body = n.to_bytes((n.bit_length() + 7) // 8, 'big')
    return bytes([0x80 | len(body)]) + body


def encode(tag: int | bytes, value: bytes) -> bytes:
    tag_bytes = bytes([tag]) if isinstance(tag, int) else tag
    return tag_bytes + length_octets(len(value)) + value


def seq(*items: bytes) -> bytes:
    return encode(0x30, b''.join(items))


def set_of(*items: bytes, sort: bool = True) -> bytes:
    return encode(0x31, b''.join(sorted(items) if sort else items))


def integer(n: int) -> bytes:
    length = max(1, (n.bit_length() + 8) // 8)
    return encode(0x02, n.to_bytes(length, 'big', signed=True))


def oid(dotted: str) -> bytes:
    parts = [int(p) for p in dotted.split('.')]
    body = bytearray()
    for i, arc in enumerate([parts[0] * 40 + parts[1]] + parts[2:]):
        chunk = [arc & 0x7F]
        arc >>= 7
        while arc:
            chunk.append(0x80 | (arc & 0x7F))
            arc >>= 7
        body.extend(reversed(chunk))
    return encode(0x06, bytes(body))


def decode_oid(value: bytes) -> str:
    arcs, n = [], 0
    for b in value:
        n = (n << 7) | (b & 0x7F)
        if not b & 0x80:
            arcs.append(n)
            n = 0
    first = min(arcs[0] // 40, 2)
    return '.'.join(str(a) for a in [first, arcs[0] - 40 * first] + arcs[1:])


def octet_string(b: bytes) -> bytes:
    return encode(0x04, b)


def bit_string(b: bytes) -> bytes:
    return encode(0x03, b'\x00' + b)


def null() -> bytes:
    return b'\x05\x00'


def printable(s: str) -> bytes:
    return encode(0x13, s.encode('ascii'))


def utf8(s: str) -> bytes:
    return encode(0x0C, s.encode('utf-8'))


def utc_time(s: str) -> bytes:
    """s as YYMMDDHHMMSSZ."""
    return encode(0x17, s.encode('ascii'))


def generalized_time(s: str) -> bytes:
    """s as YYYYMMDDHHMMSSZ."""
    return encode(0x18, s.encode('ascii'))


def explicit(n: int, value: bytes) -> bytes:
    return encode(0xA0 | n, value)


def implicit(n: int, value: bytes, constructed: bool = True) -> bytes:
    return encode((0xA0 if constructed else 0x80) | n, value)
