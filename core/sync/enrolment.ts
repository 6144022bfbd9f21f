/**
 * Enrolment, terminal side: generate the terminal's own key pair, register the public key with
 * the administrator's one-time code, pin the registry key from the answer, save the identity.
 *
 * The pinned key decides which trust lists the terminal accepts, so it must be the registry's:
 * enrolment goes over https (plain http only to loopback, a registry on this machine), and the
 * key is fetched and its fingerprint checked (`expectFingerprint`, or a person's confirmation)
 * before the one-time code is sent; the enrolment answer must then carry that same key.
 */
import { EidError } from '../errors.ts';
import { equal } from '../bytes/bytes.ts';
import { fromBase64, toBase64 } from '../bytes/base64.ts';
import { loadIdentity, normaliseRegistryUrl, saveIdentity, type TerminalIdentity } from './identity.ts';
import type { KeyValuePort } from './ports.ts';
import { RegistryClient, type RegistryClientOptions } from './registry-client.ts';
import { generateTerminalKey, type TerminalKeyAlg } from '../registry-protocol/terminal-key.ts';
import { fingerprintMatches, registryKeyFingerprint } from '../registry-protocol/registry-key.ts';

export interface EnrolOptions extends RegistryClientOptions {
  /** A label for the administrator's terminal list (e.g. branch and counter); no personal data. */
  readonly name?: string;
  /** Replace an existing enrolment (a new key pair; the old terminal id should then be revoked). */
  readonly force?: boolean;
  /** Ed25519 (default) or ECDSA P-256. */
  readonly keyAlg?: TerminalKeyAlg;
  /** The registry key's fingerprint as the administrator gave it (`SHA256:...`); checked before the code is sent. */
  readonly expectFingerprint?: string;
  /** Asked when no fingerprint is expected: a person compares it and says yes or no. */
  readonly confirmFingerprint?: (fingerprint: string) => Promise<boolean>;
}

/** 127.0.0.0/8, ::1 and localhost: a registry on this machine, where no network can listen in. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

function requireSecureUrl(url: string): void {
  const parsed = new URL(url);
  if (parsed.protocol === 'https:' || isLoopbackHost(parsed.hostname)) return;
  throw new EidError('REGISTRY_URL_INSECURE');
}

async function checkRegistryKey(key: Uint8Array, options: EnrolOptions): Promise<void> {
  const fingerprint = registryKeyFingerprint(key);
  if (options.expectFingerprint !== undefined) {
    if (fingerprintMatches(options.expectFingerprint, key)) return;
    throw new EidError('REGISTRY_FINGERPRINT_MISMATCH', { fingerprint, expected: options.expectFingerprint.trim() });
  }
  if (options.confirmFingerprint && !(await options.confirmFingerprint(fingerprint))) {
    throw new EidError('ENROLMENT_CANCELLED');
  }
}

export async function enrolTerminal(kv: KeyValuePort, registryUrl: string, code: string, options: EnrolOptions = {}): Promise<TerminalIdentity> {
  const url = normaliseRegistryUrl(registryUrl);
  requireSecureUrl(url);
  const existing = loadIdentity(kv);
  if (existing && !options.force) {
    throw new EidError('ALREADY_ENROLLED', { terminalId: existing.terminalId });
  }
  const client = new RegistryClient(url, undefined, options);
  const registryKey = fromBase64((await client.version()).registryKey);
  await checkRegistryKey(registryKey, options);
  const keys = generateTerminalKey(options.keyAlg ?? 'ed25519');
  const answer = await client.enrol({ code: code.trim(), publicKey: toBase64(keys.spkiDer), ...(options.name ? { name: options.name } : {}) });
  if (!equal(fromBase64(answer.registryKey), registryKey)) {
    throw new EidError('REGISTRY_KEY_CHANGED');
  }
  const identity: TerminalIdentity = {
    registryUrl: url,
    terminalId: answer.terminalId,
    keyAlg: keys.alg,
    privateKey: keys.privateKey,
    registryKey,
    registryKeyId: answer.registryKeyId,
  };
  saveIdentity(kv, identity);
  return identity;
}
