#!/usr/bin/env python3
"""Copies the public upstream artefacts of the real-world corpus into fixtures/corpus/sources/.

Every file comes from a pinned commit of a public repository: either a file copied byte for byte,
a hex literal taken from a line of a test source file, or the n-th certificate of a PEM bundle.
Re-run it against local git clones to check the provenance (Python 3 stdlib + git):

    python3 scripts/corpus/import-sources.py --clone gmrtd/gmrtd=/path/to/git-dir ...

The table below is the provenance record; fixtures/corpus/README.md explains each source.
"""
from __future__ import annotations

import argparse
import base64
import hashlib
import re
import subprocess
import sys
from pathlib import Path

GMRTD = ('gmrtd/gmrtd', '7f23b50ad912f10364f66ddc3423683cfc18e134')
PYMRTD = ('ZeroPass/pymrtd', '3731a0e45999d7924499393a0da5826436dffd38')
JMRTD = ('E3V3A/JMRTD', '59442057761513ea808dfd9fd8077c7e8995be55')
ZIENIT = ('zienit/icao-examples', '170914db933c9adb9bc09becc94f1c89a43d0add')
ANDYQ = ('AndyQ/NFCPassportReader', '6e37f1ab249fef82771da46d32707f2b94ed090f')

PA = 'passiveauth/passive_auth_test.go'
ST = 'document/sod_test.go'
PY = 'tests/ef/sod_test.py'
BSI = 'abandoned/passporthostapi-test/samples/bsi2008/'
LOES = 'abandoned/passporthostapi-test/samples/loes2006/'
ZR = 'src/test/resources/'

# (destination under sources/, (repo, commit), path, selector)
# selector: 'file' | ('hex', line) the longest hex literal on that 1-based line | ('pem', n) n-th (0-based) certificate
SOURCES: list[tuple[str, tuple[str, str], str, object]] = [
    ('gmrtd/AT.SOD', GMRTD, PA, ('hex', 35)),
    ('gmrtd/AT.CSCA.cer', GMRTD, ST, ('hex', 133)),
    ('gmrtd/AU.SOD', GMRTD, ST, ('hex', 139)),
    ('gmrtd/AU.CSCA.cer', GMRTD, ST, ('hex', 144)),
    ('gmrtd/CN.SOD', GMRTD, ST, ('hex', 150)),
    ('gmrtd/CN.CSCA.cer', GMRTD, ST, ('hex', 155)),
    ('gmrtd/DE.CardSecurity', GMRTD, PA, ('hex', 40)),
    ('gmrtd/DE.SOD', GMRTD, PA, ('hex', 41)),
    ('gmrtd/DE.CardSecurity.last-byte-98', GMRTD, PA, ('hex', 168)),
    ('gmrtd/DE.SOD.last-byte-C8', GMRTD, PA, ('hex', 177)),
    ('gmrtd/DE.CSCA.cer', GMRTD, ST, ('hex', 166)),
    ('gmrtd/FI.CardSecurity', GMRTD, PA, ('hex', 46)),
    ('gmrtd/FI.SOD', GMRTD, PA, ('hex', 47)),
    ('gmrtd/FI.CSCA.cer', GMRTD, ST, ('hex', 177)),
    ('gmrtd/FR.SOD', GMRTD, PA, ('hex', 53)),
    ('gmrtd/FR.CSCA.cer', GMRTD, ST, ('hex', 188)),
    ('gmrtd/ID.SOD', GMRTD, PA, ('hex', 60)),
    ('gmrtd/MY.SOD', GMRTD, PA, ('hex', 67)),
    ('gmrtd/MY.CSCA.cer', GMRTD, ST, ('hex', 200)),
    ('gmrtd/NZ.SOD', GMRTD, PA, ('hex', 73)),
    ('gmrtd/NZ.CSCA.cer', GMRTD, ST, ('hex', 212)),
    ('gmrtd/PH.SOD', GMRTD, PA, ('hex', 79)),
    ('gmrtd/PH.CSCA.cer', GMRTD, ST, ('hex', 223)),
    ('gmrtd/RU.SOD', GMRTD, PA, ('hex', 85)),
    ('gmrtd/RU.CSCA.cer', GMRTD, ST, ('hex', 234)),
    ('gmrtd/SG.SOD', GMRTD, PA, ('hex', 91)),
    ('gmrtd/SG.CSCA.cer', GMRTD, ST, ('hex', 245)),
    ('gmrtd/GB.SOD', GMRTD, PA, ('hex', 97)),
    ('gmrtd/GB.CSCA.cer', GMRTD, ST, ('hex', 256)),
    ('gmrtd/GB.SOD.econtenttype-2.23.136.2.2.2', GMRTD, ST, ('hex', 68)),
    ('gmrtd/GB.SOD.lds-length-plus-one', GMRTD, ST, ('hex', 76)),
    ('gmrtd/US.SOD', GMRTD, PA, ('hex', 103)),
    ('gmrtd/US.CSCA.cer', GMRTD, ST, ('hex', 267)),
    ('gmrtd/GB-2011.SOD', GMRTD, PA, ('hex', 227)),
    ('gmrtd/GB-2010.CSCA.cer', GMRTD, PA, ('hex', 230)),
    ('gmrtd/DG13.injected', GMRTD, PA, ('hex', 283)),
    ('pymrtd/ETSI.SOD', PYMRTD, PY, ('hex', 202)),
    ('pymrtd/ETSI.DG14', PYMRTD, PY, ('hex', 289)),
    ('pymrtd/ETSI.DG15', PYMRTD, PY, ('hex', 296)),
    ('pymrtd/ETSI.SOD.dg1-hash-edited', PYMRTD, PY, ('hex', 619)),
    ('pymrtd/ETSI.SOD.signature-last-byte-5D', PYMRTD, PY, ('hex', 632)),
    ('pymrtd/ETSI.SOD.dg14-hash-edited', PYMRTD, PY, ('hex', 645)),
    ('pymrtd/ETSI.DG1.country-changed', PYMRTD, PY, ('hex', 659)),
    ('pymrtd/ETSI.DG15.exponent-changed', PYMRTD, PY, ('hex', 671)),
    ('pymrtd/HJP.SOD.id-data', PYMRTD, PY, ('hex', 386)),
    ('jmrtd/bsi2008/EF_COM.bin', JMRTD, BSI + 'EF_COM.bin', 'file'),
    ('jmrtd/bsi2008/EF_SOD.bin', JMRTD, BSI + 'EF_SOD.bin', 'file'),
    ('jmrtd/bsi2008/Datagroup1.bin', JMRTD, BSI + 'Datagroup1.bin', 'file'),
    ('jmrtd/bsi2008/Datagroup2.bin', JMRTD, BSI + 'Datagroup2.bin', 'file'),
    ('jmrtd/bsi2008/Datagroup3.bin', JMRTD, BSI + 'Datagroup3.bin', 'file'),
    ('jmrtd/bsi2008/Datagroup4.bin', JMRTD, BSI + 'Datagroup4.bin', 'file'),
    ('jmrtd/bsi2008/Datagroup14.bin', JMRTD, BSI + 'Datagroup14.bin', 'file'),
    ('jmrtd/loes2006/ef0101.bin', JMRTD, LOES + 'ef0101.bin', 'file'),
    ('jmrtd/loes2006/ef0102.bin', JMRTD, LOES + 'ef0102.bin', 'file'),
    ('jmrtd/loes2006/ef010F.bin', JMRTD, LOES + 'ef010F.bin', 'file'),
    ('jmrtd/loes2006/ef011D.bin', JMRTD, LOES + 'ef011D.bin', 'file'),
    ('jmrtd/loes2006/ef011E.bin', JMRTD, LOES + 'ef011E.bin', 'file'),
    ('jmrtd/NZ2013_EF_SOD.BIN', JMRTD, 'abandoned/passporthostapi-test/samples/ef_sod/NZ2013_EF_SOD.BIN', 'file'),
    ('zienit/EF_COM.bin', ZIENIT, ZR + 'EF_COM.bin', 'file'),
    ('zienit/EF_SOD.bin', ZIENIT, ZR + 'EF_SOD.bin', 'file'),
    ('zienit/Datagroup1.bin', ZIENIT, ZR + 'Datagroup1.bin', 'file'),
    ('zienit/Datagroup14.bin', ZIENIT, ZR + 'Datagroup14.bin', 'file'),
    ('zienit/Datagroup15.bin', ZIENIT, ZR + 'Datagroup15.bin', 'file'),
    ('zienit/COL.crl', ZIENIT, ZR + 'COL.crl', 'file'),
    ('andyq/NZ-2008.CSCA.cer', ANDYQ, 'Examples/Example_SPM/NFCPassportReaderApp/masterList.pem', ('pem', 689)),
]


