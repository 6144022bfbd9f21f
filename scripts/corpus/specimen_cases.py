"""Corpus cases from published test documents (fictional holders): the BSI TR-03105-5 reference data
set, the BSI 2008 sample, the ETSI ePassport prototype and the Dutch 2006 specimen, with the negative
variants published upstream and a few mutations made here."""
from __future__ import annotations

from corpus_case import Case, source

HJP_DATE = '2014-06-01'      # DS "HJP PB DS" valid 2013-12-16 .. 2014-12-11, document valid to 2023-10-31
ETSI_DATE = '2012-01-15'     # DS "ETSI DS" valid 2011-06-12 .. 2012-06-06, document valid to 2013-10-31
NL_DATE = '2007-06-01'       # DS "DS Test" (Sdu) valid 2006-09-25 .. 2011-10-04, document valid to 2011-10-01
BSI2008_DATE = '2008-06-01'  # DS of "CSCA BDR TEST 19.09.07" valid 2008-01-28 .. 2009-01-27
LATER = '2026-12-01'

HJP = {
    'COM.bin': source('zienit/EF_COM.bin'), 'SOD.bin': source('zienit/EF_SOD.bin'), 'DG1.bin': source('zienit/Datagroup1.bin'),
    'DG2.bin': source('jmrtd/bsi2008/Datagroup2.bin'), 'DG3.bin': source('jmrtd/bsi2008/Datagroup3.bin'),
    'DG4.bin': source('jmrtd/bsi2008/Datagroup4.bin'), 'DG14.bin': source('zienit/Datagroup14.bin'),
}
ETSI = {
    'SOD.bin': source('pymrtd/ETSI.SOD'), 'DG1.bin': source('jmrtd/bsi2008/Datagroup1.bin'),
    'DG2.bin': source('jmrtd/bsi2008/Datagroup2.bin'), 'DG3.bin': source('jmrtd/bsi2008/Datagroup3.bin'),
    'DG4.bin': source('jmrtd/bsi2008/Datagroup4.bin'), 'DG14.bin': source('pymrtd/ETSI.DG14'), 'DG15.bin': source('pymrtd/ETSI.DG15'),
}
NL = {
    'COM.bin': source('jmrtd/loes2006/ef011E.bin'), 'SOD.bin': source('jmrtd/loes2006/ef011D.bin'),
    'DG1.bin': source('jmrtd/loes2006/ef0101.bin'), 'DG2.bin': source('jmrtd/loes2006/ef0102.bin'), 'DG15.bin': source('jmrtd/loes2006/ef010F.bin'),
}
PYMRTD = 'pymrtd tests/ef/sod_test.py'


def pick(files: dict, *names: str, **replace: tuple[bytes, str]) -> dict:
    out = {n: files[n] for n in names}
    out.update({k.replace('_', '.'): v for k, v in replace.items()})
    return out


def last_byte_changed(file: tuple[bytes, str]) -> tuple[bytes, str]:
    data, origin = file
    return data[:-1] + bytes([(data[-1] + 1) % 256]), f'mutation of {origin}: last byte + 1'


