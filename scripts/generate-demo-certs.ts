/**
 * Writes the demo trust anchors of the virtual card factory to certs/demo/: the two demo CSCA
 * certificates (PEM) and their CRLs (DER). They are a pure function of the committed demo keys
 * (core/chip/factory/demo-keys/) and fixed dates, so re-running it reproduces the same bytes;
 * test/unit/factory/demo-certs.test.ts fails when the committed files drift from the factory.
 *
 *   npx tsx scripts/generate-demo-certs.ts [--out certs/demo]
 *
 * DEMO ONLY: these CSCAs sign the built-in sample documents; their private keys are public.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { demoCertificateFiles } from '../core/chip/factory/demo-files.ts';

const { values } = parseArgs({ options: { out: { type: 'string', default: 'certs/demo' } } });
const out = resolve(values.out ?? 'certs/demo');
mkdirSync(out, { recursive: true });
for (const file of demoCertificateFiles()) {
  writeFileSync(join(out, file.name), file.bytes);
  console.log(`wrote ${join(out, file.name)} (${file.bytes.length} bytes)`);
}