def git_show(git_dir: str, commit: str, path: str) -> bytes:
    return subprocess.run(['git', '--git-dir', git_dir, 'show', f'{commit}:{path}'], check=True, capture_output=True).stdout


def select(blob: bytes, selector: object) -> bytes:
    if selector == 'file':
        return blob
    kind, n = selector  # type: ignore[misc]
    if kind == 'hex':
        line = blob.decode('utf-8').split('\n')[n - 1]
        literals = re.findall(r'["\']([0-9A-Fa-f]{16,})["\']', line)
        if not literals:
            raise SystemExit(f'no hex literal on line {n}')
        return bytes.fromhex(max(literals, key=len))
    if kind == 'pem':
        pems = re.findall(r'-----BEGIN CERTIFICATE-----(.*?)-----END CERTIFICATE-----', blob.decode('ascii'), re.S)
        return base64.b64decode(''.join(pems[n].split()))
    raise SystemExit(f'unknown selector {selector!r}')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--clone', action='append', default=[], help='owner/name=GIT_DIR (repeatable)')
    parser.add_argument('--out', default=str(Path(__file__).resolve().parents[2] / 'fixtures' / 'corpus' / 'sources'))
    parser.add_argument('--check', action='store_true', help='compare with the files already there instead of writing')
    args = parser.parse_args()
    clones = dict(c.split('=', 1) for c in args.clone)
    out = Path(args.out)
    problems = 0
    for dest, (repo, commit), path, selector in SOURCES:
        if repo not in clones:
            print(f'skip {dest}: no clone of {repo} given', file=sys.stderr)
            continue
        data = select(git_show(clones[repo], commit, path), selector)
        target = out / dest
        if args.check:
            same = target.exists() and target.read_bytes() == data
            problems += 0 if same else 1
            print(f"{'ok  ' if same else 'DIFF'} {dest} sha256={hashlib.sha256(data).hexdigest()[:16]}")
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        print(f'{dest} {len(data)} bytes sha256={hashlib.sha256(data).hexdigest()[:16]}')
    sys.exit(1 if problems else 0)


if __name__ == '__main__':
    main()
