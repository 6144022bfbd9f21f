/**
 * The terminal's registry identity: its id, its own Ed25519 key (generated on the terminal, the
 * private half never leaves it) and the registry key pinned at enrolment. Kept in the store's
 * key-value table under `sync.*`.
 */
import { EidError } from '../errors.ts';
import { fromBase64, toBase64 } from '../bytes/base64.ts';
import type { KeyValuePort } from './ports.ts';
import type { TerminalKeyAlg } from '../registry-protocol/terminal-key.ts';

export interface TerminalIdentity {
  readonly registryUrl: string;
  readonly terminalId: string;
  readonly keyAlg: TerminalKeyAlg;
  /** Ed25519: PKCS#8 DER; P-256: the private scalar (see terminal-key.ts). */
  readonly privateKey: Uint8Array;
  /** The registry's SPKI DER, pinned at enrolment. */
  readonly registryKey: Uint8Array;
  readonly registryKeyId: string;
}

const KEY = 'sync.identity';

export function saveIdentity(kv: KeyValuePort, id: TerminalIdentity): void {
  kv.set(KEY, JSON.stringify({
    registryUrl: id.registryUrl,
    terminalId: id.terminalId,
    keyAlg: id.keyAlg,
    privateKey: toBase64(id.privateKey),
    registryKey: toBase64(id.registryKey),
    registryKeyId: id.registryKeyId,
  }));
}

export function loadIdentity(kv: KeyValuePort): TerminalIdentity | undefined {
  const raw = kv.get(KEY);
  if (raw === undefined) return undefined;
  const o = JSON.parse(raw) as Record<string, string>;
  return {
    registryUrl: o.registryUrl!,
    terminalId: o.terminalId!,
    // Identities saved before P-256 support carry no keyAlg: they are Ed25519.
    keyAlg: o.keyAlg === 'ecdsa-p256-sha256' ? 'ecdsa-p256-sha256' : 'ed25519',
    privateKey: fromBase64(o.privateKey!),
    registryKey: fromBase64(o.registryKey!),
    registryKeyId: o.registryKeyId!,
  };
}

/** Whether the terminal has enrolled with a registry (and so sends its records to one). */
export function isEnrolled(kv: KeyValuePort): boolean {
  return kv.get(KEY) !== undefined;
}

export function requireIdentity(kv: KeyValuePort): TerminalIdentity {
  const id = loadIdentity(kv);
  if (!id) {
    throw new EidError('NOT_ENROLLED');
  }
  return id;
}

/** Registry base URL without a trailing slash; http(s) only. */
export function normaliseRegistryUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new EidError('REGISTRY_URL_INVALID', { detail: `not a URL: ${url}` });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new EidError('REGISTRY_URL_INVALID', { detail: `protocol ${parsed.protocol}` });
  }
  return parsed.toString().replace(/\/+$/, '');
}
