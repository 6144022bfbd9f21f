"""One case of the real-world corpus: a dump folder, the trust it is verified against and the date."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / 'fixtures' / 'corpus'
SOURCES = CORPUS / 'sources'
TRUST_DIR = CORPUS / 'trust'

# The project's public real-world artefacts (fixtures/realdata, with their own provenance README):
# referenced by path, never copied into the corpus.
REALDATA = 'fixtures/realdata'
DE_MASTER_LIST = f'{REALDATA}/master-lists/DE_ML_2026-05-28-08-28-45.ml'
IDN_CSCA_SERIES = f'{REALDATA}/csca/IDN_2010_SERIES'


@dataclass
class Case:
    id: str
    state: str
    title: str
    # 'real' (a state's genuine SOD), 'specimen' (a test document of a state or test lab),
    # 'published-negative' (a negative test vector published upstream), 'mutation' (made here
    # from real or specimen data), 'constructed' (the Utopia test PKI)
    kind: str
    at: str
    files: dict[str, tuple[bytes, str]]   # dump file name -> (bytes, provenance)
    trust: list[str] = field(default_factory=list)
    findings: list[str] = field(default_factory=list)
    published: str | None = None           # an upstream project's own expectation for this data, cited
    # the same as check statuses, cross-checked by derive-expectations.py; 'passiveAuthentication':
    # 'FAIL' means at least one of dataGroupHashes, sodSignature, certificateChain is not PASS
    published_checks: dict[str, str] = field(default_factory=dict)
    notes: str = ''


def source(path: str) -> tuple[bytes, str]:
    return (SOURCES / path).read_bytes(), f'sources/{path}'


def source_path(path: str) -> str:
    return f'fixtures/corpus/sources/{path}'


def trust_path(name: str) -> str:
    return f'fixtures/corpus/trust/{name}'
