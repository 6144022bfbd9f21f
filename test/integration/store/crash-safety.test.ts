import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { tempDir } from '../../unit/store/fixtures.ts';
import { openStore } from '../../../core/store/store.ts';

const WRITER = fileURLToPath(new URL('./crash-writer.ts', import.meta.url));
const ROUNDS = 5;

/** Runs the writer until it has acknowledged `killAfter` records (or wrote for a while), then SIGKILLs it. */
function runAndKill(dataDir: string, killAfter: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acked: string[] = [];
    let buffer = '';
    let stderr = '';
    let killed = false;
    const kill = (): void => {
      if (!killed) {
        killed = true;
        child.kill('SIGKILL');
      }
    };
    const timer = setTimeout(kill, 15_000);
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) if (line.startsWith('ACK ')) acked.push(line.slice(4));
      if (acked.length >= killAfter) kill();
    });
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') reject(new Error(`writer ended by itself: ${stderr.slice(0, 500)}`));
      else resolve(acked);
    });
  });
}

test('records acknowledged before kill -9 are all there and the database is intact', async () => {
  const dir = tempDir();
  try {
    const acknowledged: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      // Kill at a different point each round, mid-stream of writes and batches.
      acknowledged.push(...(await runAndKill(dir, 20 + round * 37)));
    }
    assert.ok(acknowledged.length >= ROUNDS * 20, `only ${acknowledged.length} acknowledged`);

    const raw = new Database(`${dir}/records.db`);
    assert.equal(raw.pragma('integrity_check', { simple: true }), 'ok');
    raw.close();

    const store = openStore({ dataDir: dir });
    try {
      for (const id of acknowledged) assert.ok(store.records.find(id), `acknowledged record ${id} lost`);
      const report = store.verifyChain();
      assert.equal(report.ok, true, JSON.stringify(report.problems));
      // Unacknowledged in-flight writes may or may not have landed, but every stored record has its outbox entry.
      assert.equal(store.outbox.pendingCount(), store.records.count());
    } finally {
      store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
