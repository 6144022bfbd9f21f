"""Specimen data groups for the corpus: fictional holders only (ICAO Doc 9303 specimen names).

The MRZ of ICAO Doc 9303 Part 4 (specimen "ERIKSSON, ANNA MARIA" of Utopia, passport L898902C3)
with the expiry date chosen per case; check digits computed as in Doc 9303 Part 3 §4.9.
"""
from __future__ import annotations

import der

_WEIGHTS = (7, 3, 1)


def check_digit(field: str) -> str:
    total = 0
    for i, ch in enumerate(field):
        value = 0 if ch == '<' else int(ch) if ch.isdigit() else ord(ch) - 55
        total += value * _WEIGHTS[i % 3]
    return str(total % 10)


def td3_mrz(expiry_yymmdd: str, state: str = 'UTO') -> str:
    line1 = f'P<{state}ERIKSSON<<ANNA<MARIA'.ljust(44, '<')
    number, birth, optional = 'L898902C3', '740812', 'ZE184226B<<<<<'
    fields = number + check_digit(number) + state + birth + check_digit(birth) + 'F' + expiry_yymmdd + check_digit(expiry_yymmdd)
    fields += optional + check_digit(optional)
    composite = number + check_digit(number) + birth + check_digit(birth) + expiry_yymmdd + check_digit(expiry_yymmdd) + optional + check_digit(optional)
    line2 = fields + check_digit(composite)
    assert len(line1) == 44 and len(line2) == 44
    return line1 + line2


def dg1(mrz: str) -> bytes:
    return der.encode(0x61, der.encode(b'\x5f\x1f', mrz.encode('ascii')))


def com(data_group_tags: bytes) -> bytes:
    """EF.COM of LDS 1.7 / Unicode 4.0.0 listing the given data group tags (0x61 = DG1 ...)."""
    return der.encode(0x60, der.encode(b'\x5f\x01', b'0107') + der.encode(b'\x5f\x36', b'040000') + der.encode(0x5C, data_group_tags))


# The published ICAO specimen passport (expired 2012-04-15), paired with real SODs whose own DG1 is
# personal data and not public: the DG1 hash check then fails for DG1 only.
ICAO_SPECIMEN_DG1 = dg1(td3_mrz('120415'))
