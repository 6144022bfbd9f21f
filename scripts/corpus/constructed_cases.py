"""Constructed cases (Utopia test PKI, committed test keys): every combination of document, DS and
CSCA valid or expired at the verification date, DS not valid when it signed, a CSCA whose private
key usage period ended before the DS was issued, id-data with a valid signature, and revocation."""
from __future__ import annotations

from corpus_case import SOURCES, Case, trust_path
from specimen import com, dg1, td3_mrz
import test_pki as pki

KEYS = SOURCES / 'test-pki'
SIGNED_AT = '2025-06-01T10:00:00'
CONSTRUCTED = 'constructed (Utopia test PKI, scripts/corpus/test_pki.py)'


class Authority:
    def __init__(self, key: str, cn: str, not_before: str, not_after: str, serial: int, usage_period: tuple[str, str] | None = None):
        self.key = KEYS / f'{key}.key.pem'
        self.spki = pki.public_key_info(self.key)
        self.name = pki.utopia_name(cn)
        self.cert = pki.certificate(serial=serial, issuer=self.name, subject=self.name, not_before=not_before, not_after=not_after,
                                    spki=self.spki, issuer_key=self.key, issuer_spki=self.spki, ca=True, key_usage_period=usage_period)

    def document_signer(self, key: str, cn: str, not_before: str, not_after: str, serial: int,
                        usage_period: tuple[str, str] | None = None) -> 'Signer':
        signer_key = KEYS / f'{key}.key.pem'
        spki = pki.public_key_info(signer_key)
        cert = pki.certificate(serial=serial, issuer=self.name, subject=pki.utopia_name(cn), not_before=not_before, not_after=not_after,
                               spki=spki, issuer_key=self.key, issuer_spki=self.spki, ca=False, key_usage_period=usage_period)
        return Signer(cert, signer_key)


class Signer:
    def __init__(self, cert: bytes, key):
        self.cert, self.key = cert, key

    def dump(self, expiry: str, *, signing_time: str | None = SIGNED_AT, content_type: str = pki.LDS_SECURITY_OBJECT) -> dict:
        dg1_bytes = dg1(td3_mrz(expiry))
        sod = pki.sod(data_groups={1: dg1_bytes}, ds_cert=self.cert, ds_key=self.key, signing_time=signing_time, content_type=content_type)
        return {'COM.bin': (com(b'\x61'), CONSTRUCTED), 'DG1.bin': (dg1_bytes, f'{CONSTRUCTED}: ICAO specimen MRZ, expiry {expiry}'),
                'SOD.bin': (sod, f'{CONSTRUCTED}: signed by {"no signingTime" if signing_time is None else signing_time}')}


CSCA_A = Authority('csca-a', 'CSCA Utopia A', '2024-01-01', '2034-01-01', 0xA0)
CSCA_B = Authority('csca-b', 'CSCA Utopia B', '2020-01-01', '2030-01-01', 0xB0)
CSCA_C = Authority('csca-c', 'CSCA Utopia C', '2020-01-01', '2035-01-01', 0xC0, usage_period=('2020-01-01', '2022-12-31'))
DS_A1 = CSCA_A.document_signer('ds-a', 'DS Utopia A1', '2025-01-01', '2031-01-01', 0xA1, ('2025-01-01', '2025-12-31'))
DS_A2 = CSCA_A.document_signer('ds-b', 'DS Utopia A2 (issued after it signed)', '2026-01-01', '2032-01-01', 0xA2)
DS_A3 = CSCA_A.document_signer('ds-b', 'DS Utopia A3 (expired before it signed)', '2024-01-01', '2025-01-01', 0xA3)
DS_B1 = CSCA_B.document_signer('ds-b', 'DS Utopia B1', '2025-01-01', '2033-01-01', 0xB1, ('2025-01-01', '2025-12-31'))
DS_C1 = CSCA_C.document_signer('ds-a', 'DS Utopia C1', '2025-01-01', '2031-01-01', 0xC1)
LONG, SHORT = '360101', '280101'   # document expiry 2036-01-01 / 2028-01-01