def cases() -> list[Case]:
    return [
        Case('de-bsi-reference-2014', 'DE', 'BSI TR-03105-5 reference data set (HJP test PKI): full dump, verified while the DS was valid', 'specimen', HJP_DATE,
             dict(HJP), [], [], f'{PYMRTD} test_sod: SOD signature verifies; DG1 and DG14 hashes match', {'sodSignature': 'PASS'}),
        Case('de-bsi-reference-2026', 'DE', 'BSI TR-03105-5 reference data set: the same dump in 2026 (DS and document expired, CSCA unknown)', 'specimen', LATER,
             dict(HJP), [], ['F1']),
        Case('de-bsi-reference-no-dg1', 'DE', 'BSI TR-03105-5 reference data set: SOD with DG2, DG3 and DG14, no DG1', 'specimen', HJP_DATE,
             pick(HJP, 'SOD.bin', 'DG2.bin', 'DG3.bin', 'DG14.bin'), [], ['F4']),
        Case('de-bsi-reference-dg15-not-in-sod', 'DE', 'BSI TR-03105-5 reference data set with its DG15, which the SOD does not list', 'published-negative', HJP_DATE,
             pick(HJP, 'SOD.bin', 'DG1.bin', 'DG14.bin', DG15_bin=source('zienit/Datagroup15.bin')), [], [],
             f'{PYMRTD} test_sod: ldsSecurityObject.contains(DG15) is False', {'dataGroupHashes': 'FAIL'}),
        Case('de-bsi-reference-id-data', 'DE', 'BSI TR-03105-5 SOD re-encoded by pymrtd with eContentType id-data (signed attributes changed, signature invalid)', 'published-negative', HJP_DATE,
             pick(HJP, 'DG1.bin', 'DG14.bin', SOD_bin=source('pymrtd/HJP.SOD.id-data')), [], ['F2'],
             f'{PYMRTD} test_sod: parses in relaxed mode, DG1/DG14 hashes match, signature check skipped "because signed attributes for content_type was changed"', {'dataGroupHashes': 'PASS'}),
        Case('de-bsi-reference-dg13-injected', 'DE', 'BSI TR-03105-5 reference data set with an injected DG13 the SOD does not list', 'mutation', HJP_DATE,
             pick(HJP, 'SOD.bin', 'DG1.bin', 'DG14.bin', DG13_bin=source('gmrtd/DG13.injected')), [], [],
             'mirrors gmrtd TestPassiveAuthInjectedDgError (same injected DG13 bytes): passive authentication must fail', {'passiveAuthentication': 'FAIL'}),
        Case('de-bsi-reference-dg2-corrupted', 'DE', 'BSI TR-03105-5 reference data set with the last byte of DG2 changed', 'mutation', HJP_DATE,
             pick(HJP, 'SOD.bin', 'DG1.bin', DG2_bin=last_byte_changed(HJP['DG2.bin'])), [], [],
             'mirrors gmrtd TestPassiveAuthImportedDocBadDG2 (DG2 corrupted by changing its last byte)', {'dataGroupHashes': 'FAIL'}),
        Case('de-bsi-2008-full', 'DE', 'BSI 2008 sample (Bundesdruckerei test CSCA, ECDSA SHA-1): full dump', 'specimen', BSI2008_DATE,
             {'COM.bin': source('jmrtd/bsi2008/EF_COM.bin'), 'SOD.bin': source('jmrtd/bsi2008/EF_SOD.bin'),
              'DG1.bin': source('jmrtd/bsi2008/Datagroup1.bin'), 'DG2.bin': source('jmrtd/bsi2008/Datagroup2.bin'),
              'DG3.bin': source('jmrtd/bsi2008/Datagroup3.bin'), 'DG14.bin': source('jmrtd/bsi2008/Datagroup14.bin')}, [], []),
        Case('etsi-full', 'DE', 'ETSI ePassport prototype (TR 103 200): full dump DG1-4, DG14, DG15', 'specimen', ETSI_DATE,
             dict(ETSI), [], [], f'{PYMRTD} test_sod: SOD signature verifies, DG1/DG14/DG15 hashes match', {'sodSignature': 'PASS', 'dataGroupHashes': 'PASS'}),
        Case('etsi-dg1-hash-edited', 'DE', 'ETSI prototype: DG1 hash in the SOD edited (...F6)', 'published-negative', ETSI_DATE,
             pick(ETSI, 'DG1.bin', SOD_bin=source('pymrtd/ETSI.SOD.dg1-hash-edited')), [], [],
             f'{PYMRTD} test_fuzz_sod: "Content digest doesn\'t match signed digest"; DG1 not contained', {'sodSignature': 'FAIL', 'dataGroupHashes': 'FAIL'}),
        Case('etsi-signature-flipped', 'DE', 'ETSI prototype: last signature byte changed 5C -> 5D', 'published-negative', ETSI_DATE,
             pick(ETSI, 'DG1.bin', SOD_bin=source('pymrtd/ETSI.SOD.signature-last-byte-5D')), [], [],
             f'{PYMRTD} test_fuzz_sod: "Signature verification failed"; DG1 contained', {'sodSignature': 'FAIL', 'dataGroupHashes': 'PASS'}),
        Case('etsi-dg14-hash-edited', 'DE', 'ETSI prototype: DG14 hash in the SOD edited', 'published-negative', ETSI_DATE,
             pick(ETSI, 'DG1.bin', 'DG14.bin', SOD_bin=source('pymrtd/ETSI.SOD.dg14-hash-edited')), [], [],
             f'{PYMRTD} test_fuzz_sod: "Content digest doesn\'t match signed digest"; DG14 not contained', {'sodSignature': 'FAIL', 'dataGroupHashes': 'FAIL'}),
        Case('etsi-mrz-country-changed', 'DE', 'ETSI prototype: MRZ issuing state in DG1 changed (D -> SU)', 'published-negative', ETSI_DATE,
             pick(ETSI, 'SOD.bin', DG1_bin=source('pymrtd/ETSI.DG1.country-changed')), [], [],
             f'{PYMRTD} test_fuzz_sod: DG1 not contained, SOD signature still verifies', {'sodSignature': 'PASS', 'dataGroupHashes': 'FAIL'}),
        Case('etsi-dg15-key-changed', 'DE', 'ETSI prototype: DG15 public exponent changed 010001 -> 010002', 'published-negative', ETSI_DATE,
             pick(ETSI, 'SOD.bin', 'DG1.bin', DG15_bin=source('pymrtd/ETSI.DG15.exponent-changed')), [], [],
             f'{PYMRTD} test_fuzz_sod: DG15 not contained, SOD signature still verifies', {'sodSignature': 'PASS', 'dataGroupHashes': 'FAIL'}),
        Case('nl-specimen-2006', 'NL', 'Netherlands 2006 specimen passport (Sdu test PKI): full dump', 'specimen', NL_DATE, dict(NL), [], []),
        Case('nl-specimen-2006-lapsed', 'NL', 'Netherlands 2006 specimen verified in 2026: DS and document expired, CSCA unknown', 'specimen', LATER, dict(NL), [], ['F1']),
        Case('nl-specimen-no-sod', 'NL', 'Netherlands 2006 specimen without EF.SOD', 'mutation', NL_DATE, pick(NL, 'COM.bin', 'DG1.bin', 'DG2.bin'), [], ['F5']),
    ]
