/**
 * Writes integration/schemas.json: the JSON Schemas of the integration API's messages, derived
 * from their zod schemas (core/integration/messages.ts, the one source). The AsyncAPI and OpenAPI
 * descriptions reference these definitions; a test fails when the file and the zod schemas differ.
 * Run `node --import tsx scripts/generate-integration-schemas.ts` after changing a message.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { INTEGRATION_SCHEMAS } from '../core/integration/messages.ts';

export const SCHEMAS_FILE = fileURLToPath(new URL('../integration/schemas.json', import.meta.url));

export function integrationJsonSchemas(): Record<string, unknown> {
  const defs: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(INTEGRATION_SCHEMAS)) {
    const { $schema: _, ...json } = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'output' }) as Record<string, unknown>;
    defs[name] = json;
  }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'urn:eid-terminal:integration:schemas',
    description: 'Generated from core/integration/messages.ts by scripts/generate-integration-schemas.ts; do not edit.',
    $defs: defs,
  };
}

export function integrationSchemasText(): string {
  return `${JSON.stringify(integrationJsonSchemas(), null, 2)}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(SCHEMAS_FILE, integrationSchemasText());
  console.log(`wrote ${SCHEMAS_FILE}`);
}
