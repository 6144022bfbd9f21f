/**
 * Child process for the crash-safety test: writes records as fast as it can and prints
 * `ACK <id>` for each one only after the store has returned (the record is acknowledged).
 * The parent kills it with SIGKILL at a random moment.
 */
import { openStore } from '../../../core/store/store.ts';
import { ALICE, BOB, vnResult } from '../../unit/store/fixtures.ts';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: crash-writer DATA_DIR');
const store = openStore({ dataDir });
process.stdout.write('READY\n');
for (let i = 0; ; i++) {
  if (i % 5 === 4) {
    const refs = store.writeMany([ALICE, BOB, ALICE].map((p) => ({ result: vnResult(p), context: { operator: 'crash-test' } })));
    process.stdout.write(refs.map((r) => `ACK ${r.id}\n`).join(''));
  } else {
    const ref = store.write({ result: vnResult(i % 2 ? ALICE : BOB), context: { operator: 'crash-test' } });
    process.stdout.write(`ACK ${ref.id}\n`);
  }
}
