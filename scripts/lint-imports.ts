/** `npm run lint`: every import against the layer table, no circles, and the docs' copy of the table current. */
import { readFileSync } from 'node:fs';
import { findCircles, findPartCircles, findViolations } from './import-check.ts';
import { ARCHITECTURE_DOC, withCurrentTable } from './layer-doc.ts';

const root = process.cwd();
const problems: string[] = [];
for (const v of findViolations(root)) problems.push(`${v.file}: import '${v.specifier}': ${v.rule}`);
for (const c of findCircles(root)) problems.push(`files that import each other in a circle: ${c.join(', ')}`);
for (const c of findPartCircles(root)) problems.push(`parts that import each other in a circle: ${c.join(', ')}`);
const page = readFileSync(`${root}/${ARCHITECTURE_DOC}`, 'utf8');
if (withCurrentTable(page) !== page) problems.push(`${ARCHITECTURE_DOC}: the layer table is out of date (node --import tsx scripts/layer-doc.ts rewrites it)`);
for (const p of problems) console.error(p);
if (problems.length > 0) {
  console.error(`${problems.length} problem(s)`);
  process.exit(1);
}
console.log('import rules: ok');