TRUST = {
    'UTO-CSCA-A.cer': (CSCA_A.cert, f'{CONSTRUCTED}: CSCA A, 2024-01-01 .. 2034-01-01'),
    'UTO-CSCA-B.cer': (CSCA_B.cert, f'{CONSTRUCTED}: CSCA B, 2020-01-01 .. 2030-01-01'),
    'UTO-CSCA-C.cer': (CSCA_C.cert, f'{CONSTRUCTED}: CSCA C, 2020-01-01 .. 2035-01-01, private key usage period ends 2022-12-31'),
    'UTO-CRL-A-revokes-DS-A1.crl': (pki.crl(issuer=CSCA_A.name, issuer_key=CSCA_A.key, issuer_spki=CSCA_A.spki, this_update='2026-01-01',
                                            next_update='2027-01-01', revoked=[(0xA1, '2026-02-01')], number=2),
                                    f'{CONSTRUCTED}: CRL of CSCA A listing DS A1, 2026-01-01 .. 2027-01-01'),
    'UTO-CRL-A-empty.crl': (pki.crl(issuer=CSCA_A.name, issuer_key=CSCA_A.key, issuer_spki=CSCA_A.spki, this_update='2026-01-01',
                                    next_update='2027-01-01', revoked=[], number=1),
                            f'{CONSTRUCTED}: CRL of CSCA A listing nothing, 2026-01-01 .. 2027-01-01'),
}


def case(case_id: str, title: str, at: str, files: dict, trust: list[str], findings: list[str]) -> Case:
    return Case(case_id, 'UTO', title, 'constructed', at, files, [trust_path(t) for t in trust], findings)


def cases() -> list[Case]:
    a, b = ['UTO-CSCA-A.cer'], ['UTO-CSCA-B.cer']
    return [
        case('uto-all-valid', 'Document, DS and CSCA valid', '2026-06-01', DS_A1.dump(LONG), a, []),
        case('uto-ds-lapsed', 'DS expired at the verification date; document and CSCA valid', '2032-01-01', DS_A1.dump(LONG), a, ['F1']),
        case('uto-ds-csca-lapsed', 'DS and CSCA expired; document valid', '2035-01-01', DS_A1.dump(LONG), a, ['F1']),
        case('uto-csca-lapsed', 'CSCA expired; DS and document valid', '2031-01-01', DS_B1.dump(LONG), b, ['F1']),
        case('uto-document-expired', 'Document expired; DS and CSCA valid', '2029-01-01', DS_A1.dump(SHORT), a, ['F1']),
        case('uto-document-ds-expired', 'Document and DS expired; CSCA valid', '2032-01-01', DS_A1.dump(SHORT), a, ['F1']),
        case('uto-all-expired', 'Document, DS and CSCA expired', '2035-01-01', DS_A1.dump(SHORT), a, ['F1']),
        case('uto-document-csca-expired', 'Document and CSCA expired; DS valid', '2031-01-01', DS_B1.dump(SHORT), b, ['F1']),
        case('uto-ds-not-yet-valid-when-signed', 'SOD signed (signingTime) before the DS certificate became valid', '2026-06-01', DS_A2.dump(LONG), a, ['F1']),
        case('uto-ds-expired-when-signed', 'SOD signed (signingTime) after the DS certificate expired', '2026-06-01', DS_A3.dump(LONG), a, ['F1']),
        case('uto-no-signing-time-ds-lapsed', 'SOD without signingTime, DS expired at the verification date', '2032-01-01',
             DS_A1.dump(LONG, signing_time=None), a, ['F1']),
        case('uto-csca-key-usage-ended', 'DS issued after the CSCA private key usage period ended', '2026-06-01', DS_C1.dump(LONG), ['UTO-CSCA-C.cer'], ['F5']),
        case('uto-id-data', 'eContentType id-data with a valid signature (contentType attribute id-data)', '2026-06-01',
             DS_A1.dump(LONG, content_type=pki.ID_DATA), a, ['F2']),
        case('uto-revoked', 'DS listed on a current CRL of its CSCA', '2026-06-01', DS_A1.dump(LONG), a + ['UTO-CRL-A-revokes-DS-A1.crl'], []),
        case('uto-crl-good', 'Current CRL of the CSCA that does not list the DS', '2026-06-01', DS_A1.dump(LONG), a + ['UTO-CRL-A-empty.crl'], []),
    ]


def trust_files() -> dict:
    return dict(TRUST)
