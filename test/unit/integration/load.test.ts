/**
 * Load: 20 connected clients of mixed scopes, 100 verifications on the virtual reader at zero
 * latency (half started at the counter, half requested by clients), cards put on and taken off
 * between them. Every client gets every event it is entitled to, in order, none twice, and
 * nothing else.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import type { IntegrationScope } from '../../../core/api/integration-clients.ts';
import { integrationHarness, type Credentials, type EventSocket } from './harness.ts';
import { assertServerMessage } from './schemas.ts';

const h = await integrationHarness({ enrolled: 'ed25519' });
after(() => h.close());

interface Member {
  readonly credentials: Credentials;
  readonly scopes: IntegrationScope[];
  readonly socket: EventSocket;
  readonly requested: Set<string>;
}

const SHAPES: IntegrationScope[][] = [['results', 'status'], ['results'], ['request'], ['status']];

test('20 clients, 100 verifications: each client gets exactly its events, in order, once', { timeout: 600_000 }, async () => {
  const members: Member[] = [];
  for (let i = 0; i < 20; i++) {
    const scopes = SHAPES[i % SHAPES.length]!;
    const credentials = await h.addClient(`Client ${i}`, scopes);
    const socket = await h.connect(credentials);
    await socket.next((m) => m.type === 'hello');
    members.push({ credentials, scopes, socket, requested: new Set() });
  }
  const watcher = members[0]!;
  const requesters = members.filter((m) => m.scopes.includes('request') && !m.scopes.includes('results'));
  const all: string[] = [];
  let key = await h.insertCard();
  for (let n = 0; n < 100; n++) {
    if (n % 10 === 9) {
      await h.host.terminal.removeDemoCard();
      key = await h.insertCard();
    }
    let id: string;
    if (n % 2 === 0) {
      id = (await h.host.terminal.startVerification({ reader: null, key })).sessionId;
    } else {
      const requester = requesters[(n >> 1) % requesters.length]!;
      const accepted = await h.http('/v1/verifications', { method: 'POST', client: requester.credentials, body: { key } });
      assert.equal(accepted.status, 202, JSON.stringify(accepted.body));
      id = accepted.body.id;
      requester.requested.add(id);
    }
    all.push(id);
    await watcher.socket.next((m) => m.type === 'verification.completed' && m.data.id === id, 60_000);
  }
  await h.hub.settled();
  // Let the last frames arrive.
  await new Promise((r) => setTimeout(r, 200));
  const readerChanges = watcher.socket.messages.filter((m) => m.type === 'reader.changed').map((m) => m.seq);
  assert.ok(readerChanges.length >= 18, `reader changes seen: ${readerChanges.length}`);

  for (const m of members) {
    const events = m.socket.messages.filter((x) => x.type !== 'hello');
    for (const e of events) assertServerMessage(e);
    const seqs = events.map((e) => e.seq);
    assert.deepEqual(seqs, [...seqs].sort((a, b) => a - b), 'in order');
    assert.equal(new Set(seqs).size, seqs.length, 'none twice');
    const entitledIds = m.scopes.includes('results') ? all : all.filter((id) => m.requested.has(id));
    for (const type of ['verification.started', 'verification.completed']) {
      assert.deepEqual(events.filter((e) => e.type === type).map((e) => e.data.id), entitledIds, `${m.credentials.id} ${type}`);
    }
    assert.deepEqual(events.filter((e) => e.type === 'reader.changed').map((e) => e.seq), m.scopes.includes('status') ? readerChanges : [], 'reader changes');
    assert.equal(events.length, entitledIds.length * 2 + (m.scopes.includes('status') ? readerChanges.length : 0), 'nothing else');
    for (const id of entitledIds) {
      const started = events.findIndex((e) => e.type === 'verification.started' && e.data.id === id);
      const completed = events.findIndex((e) => e.type === 'verification.completed' && e.data.id === id);
      assert.ok(started >= 0 && started < completed, `started before completed: ${id}`);
    }
    m.socket.close();
  }
  assert.ok(requesters.every((r) => r.requested.size === 10));
  const audit = new Database(h.host.store.path, { readonly: true });
  const { n } = audit.prepare("SELECT count(*) AS n FROM audit_events WHERE action = 'integration-delivery'").get() as { n: number };
  audit.close();
  assert.equal(n, 100 * members.filter((m) => m.scopes.includes('results')).length + 50, 'one audit entry per delivery');
});
