/**
 * Session events are replayable: whoever subscribes late (a page that reloads, a WebSocket that
 * reconnects) first gets every reader's session as it stands, with its outcome once done, and
 * getSessions returns the same. `seq` orders events whatever way they arrived.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import type { AccessKey, SessionEvent, TerminalEvent } from '../../../core/api/terminal-api.ts';
import { buildDocument } from '../../../core/chip/factory/build-document.ts';
import { createHost } from '../../../host/create-host.ts';
import { startService } from '../../../service/server.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'eid-replay-test-'));
const staticDir = mkdtempSync(join(tmpdir(), 'eid-static-'));
const host = await createHost({ dataDir, sync: false, virtualLatencyMs: 0 });
const terminal = host.terminal;
after(async () => {
  await host.close();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(staticDir, { recursive: true, force: true });
});

const sessionEvents = (events: TerminalEvent[]): SessionEvent[] => events.flatMap((e) => (e.type === 'session' ? [e.event] : []));

/** Runs one verification of the sample CCCD with `key` to its end; returns its id. */
async function verify(key: AccessKey): Promise<string> {
  const seen: SessionEvent[] = [];
  let check = (): void => {};
  const off = terminal.subscribe((e) => {
    if (e.type !== 'session') return;
    seen.push(e.event);
    check();
  });
  const { sessionId } = await terminal.startVerification({ reader: null, key });
  await new Promise<void>((resolve) => {
    check = () => {
      if (seen.some((e) => e.sessionId === sessionId && (e.state === 'done' || e.state === 'error'))) resolve();
    };
    check();
  });
  off();
  return sessionId;
}

test('a late subscriber first gets the finished session with its outcome, and getSessions says the same', async () => {
  const doc = buildDocument('cccd-2021');
  await terminal.insertDemoCard({ profile: 'cccd-2021', variant: null });
  const id = await verify({ kind: 'mrz', mrz: doc.access.mrz });

  const seen: TerminalEvent[] = [];
  const off = terminal.subscribe((e) => seen.push(e));
  off();
  const [replayed] = sessionEvents(seen);
  assert.equal(replayed?.sessionId, id, 'replayed during subscribe, before any live event');
  assert.equal(replayed.state, 'done');
  assert.equal(replayed.outcome?.result.verdict, 'VERIFIED');
  assert.ok(replayed.outcome?.recordId);
  assert.deepEqual(await terminal.getSessions(), [replayed]);
});

test('a wrong key ends in error before anyone listened; a WebSocket that connects afterwards is told', async () => {
  await terminal.insertDemoCard({ profile: 'cccd-2021', variant: null });
  const before = (await terminal.getSessions())[0]!;
  const id = await verify({ kind: 'document', documentNumber: '123456789', dateOfBirth: '900101', dateOfExpiry: '300101' });
  const service = await startService({ api: terminal, staticDir });
  try {
    const ws = new WebSocket(`ws://127.0.0.1:${service.port}/events`, { headers: { origin: service.origin, authorization: `Bearer ${service.token}` } });
    const first = await new Promise<TerminalEvent>((resolve) => ws.once('message', (m) => resolve(JSON.parse(String(m)) as TerminalEvent)));
    ws.close();
    assert.equal(first.type, 'session');
    const event = (first as Extract<TerminalEvent, { type: 'session' }>).event;
    assert.deepEqual([event.sessionId, event.state, event.error?.code], [id, 'error', 'ACCESS_DENIED']);
    assert.ok(event.seq > before.seq, 'the later session has the larger seq');
  } finally {
    await service.close();
  }
});
