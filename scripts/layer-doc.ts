/**
 * Renders the layer table of scripts/import-rules.ts into docs/reference/architecture.md, between
 * two markers. `node --import tsx scripts/layer-doc.ts` rewrites it; `npm run lint` fails while the
 * page and the table differ.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACKAGES, PARTS, type Part } from './import-rules.ts';

export const ARCHITECTURE_DOC = 'docs/reference/architecture.md';
const BEGIN = '<!-- layer table: generated from scripts/import-rules.ts by scripts/layer-doc.ts -->';
const END = '<!-- end of layer table -->';

const code = (paths: readonly string[]): string => paths.map((p) => `\`${p}\``).join(', ');

function mayImport(part: Part): string {
  if (part.floor !== undefined) return part.floor === 0 ? 'core/ floor 0' : `core/ floors 0-${part.floor}`;
  const node = part.node === false ? ' (no Node modules)' : '';
  return (part.imports?.length ? code(part.imports) : 'nothing') + node;
}

export function renderLayerTable(): string {
  const rows = PARTS.map((p) => `| \`${p.path}\` | ${p.floor ?? ''} | ${mayImport(p)} | ${p.says} |`);
  const packages = PACKAGES.map((p) => `| \`${p.name}\` | ${code(p.only)} | ${p.why} |`);
  return [
    BEGIN,
    '| part | floor | may import, besides itself | what it is |',
    '|---|---|---|---|',
    ...rows,
    '',
    '| package | only in | why |',
    '|---|---|---|',
    ...packages,
    END,
  ].join('\n');
}

/** The page with its layer table replaced by the current one. */
export function withCurrentTable(page: string): string {
  const start = page.indexOf(BEGIN);
  const end = page.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${ARCHITECTURE_DOC} has lost its layer table markers`);
  return page.slice(0, start) + renderLayerTable() + page.slice(end + END.length);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = join(fileURLToPath(new URL('..', import.meta.url)), ARCHITECTURE_DOC);
  writeFileSync(file, withCurrentTable(readFileSync(file, 'utf8')));
}
