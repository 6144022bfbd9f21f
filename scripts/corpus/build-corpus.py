#!/usr/bin/env python3
"""Builds fixtures/corpus/cases/<id>/ (dump folders), fixtures/corpus/trust/ and the case manifest
fixtures/corpus/cases.json from fixtures/corpus/sources/ and the committed test keys.

Deterministic: run it again and nothing changes (git diff is empty). Python 3 stdlib + openssl.
Expectations are NOT written here: scripts/corpus/derive-expectations.py derives them from the files.
"""
from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import constructed_cases  # noqa: E402
import real_cases  # noqa: E402
import specimen_cases  # noqa: E402
from corpus_case import CORPUS, TRUST_DIR  # noqa: E402


def main() -> None:
    cases = real_cases.cases() + specimen_cases.cases() + constructed_cases.cases()
    ids = [c.id for c in cases]
    duplicates = {i for i in ids if ids.count(i) > 1}
    if duplicates:
        raise SystemExit(f'duplicate case ids: {sorted(duplicates)}')
    shutil.rmtree(CORPUS / 'cases', ignore_errors=True)
    shutil.rmtree(TRUST_DIR, ignore_errors=True)
    TRUST_DIR.mkdir(parents=True)
    trust_provenance = {}
    for name, (data, origin) in {**real_cases.trust_files(), **constructed_cases.trust_files()}.items():
        (TRUST_DIR / name).write_bytes(data)
        trust_provenance[name] = origin
    manifest = []
    for case in cases:
        folder = CORPUS / 'cases' / case.id
        folder.mkdir(parents=True)
        for name, (data, _) in case.files.items():
            (folder / name).write_bytes(data)
        manifest.append({
            'id': case.id, 'state': case.state, 'title': case.title, 'kind': case.kind, 'findings': case.findings,
            'dump': f'fixtures/corpus/cases/{case.id}', 'trust': case.trust, 'at': case.at,
            'files': {name: origin for name, (_, origin) in sorted(case.files.items())},
            'published': case.published, 'publishedChecks': case.published_checks, 'notes': case.notes,
        })
    out = {'trustFiles': trust_provenance, 'cases': manifest}
    (CORPUS / 'cases.json').write_text(json.dumps(out, indent=2) + '\n')
    print(f'{len(manifest)} cases, {len({c.state for c in cases})} states')


if __name__ == '__main__':
    main()
