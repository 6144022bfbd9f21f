/**
 * Enrolment, terminal side: generate the terminal's own key pair, register the public key with
 * the administrator's one-time code, pin the registry key from the answer, save the identity.
 */
import { EidError } from '../errors.ts';
import { fromBase64, toBase64 } from '../bytes/base64.ts';
import { loadIdentity, normaliseRegistryUrl, saveIdentity, type TerminalIdentity } from './identity.ts';
import type { KeyValuePort } from './ports.ts';
import { RegistryClient, type RegistryClientOptions } from './registry-client.ts';
import { generateTerminalKey, type TerminalKeyAlg } from '../registry-protocol/terminal-key.ts';

export interface EnrolOptions extends RegistryClientOptions {
  /** A label for the administrator's terminal list (e.g. branch and counter); no personal data. */
  readonly name?: string;
  /** Replace an existing enrolment (a new key pair; the old terminal id should then be revoked). */
  readonly force?: boolean;
  /** Ed25519 (default) or ECDSA P-256. */
  readonly keyAlg?: TerminalKeyAlg;
}

export async function enrolTerminal(kv: KeyValuePort, registryUrl: string, code: string, options: EnrolOptions = {}): Promise<TerminalIdentity> {
  const url = normaliseRegistryUrl(registryUrl);
  const existing = loadIdentity(kv);
  if (existing && !options.force) {
    throw new EidError('ALREADY_ENROLLED', { terminalId: existing.terminalId });
  }
  const keys = generateTerminalKey(options.keyAlg ?? 'ed25519');
  const client = new RegistryClient(url, undefined, options);
  const answer = await client.enrol({ code: code.trim(), publicKey: toBase64(keys.spkiDer), ...(options.name ? { name: options.name } : {}) });
  const identity: TerminalIdentity = {
    registryUrl: url,
    terminalId: answer.terminalId,
    keyAlg: keys.alg,
    privateKey: keys.privateKey,
    registryKey: fromBase64(answer.registryKey),
    registryKeyId: answer.registryKeyId,
  };
  saveIdentity(kv, identity);
  return identity;
}
