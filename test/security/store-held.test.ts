/**
 * What held in issue 15 and must keep holding in the terminal's store: records.db (and its -wal and
 * -shm) 0600 in a 0700 folder whatever the umask, and narrowed when an older version left them
 * wider. (Key file 0600 and refused when looser: test/unit/store/key-provider.test.ts; scrypt PINs:
 * test/unit/store/operators.test.ts; the index: test/security/README.md.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, existsSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { openStore } from '../../core/store/store.ts';
import { ALICE, tempDir, vnResult } from '../unit/store/fixtures.ts';

const posix = process.platform !== 'win32';
const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);

test('what held: records.db, its -wal and -shm are 0600 in a 0700 folder under umask 022', { skip: !posix }, () => {
  const parent = tempDir();
  const umask = process.umask(0o022);
  try {
    const dir = join(parent, 'data');
    const store = openStore({ dataDir: dir });
    store.write({ result: vnResult(ALICE), context: { operator: 'counter' } });
    assert.ok(existsSync(join(dir, 'records.db-wal')));
    assert.deepEqual([dir, 'records.db', 'records.db-wal', 'records.db-shm'].map((f) => mode(f === dir ? dir : join(dir, f))), ['700', '600', '600', '600']);
    store.close();
  } finally {
    process.umask(umask);
    rmSync(parent, { recursive: true, force: true });
  }
});

test('what held: a data folder and database an older version left readable are narrowed when opened', { skip: !posix }, () => {
  const dir = tempDir();
  try {
    openStore({ dataDir: dir }).close();
    chmodSync(dir, 0o755);
    chmodSync(join(dir, 'records.db'), 0o644);
    openStore({ dataDir: dir }).close();
    assert.deepEqual([mode(dir), mode(join(dir, 'records.db'))], ['700', '600']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
