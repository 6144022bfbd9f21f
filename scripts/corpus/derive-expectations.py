#!/usr/bin/env python3
"""Derives the expected outcome of every corpus case independently of the project and writes
fixtures/corpus/expected.json (Python 3 stdlib + the openssl command line).

Signatures: openssl dgst -verify over the signed attributes, cross-checked with openssl cms -verify
-binary -noverify. Certificate hops: openssl dgst -verify over tbsCertificate, cross-checked with
openssl verify -partial_chain -attime. Data groups: openssl dgst of the bytes as read, against the
LDSSecurityObject. The rules are docs/design/DESIGN.md "Verdicts" as corrected by issue 13 (README.md here).
"""
from __future__ import annotations

import json
import sys
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import cms_read  # noqa: E402
import der  # noqa: E402
import openssl_checks as ossl  # noqa: E402
import signed_object  # noqa: E402
import trust_read  # noqa: E402
from corpus_case import CORPUS, REPO  # noqa: E402

NAME = __import__('re').compile(r'^(?:EF[._])?(COM|SOD|DG(?:[1-9]|1[0-6])|CardAccess|CardSecurity)(?:\.bin)?$', 2)


def read_dump(folder: Path) -> dict[str, bytes]:
    files = {}
    for f in sorted(folder.iterdir()):
        m = NAME.match(f.name)
        if m:
            key = m.group(1).upper()
            files[{'CARDACCESS': 'CardAccess', 'CARDSECURITY': 'CardSecurity'}.get(key, key)] = f.read_bytes()
    return files


def document_expiry(dg1: bytes, at: datetime) -> str:
    mrz = der.read_one(dg1).children()[0].value.decode('ascii')
    expiry = {88: mrz[44:][21:27], 72: mrz[36:][21:27], 90: mrz[30:][8:14]}[len(mrz)]
    expires = datetime(2000 + int(expiry[:2]), int(expiry[2:4]), int(expiry[4:6]), tzinfo=timezone.utc).date()
    return 'EXPIRED' if at.date() > expires else 'VALID'


def data_group_hashes(sod: cms_read.SignedData | None, groups: dict[int, bytes]) -> dict:
    if not groups:
        return {'status': 'SKIPPED', 'failed': [], 'reason': 'NO_DATA_GROUP'}
    if sod is None or sod.econtent_type not in (cms_read.LDS_SECURITY_OBJECT, cms_read.ID_DATA) or sod.econtent is None:
        return {'status': 'FAIL', 'failed': sorted(groups), 'reason': 'NO_DG_HASHES'}
    try:
        algorithm, hashes = cms_read.lds_hashes(sod.econtent)
    except ValueError:
        return {'status': 'FAIL', 'failed': sorted(groups), 'reason': 'NO_DG_HASHES'}
    differ = [n for n in sorted(groups) if n in hashes and ossl.digest(ossl.DIGESTS[algorithm], groups[n]) != hashes[n]]
    unlisted = [n for n in sorted(groups) if n not in hashes]
    failed = sorted(differ + unlisted)
    if not failed:
        return {'status': 'PASS', 'failed': []}
    return {'status': 'FAIL', 'failed': failed, 'reason': 'DG_HASH_MISMATCH' if differ else 'DG_NOT_IN_SOD'}


def verdict_of(checks: dict, files: dict) -> tuple[str, str | None]:
    order = ['sodSignature', 'dataGroupHashes', 'certificateChain']
    for name in order:
        if checks[name]['status'] == 'FAIL':
            return 'FAILED', checks[name]['reason']
    if checks['revocation']['status'] == 'REVOKED':
        return 'FAILED', 'REVOKED'
    if checks['sodSignature']['status'] == 'MISSING':
        return 'NOT_VERIFIED', 'SOD_MISSING'
    if checks['certificateChain']['status'] == 'UNKNOWN_CSCA':
        return 'NOT_VERIFIED', 'UNKNOWN_CSCA'
    if 'DG1' not in files:
        return 'NOT_VERIFIED', 'DG1_MISSING'
    if checks['documentExpiry']['status'] == 'EXPIRED':
        return 'NOT_VERIFIED', 'PAST_EXPIRY_DATE'
    return 'VERIFIED', None


def check(status: str, reason: str | None = None, **extra) -> dict:
    out = {'status': status, **extra}
    if reason:
        out['reason'] = reason
    return out


