/**
 * Renders the access table of core/api/method-access.ts into docs/reference/api-access.md,
 * between two markers. `node --import tsx scripts/access-doc.ts` rewrites it;
 * test/security/authorisation.test.ts fails while the page and the table differ.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { METHOD_ACCESS, type AccessRule } from '../core/api/method-access.ts';

export const API_ACCESS_DOC = 'docs/reference/api-access.md';
const BEGIN = '<!-- access table: generated from core/api/method-access.ts by scripts/access-doc.ts -->';
const END = '<!-- end of access table -->';

/** What each rule means signed out, with a clerk signed in, with a supervisor signed in. */
const CELLS: Record<AccessRule, readonly [string, string, string]> = {
  anyone: ['yes', 'yes', 'yes'],
  operator: ['refused: `SIGN_IN_REQUIRED`', 'yes', 'yes'],
  'supervisor-pin': ["a supervisor's PIN in the call", "a supervisor's PIN in the call", "a supervisor's PIN in the call"],
};

export function renderAccessTable(): string {
  const rows = Object.entries(METHOD_ACCESS).map(([method, rule]) => `| \`${method}\` | \`${rule}\` | ${CELLS[rule].join(' | ')} |`);
  return [BEGIN, '| method | rule | signed out | clerk signed in | supervisor signed in |', '|---|---|---|---|---|', ...rows, END].join('\n');
}

/** The page with its access table replaced by the current one. */
export function withCurrentAccessTable(page: string): string {
  const start = page.indexOf(BEGIN);
  const end = page.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${API_ACCESS_DOC} has lost its access table markers`);
  return page.slice(0, start) + renderAccessTable() + page.slice(end + END.length);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = join(fileURLToPath(new URL('..', import.meta.url)), API_ACCESS_DOC);
  writeFileSync(file, withCurrentAccessTable(readFileSync(file, 'utf8')));
}
