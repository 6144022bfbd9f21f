/**
 * The integration API's published JSON Schemas (integration/schemas.json) as validators, and a
 * FHIR R4 validator (Medplum's, over the R4 StructureDefinitions): what the contract tests check
 * every message and resource against. Not a test file itself.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

export const SCHEMAS_PATH = fileURLToPath(new URL('../../../integration/schemas.json', import.meta.url));
const schemas = JSON.parse(readFileSync(SCHEMAS_PATH, 'utf8')) as { $id: string; $defs: Record<string, unknown> };
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats.default(ajv);
ajv.addSchema(schemas);

/** Throws with ajv's errors unless `value` is valid against `$defs[name]`. */
export function assertSchema(name: string, value: unknown): void {
  const validate = ajv.getSchema(`${schemas.$id}#/$defs/${name}`);
  if (!validate) throw new Error(`no schema ${name}`);
  if (!validate(value)) throw new Error(`${name}: ${ajv.errorsText(validate.errors)} in ${JSON.stringify(value).slice(0, 300)}`);
}

const EVENT_SCHEMAS: Record<string, string> = {
  hello: 'HelloMessage',
  'verification.started': 'VerificationStartedEvent',
  'verification.completed': 'VerificationCompletedEvent',
  'reader.changed': 'ReaderChangedEvent',
};

/** A server-to-client WebSocket message against the schema of its type (events, hello, replies). */
export function assertServerMessage(message: { type: string }): void {
  assertSchema(EVENT_SCHEMAS[message.type] ?? 'Reply', message);
}
