"""The cryptographic judgements of the corpus expectations, all made by the openssl command line:
hashes (dgst), signatures (dgst -verify, cms -verify), certificate hops (verify -partial_chain)."""
from __future__ import annotations

import subprocess
import tempfile
from datetime import datetime
from pathlib import Path

import der

DIGESTS = {
    '1.3.14.3.2.26': 'sha1', '2.16.840.1.101.3.4.2.4': 'sha224', '2.16.840.1.101.3.4.2.1': 'sha256',
    '2.16.840.1.101.3.4.2.2': 'sha384', '2.16.840.1.101.3.4.2.3': 'sha512',
}
# signature algorithm OID -> (kind, hash or None = take the SignerInfo digest algorithm)
SIGNATURES = {
    '1.2.840.113549.1.1.1': ('rsa', None), '1.2.840.113549.1.1.5': ('rsa', 'sha1'), '1.2.840.113549.1.1.14': ('rsa', 'sha224'),
    '1.2.840.113549.1.1.11': ('rsa', 'sha256'), '1.2.840.113549.1.1.12': ('rsa', 'sha384'), '1.2.840.113549.1.1.13': ('rsa', 'sha512'),
    '1.2.840.113549.1.1.10': ('pss', None),
    '1.2.840.10045.2.1': ('ecdsa', None), '1.2.840.10045.4.1': ('ecdsa', 'sha1'), '1.2.840.10045.4.3.1': ('ecdsa', 'sha224'),
    '1.2.840.10045.4.3.2': ('ecdsa', 'sha256'), '1.2.840.10045.4.3.3': ('ecdsa', 'sha384'), '1.2.840.10045.4.3.4': ('ecdsa', 'sha512'),
    '0.4.0.127.0.7.1.1.4.1.1': ('plain', 'sha1'), '0.4.0.127.0.7.1.1.4.1.2': ('plain', 'sha224'), '0.4.0.127.0.7.1.1.4.1.3': ('plain', 'sha256'),
    '0.4.0.127.0.7.1.1.4.1.4': ('plain', 'sha384'), '0.4.0.127.0.7.1.1.4.1.5': ('plain', 'sha512'),
}


def run(args: list[str], data: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(args, input=data, capture_output=True)


def digest(name: str, data: bytes) -> bytes:
    return run(['openssl', 'dgst', f'-{name}', '-binary'], data).stdout


def public_key_pem(cert: bytes) -> bytes:
    out = run(['openssl', 'x509', '-inform', 'DER', '-noout', '-pubkey'], cert)
    if out.returncode != 0:
        raise ValueError(out.stderr.decode())
    return out.stdout


def _pss_options(params: bytes | None, default_hash: str | None) -> tuple[str, list[str]]:
    """RFC 4055 RSASSA-PSS-params with their defaults (SHA-1, MGF1-SHA-1, salt 20)."""
    hash_name, mgf_hash, salt = 'sha1', 'sha1', 20
    if params:
        for field in der.read_one(params).children():
            inner = field.children()[0]
            if field.tag == 0xA0:
                hash_name = DIGESTS[der.decode_oid(inner.children()[0].value)]
            elif field.tag == 0xA1:
                mgf_hash = DIGESTS[der.decode_oid(inner.children()[1].children()[0].value)]
            elif field.tag == 0xA2:
                salt = int.from_bytes(inner.value, 'big')
    return hash_name, ['-sigopt', 'rsa_padding_mode:pss', '-sigopt', f'rsa_pss_saltlen:{salt}', '-sigopt', f'rsa_mgf1_md:{mgf_hash}']


def _plain_to_der(signature: bytes) -> bytes:
    half = len(signature) // 2
    return der.seq(der.integer(int.from_bytes(signature[:half], 'big')), der.integer(int.from_bytes(signature[half:], 'big')))


def verify_signature(cert: bytes, algorithm: bytes, data: bytes, signature: bytes, digest_oid: str | None = None) -> bool:
    """Checks `signature` over `data` with the certificate's key; `algorithm` is the AlgorithmIdentifier."""
    parts = der.read_one(algorithm).children()
    kind, hash_name = SIGNATURES[der.decode_oid(parts[0].value)]
    options: list[str] = []
    if kind == 'pss':
        hash_name, options = _pss_options(parts[1].raw if len(parts) > 1 else None, hash_name)
    if hash_name is None:
        hash_name = DIGESTS[digest_oid] if digest_oid else 'sha256'
    if kind == 'plain':
        signature = _plain_to_der(signature)
    with tempfile.TemporaryDirectory() as tmp:
        key, sig = Path(tmp, 'key.pem'), Path(tmp, 'sig')
        key.write_bytes(public_key_pem(cert))
        sig.write_bytes(signature)
        out = run(['openssl', 'dgst', f'-{hash_name}', '-verify', str(key), '-signature', str(sig), *options], data)
    return out.returncode == 0 and b'Verified OK' in out.stdout


def certificate_signed_by(cert: bytes, issuer: bytes) -> bool:
    """The certificate's signature over its tbsCertificate verifies with the issuer's key."""
    parts = der.read_one(cert).children()
    try:
        return verify_signature(issuer, parts[1].raw, parts[0].raw, parts[2].value[1:])
    except (ValueError, KeyError):
        return False


def openssl_hop(cert: bytes, issuer: bytes, at: datetime) -> str:
    """openssl's own verdict on one certificate hop at a time (cross-check; "OK" or its error)."""
    with tempfile.TemporaryDirectory() as tmp:
        c, i = Path(tmp, 'c.pem'), Path(tmp, 'i.pem')
        c.write_bytes(run(['openssl', 'x509', '-inform', 'DER'], cert).stdout)
        i.write_bytes(run(['openssl', 'x509', '-inform', 'DER'], issuer).stdout)
        out = run(['openssl', 'verify', '-partial_chain', '-attime', str(int(at.timestamp())), '-trusted', str(i), str(c)])
    text = (out.stdout + out.stderr).decode(errors='replace')
    if out.returncode == 0:
        return 'OK'
    errors = [line.split(':', 1)[-1].strip() for line in text.splitlines() if line.startswith('error ')]
    return errors[0] if errors else text.strip().splitlines()[-1]


def openssl_cms(content_info: bytes, extra_certs: list[bytes]) -> str:
    """`openssl cms -verify -binary -noverify`: signature, messageDigest and contentType, no chain."""
    with tempfile.TemporaryDirectory() as tmp:
        sod, certs = Path(tmp, 'sod.der'), Path(tmp, 'certs.pem')
        sod.write_bytes(content_info)
        args = ['openssl', 'cms', '-verify', '-inform', 'DER', '-in', str(sod), '-binary', '-noverify', '-out', '/dev/null']
        if extra_certs:
            certs.write_bytes(b''.join(run(['openssl', 'x509', '-inform', 'DER'], c).stdout for c in extra_certs))
            args += ['-certfile', str(certs)]
        out = run(args)
    text = (out.stdout + out.stderr).decode(errors='replace')
    if out.returncode == 0 and 'Verification successful' in text:
        return 'OK'
    reason = [line for line in text.splitlines() if 'error' in line.lower() or 'failure' in line.lower()]
    return (reason[0].split(':')[-1].strip() if reason else text.strip()) or 'failed'


def crl_signed_by(crl: bytes, issuer: bytes) -> bool:
    parts = der.read_one(crl).children()
    try:
        return verify_signature(issuer, parts[1].raw, parts[0].raw, parts[2].value[1:])
    except (ValueError, KeyError):
        return False
