/** `npm run docs:messages`: writes docs/reference/messages.md from the catalogue. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MESSAGES_DOC, messageDocs } from './message-docs.ts';

writeFileSync(join(process.cwd(), MESSAGES_DOC), messageDocs(process.cwd()));
console.log(`wrote ${MESSAGES_DOC}`);
