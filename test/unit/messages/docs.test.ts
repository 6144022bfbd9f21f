import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MESSAGES_DOC, messageDocs } from '../../../scripts/message-docs.ts';

test('docs/reference/messages.md is what the catalogue generates (npm run docs:messages)', () => {
  const root = process.cwd();
  assert.equal(readFileSync(join(root, MESSAGES_DOC), 'utf8'), messageDocs(root), `${MESSAGES_DOC} is out of date: run npm run docs:messages`);
});
