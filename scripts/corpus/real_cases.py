"""Corpus cases built from genuine SODs of issuing states (with their CSCAs), without personal data:
the dumps hold the SOD (and EF.CardSecurity), at most a specimen DG1 of a fictional holder."""
from __future__ import annotations

import der
import sod_edit
from corpus_case import DE_MASTER_LIST, IDN_CSCA_SERIES, Case, source, source_path, trust_path
from specimen import ICAO_SPECIMEN_DG1

SPECIMEN_DG1 = (ICAO_SPECIMEN_DG1, 'constructed: ICAO Doc 9303-4 specimen MRZ (ERIKSSON ANNA MARIA, UTO, expires 2012-04-15)')
TODAY = '2026-12-01'
GMRTD_PA = 'gmrtd TestPassiveAuth (passiveauth/passive_auth_test.go) expects passive authentication to succeed against its master list'
PA_OK = {'sodSignature': 'PASS', 'certificateChain': 'PASS'}
PA_FAILS = {'passiveAuthentication': 'FAIL'}


def csca(state: str) -> str:
    return source_path(f'gmrtd/{state}.CSCA.cer')


def sod_only(state: str, title: str, *, case_id: str | None = None, at: str = TODAY, findings: list[str] | None = None, notes: str = '') -> Case:
    return Case(case_id or f'{state.lower()}-sod-only', state, title, 'real', at,
                {'SOD.bin': source(f'gmrtd/{state}.SOD')}, [csca(state)], ['F4'] + (findings or []), GMRTD_PA, PA_OK, notes)


def with_specimen_dg1(state: str, title: str) -> Case:
    return Case(f'{state.lower()}-specimen-dg1', state, title, 'real', TODAY,
                {'SOD.bin': source(f'gmrtd/{state}.SOD'), 'DG1.bin': SPECIMEN_DG1}, [csca(state)], [], GMRTD_PA, PA_OK,
                'The SOD is genuine, its DG1 is not public: the specimen DG1 must fail its hash, and only DG1.')


def _edited_sod(path: str, edit) -> bytes:
    sd = sod_edit.SignedData(source(path)[0])
    edit(sd)
    return sd.encode()


def _without_certificates(sd: sod_edit.SignedData) -> None:
    sd.certificates = None


def _ski_signer(sd: sod_edit.SignedData) -> None:
    ski = sod_edit.subject_key_identifier(sd.certificate_list()[0])
    sd.signer_infos[0] = sod_edit.replace_sid(sd.signer_infos[0], der.implicit(0, ski, constructed=False), 3)


def _reversed_issuer(sd: sod_edit.SignedData) -> None:
    issuer, serial = sod_edit.issuer_and_serial(sd.signer_infos[0])
    rdns = [r.raw for r in der.read_one(issuer).children()]
    sd.signer_infos[0] = sod_edit.replace_sid(sd.signer_infos[0], der.seq(der.seq(*reversed(rdns)), serial), 1)


def _case_and_space_issuer(sd: sod_edit.SignedData) -> None:
    """RFC 5280 7.1 / RFC 4518: case and insignificant spaces do not distinguish names."""
    issuer, serial = sod_edit.issuer_and_serial(sd.signer_infos[0])
    rdns = []
    for rdn in der.read_one(issuer).children():
        attr = rdn.children()[0].children()
        value = attr[1].value.decode('utf-8')
        value = {'Department of State': 'DEPARTMENT OF STATE', 'U.S. Government': 'U.S.  Government'}.get(value, value)
        rdns.append(der.set_of(der.seq(attr[0].raw, der.encode(attr[1].tag, value.encode('utf-8')))))
    sd.signer_infos[0] = sod_edit.replace_sid(sd.signer_infos[0], der.seq(der.seq(*rdns), serial), 1)


def fr_ds_ldif() -> bytes:
    """An ICAO PKD style LDIF entry (collection 001, o=dsc) with the French DS certificate."""
    import base64
    ds = sod_edit.SignedData(source('gmrtd/FR.SOD')[0]).certificate_list()[0]
    serial = der.read_one(sod_edit.certificate_parts(ds)['serial']).value.hex().upper()
    b64 = base64.b64encode(ds).decode()
    folded = '\n '.join([b64[:58]] + [b64[i:i + 75] for i in range(58, len(b64), 75)])
    dn = f'cn=CN\\=HSM-DS2\\,OU\\=Document Signer\\,O\\=Gouv\\,C\\=FR+sn={serial},o=dsc,c=FR,dc=data,dc=download,dc=pkd,dc=icao,dc=int'
    return (f'version: 1\n\ndn: {dn}\npkdVersion: 1\nsn: {serial}\ncn: CN=HSM-DS2,OU=Document Signer,O=Gouv,C=FR\n'
            f'objectClass: top\nobjectClass: person\nobjectClass: pkdDownload\nobjectClass: inetOrgPerson\n'
            f'userCertificate;binary:: {folded}\n\n').encode('ascii')


