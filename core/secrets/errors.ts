/** Failures of keys and secret files at rest; the catalogue (core/messages) words each for an administrator. */
import { EidError } from '../errors.ts';
import type { secretsErrors } from '../messages/catalogue/en/errors-secrets.ts';

type SecretsErrorCode = { [C in keyof typeof secretsErrors]: (typeof secretsErrors)[C] extends string ? C : never }[keyof typeof secretsErrors];

/** `detail` is a technical note (a file and its mode, never personal data) for logs and support. */
export function secretsError(code: SecretsErrorCode, detail?: string, cause?: unknown): EidError {
  return new EidError(code, detail ? { detail } : {}, { cause });
}
