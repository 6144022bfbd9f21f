/**
 * closeSession: "Next customer", Cancel and the idle timer end a session for every screen. Every
 * subscriber is told (state closed, no outcome), and a page that loads afterwards is not shown it.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SessionEvent } from '../../../core/api/terminal-api.ts';
import { buildDocument } from '../../../core/chip/factory/build-document.ts';
import { createHost } from '../../../host/create-host.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'eid-close-test-'));
const host = await createHost({ dataDir, sync: false, virtualLatencyMs: 0 });
const terminal = host.terminal;
after(async () => {
  await host.close();
  rmSync(dataDir, { recursive: true, force: true });
});

test('closing a finished session tells every subscriber and leaves nothing to replay', async () => {
  await terminal.insertDemoCard({ profile: 'cccd-2021', variant: null });
  const seen: SessionEvent[] = [];
  const off = terminal.subscribe((e) => e.type === 'session' && seen.push(e.event));
  const { sessionId } = await terminal.startVerification({ reader: null, key: { kind: 'mrz', mrz: buildDocument('cccd-2021').access.mrz } });
  while (!seen.some((e) => e.sessionId === sessionId && e.state === 'done')) await new Promise((r) => setTimeout(r, 5));
  assert.deepEqual(await terminal.closeSession({ sessionId }), { ok: true });
  off();
  const last = seen.at(-1)!;
  assert.deepEqual([last.sessionId, last.state, last.outcome, last.error], [sessionId, 'closed', null, null]);
  assert.deepEqual(await terminal.getSessions(), []);
  assert.deepEqual(await terminal.closeSession({ sessionId }), { ok: false }, 'already closed');
});

test('a session started with no card on the reader is announced as waiting for the card', async () => {
  await terminal.removeDemoCard();
  const seen: SessionEvent[] = [];
  const off = terminal.subscribe((e) => e.type === 'session' && seen.push(e.event));
  const { sessionId } = await terminal.startVerification({ reader: null, key: { kind: 'mrz', mrz: buildDocument('cccd-2021').access.mrz } });
  off();
  assert.deepEqual(seen.filter((e) => e.sessionId === sessionId).map((e) => e.state), ['waiting']);
  await terminal.closeSession({ sessionId });
});