def cases() -> list[Case]:
    out = [
        sod_only('AT', 'Austria: genuine SOD only (ECDSA brainpoolP256r1 with explicit parameters, SHA-256)'),
        with_specimen_dg1('AU', 'Australia: genuine SOD with a specimen DG1'),
        sod_only('CN', 'China: genuine SOD whose eContentType is id-data (1.2.840.113549.1.7.1)', findings=['F2']),
        with_specimen_dg1('CN', 'China: id-data SOD with a specimen DG1 (the hash check must run)'),
        sod_only('FR', 'France: genuine SOD only (RSA, SHA-256)'),
        with_specimen_dg1('FR', 'France: genuine SOD with a specimen DG1'),
        sod_only('GB', 'United Kingdom: genuine SOD only (ECDSA P-256 explicit parameters)'),
        sod_only('GB', 'United Kingdom: verified after the DS certificate lapsed (2032-06-01), CSCA still valid', case_id='gb-ds-lapsed', at='2032-07-01', findings=['F1']),
        sod_only('AT', 'Austria: verified after the CSCA lapsed (2030-01-05), DS still valid', case_id='at-csca-lapsed', at='2031-06-01', findings=['F1']),
        sod_only('MY', 'Malaysia: SignerInfo issuer lists the attributes of the DS issuer in another order', findings=['F3']),
        sod_only('NZ', 'New Zealand: genuine SOD in BER indefinite-length encoding'),
        sod_only('PH', 'Philippines: genuine SOD only (RSASSA-PSS)'),
        with_specimen_dg1('PH', 'Philippines: genuine SOD with a specimen DG1'),
        sod_only('RU', 'Russia: genuine SOD only (ecdsa-with-SHA1, explicit parameters)'),
        sod_only('US', 'United States: genuine SOD only (RSA 2048, SHA-256)'),
        with_specimen_dg1('US', 'United States: genuine SOD with a specimen DG1'),
        Case('de-sod-cardsecurity', 'DE', 'Germany: genuine SOD and EF.CardSecurity (brainpoolP384r1 explicit, SHA-512)', 'real', TODAY,
             {'SOD.bin': source('gmrtd/DE.SOD'), 'CardSecurity.bin': source('gmrtd/DE.CardSecurity')}, [csca('DE')], ['F4'], GMRTD_PA, PA_OK),
        Case('fi-sod-cardsecurity', 'FI', 'Finland: genuine SOD and EF.CardSecurity (brainpoolP512r1 explicit, SHA-512)', 'real', TODAY,
             {'SOD.bin': source('gmrtd/FI.SOD'), 'CardSecurity.bin': source('gmrtd/FI.CardSecurity')}, [csca('FI')], ['F4'], GMRTD_PA, PA_OK),
        Case('de-sod-corrupted', 'DE', 'Germany: SOD with its last signature byte changed (C7 -> C8)', 'published-negative', TODAY,
             {'SOD.bin': source('gmrtd/DE.SOD.last-byte-C8'), 'CardSecurity.bin': source('gmrtd/DE.CardSecurity')}, [csca('DE')], [],
             'gmrtd TestPassiveAuthErrors (passiveauth/passive_auth_test.go): passive authentication must fail', PA_FAILS),
        Case('de-cardsecurity-corrupted', 'DE', 'Germany: EF.CardSecurity with its last byte changed (99 -> 98)', 'published-negative', TODAY,
             {'SOD.bin': source('gmrtd/DE.SOD'), 'CardSecurity.bin': source('gmrtd/DE.CardSecurity.last-byte-98')}, [csca('DE')], [],
             'gmrtd TestPassiveAuthErrors: passive authentication must fail', PA_FAILS),
        Case('de-no-sod', 'DE', 'Germany: EF.CardSecurity without EF.SOD', 'published-negative', TODAY,
             {'CardSecurity.bin': source('gmrtd/DE.CardSecurity')}, [csca('DE')], ['F5'],
             'gmrtd TestPassiveAuthErrors ("valid data, but with missing SOD"): passive authentication must not succeed', PA_FAILS),
        Case('gb-econtenttype-changed', 'GB', 'United Kingdom: SOD eContentType changed to 2.23.136.2.2.2 (signature no longer matches)', 'published-negative', TODAY,
             {'SOD.bin': source('gmrtd/GB.SOD.econtenttype-2.23.136.2.2.2')}, [csca('GB')], [],
             'gmrtd TestNewSODErrors (document/sod_test.go): "modified SOD, to use an invalid EContentType" (signature no longer valid)', PA_FAILS),
        Case('gb-lds-length-corrupted', 'GB', 'United Kingdom: LDSSecurityObject length changed 8197 -> 8198 (content no longer matches its digest)', 'published-negative', TODAY,
             {'SOD.bin': source('gmrtd/GB.SOD.lds-length-plus-one')}, [csca('GB')], [],
             'gmrtd TestNewSODErrors: "modified SOD, to use an invalid LdsSecurity object" (signature no longer valid)', PA_FAILS),
        Case('gb-2011-sod-only-2015', 'GB', 'United Kingdom 2011 (DS "Document Signing Key 35"): verified in 2015, DS and CSCA valid', 'real', '2015-01-01',
             {'SOD.bin': source('gmrtd/GB-2011.SOD')}, [source_path('gmrtd/GB-2010.CSCA.cer')], ['F4'],
             'gmrtd TestPassiveAuthImportedDoc ("based on an expired UK passport") expects success with this CSCA', PA_OK),
        Case('gb-2011-ds-and-csca-lapsed', 'GB', 'United Kingdom 2011: verified in 2026, DS (2022) and CSCA (2026-07-24) both lapsed', 'real', TODAY,
             {'SOD.bin': source('gmrtd/GB-2011.SOD')}, [source_path('gmrtd/GB-2010.CSCA.cer')], ['F1', 'F4'],
             'gmrtd TestPassiveAuthImportedDoc expects success with this CSCA (gmrtd does not judge certificate dates)', PA_OK),
        Case('nz-2011-ds-and-csca-lapsed', 'NZ', 'New Zealand 2011 (JMRTD sample): DS lapsed 2016, CSCA lapsed 2017, signed 2011-10-18', 'real', TODAY,
             {'SOD.bin': source('jmrtd/NZ2013_EF_SOD.BIN')}, [source_path('andyq/NZ-2008.CSCA.cer')], ['F1', 'F4']),
        Case('id-csca-series', 'ID', 'Indonesia: genuine SOD against the CSCA series with link certificates', 'real', TODAY,
             {'SOD.bin': source('gmrtd/ID.SOD')}, [IDN_CSCA_SERIES], ['F4'], GMRTD_PA, PA_OK),
        Case('sg-master-list-link', 'SG', 'Singapore: genuine SOD against the German master list (which also holds the SG link certificates)', 'real', TODAY,
             {'SOD.bin': source('gmrtd/SG.SOD')}, [DE_MASTER_LIST], ['F4'], GMRTD_PA, PA_OK),
        Case('de-master-list', 'DE', 'Germany: genuine SOD against the German master list', 'real', TODAY,
             {'SOD.bin': source('gmrtd/DE.SOD')}, [DE_MASTER_LIST], ['F4'], GMRTD_PA, PA_OK),
        Case('de-master-list-signer-lapsed', 'DE', 'Germany: master list whose signer certificate has lapsed (2028-10-17) at the verification date', 'real', '2029-06-01',
             {'SOD.bin': source('gmrtd/DE.SOD')}, [DE_MASTER_LIST], ['F5'],
             notes='The --trust master list is unusable at 2029-06-01: exit 2, and the message names 2029-06-01, not today.'),
        Case('at-ski-signer', 'AT', 'Austria: SignerInfo identifies the DS by subjectKeyIdentifier (version 3)', 'mutation', TODAY,
             {'SOD.bin': (_edited_sod('gmrtd/AT.SOD', _ski_signer), 'mutation of sources/gmrtd/AT.SOD: sid = [0] subjectKeyIdentifier of the DS, SignerInfo version 3')},
             [csca('AT')], ['F3', 'F4']),
        Case('fr-issuer-reversed', 'FR', 'France: SignerInfo issuer RDNs in reverse order of the DS certificate issuer', 'mutation', TODAY,
             {'SOD.bin': (_edited_sod('gmrtd/FR.SOD', _reversed_issuer), 'mutation of sources/gmrtd/FR.SOD: sid issuer RDN sequence reversed (unsigned field)')},
             [csca('FR')], ['F3', 'F4']),
        Case('us-issuer-case-space', 'US', 'United States: SignerInfo issuer differs from the DS issuer only in case and inner spaces', 'mutation', TODAY,
             {'SOD.bin': (_edited_sod('gmrtd/US.SOD', _case_and_space_issuer), 'mutation of sources/gmrtd/US.SOD: sid issuer "DEPARTMENT OF STATE", "U.S.  Government"')},
             [csca('US')], ['F3', 'F4']),
        Case('fr-ds-from-ldif', 'FR', 'France: SOD without certificates; the DS certificate comes from a PKD LDIF', 'mutation', TODAY,
             {'SOD.bin': (_edited_sod('gmrtd/FR.SOD', _without_certificates), 'mutation of sources/gmrtd/FR.SOD: SignedData.certificates removed (unsigned field)')},
             [csca('FR'), trust_path('FR-DS-HSM-DS2.ldif')], ['F5', 'F4']),
    ]
    return out


def trust_files() -> dict[str, tuple[bytes, str]]:
    return {'FR-DS-HSM-DS2.ldif': (fr_ds_ldif(), 'constructed: ICAO PKD LDIF entry holding the DS certificate of sources/gmrtd/FR.SOD')}