def derive(case: dict) -> dict:
    at = datetime.fromisoformat(case['at']).replace(tzinfo=timezone.utc)
    out = {k: case[k] for k in ('id', 'state', 'kind', 'findings', 'dump', 'trust', 'at')}
    try:
        trust = trust_read.load(case['trust'], at)
    except trust_read.TrustFileError as e:
        return {**out, 'exit': 2, 'error': {'code': 'TRUST_FILE_INVALID', 'mentions': case['at']}, 'derivation': [str(e)]}
    files = read_dump(REPO / case['dump'])
    groups = {int(k[2:]): v for k, v in files.items() if k.startswith('DG')}
    warnings, log = ['CHIP_NOT_EXAMINED'], list(trust.notes)
    # A dump holds no chip: both chip checks are skipped, and every status but a passing one names its reason.
    checks = {'accessControl': check('SKIPPED', 'OFFLINE_DATA'), 'chipAuthentication': check('SKIPPED', 'OFFLINE_DATA')}
    sod = signed_object.analyse(files['SOD'], trust, at) if 'SOD' in files else None
    if sod is None:
        checks.update(dataGroupHashes=check('SKIPPED', 'SOD_MISSING', failed=[]), sodSignature=check('MISSING', 'SOD_MISSING'),
                      certificateChain=check('SKIPPED', 'SOD_MISSING', csca=None), revocation=check('UNKNOWN', 'NOT_CHECKED'))
        warnings.append('SOD_MISSING')
    else:
        log += sod.derivation
        warnings += sod.warnings
        hashes = data_group_hashes(sod.data, groups)
        checks['dataGroupHashes'] = check(hashes['status'], hashes.get('reason'), failed=hashes['failed'])
        checks['sodSignature'] = check(sod.signature.status, sod.signature.reason)
        checks['certificateChain'] = check(sod.chain.status, sod.chain.reason, csca=sod.chain.detail)
        checks['revocation'] = check(sod.revocation.status, sod.revocation.reason)
        if sod.data and sod.data.econtent_type == cms_read.ID_DATA:
            warnings.append('ID_DATA_CONTENT_TYPE')
        if sod.revocation.status == 'UNKNOWN' and sod.chain.status == 'PASS':
            warnings.append('REVOCATION_UNKNOWN')
        if sod.chain.status == 'PASS' and any(c and c.not_after < at for c in (sod.ds, sod.issuer)):
            warnings.append('CERTIFICATE_EXPIRED_SINCE_SIGNING')
    if 'CardSecurity' in files:
        card = signed_object.analyse(files['CardSecurity'], trust, at)
        log += [f'EF.CardSecurity: {line}' for line in card.derivation]
        # EF.CardSecurity is signed like the SOD: its failure counts as the SOD's unless the SOD failed already.
        if card.signature.status == 'FAIL' and checks['sodSignature']['status'] != 'FAIL':
            checks['sodSignature'] = check('FAIL', 'CARD_SECURITY_INVALID')
        if card.chain.status == 'FAIL' and checks['certificateChain']['status'] != 'FAIL':
            checks['certificateChain'] = check('FAIL', card.chain.reason, csca=None)
    if 'DG1' in files:
        expiry = document_expiry(files['DG1'], at)
        checks['documentExpiry'] = check(expiry, 'PAST_EXPIRY_DATE' if expiry == 'EXPIRED' else None)
        checks['consistency'] = check('SKIPPED', 'NOTHING_TO_COMPARE')
        if expiry == 'EXPIRED':
            warnings.append('DOCUMENT_EXPIRED')
    else:
        checks['documentExpiry'] = check('SKIPPED', 'DG1_MISSING')
        checks['consistency'] = check('SKIPPED', 'DG1_MISSING')
        warnings.append('FILES_MISSING')
    verdict, reason = verdict_of(checks, files)
    published = case.get('publishedChecks') or {}
    for name, status in published.items():
        actual = [checks[n]['status'] for n in ('dataGroupHashes', 'sodSignature', 'certificateChain')] if name == 'passiveAuthentication' else [checks[name]['status']]
        agrees = any(s != 'PASS' for s in actual) if name == 'passiveAuthentication' else actual[0] == status
        if not agrees:
            raise SystemExit(f'{case["id"]}: derived {name}={actual} contradicts the published expectation {status} ({case["published"]})')
    if published:
        log.append(f'agrees with the published expectation: {case["published"]}')
    return {**out, 'exit': 0 if verdict == 'VERIFIED' else 1, 'verdict': verdict, 'reason': reason, 'checks': checks,
            'failedDataGroups': checks['dataGroupHashes'].get('failed', []), 'warnings': sorted(set(warnings)), 'derivation': log}


def main() -> None:
    manifest = json.loads((CORPUS / 'cases.json').read_text())
    results = [derive(c) for c in manifest['cases']]
    (CORPUS / 'expected.json').write_text(json.dumps({
        'about': 'Expected outcome of each corpus case, derived by scripts/corpus/derive-expectations.py (see fixtures/corpus/README.md)',
        'cases': results,
    }, indent=2) + '\n')
    for r in results:
        checks = r.get('checks', {})
        brief = ' '.join(f'{k[:4]}={v["status"]}' for k, v in checks.items() if k not in ('accessControl', 'chipAuthentication'))
        print(f"{r['id']:38} {r.get('verdict', 'exit 2'):13} {r.get('reason') or '':28} {brief}")


if __name__ == '__main__':
    main()
