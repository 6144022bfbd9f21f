/**
 * A FAILED document's holder data and photo are shown only on purpose, and that is recorded:
 * revealFailedData writes an audit event naming the operator and the record (no personal data).
 * The status names the signed-in operator's role, so supervisor-only actions can be offered.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { SessionEvent } from '../../../core/api/terminal-api.ts';
import { buildDocument } from '../../../core/chip/factory/build-document.ts';
import { DATABASE_FILE } from '../../../core/store/store.ts';
import { createHost } from '../../../host/create-host.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'eid-reveal-test-'));
const host = await createHost({ dataDir, sync: false, virtualLatencyMs: 0, bootstrapSupervisor: { name: 'lan', pin: '2468' } });
const terminal = host.terminal;
after(async () => {
  await host.close();
  rmSync(dataDir, { recursive: true, force: true });
});

test('showing a FAILED document\'s data anyway is recorded in the audit log under the operator', async () => {
  assert.equal((await terminal.getStatus()).operatorRole, null);
  await terminal.signIn({ operator: 'lan', pin: '2468' });
  assert.equal((await terminal.getStatus()).operatorRole, 'supervisor');
  await terminal.insertDemoCard({ profile: 'cccd-2021', variant: 'tampered-dg' });
  const done = new Promise<SessionEvent>((resolve) => {
    const off = terminal.subscribe((e) => e.type === 'session' && e.event.state === 'done' && (off(), resolve(e.event)));
  });
  await terminal.startVerification({ reader: null, key: { kind: 'mrz', mrz: buildDocument('cccd-2021').access.mrz } });
  const { outcome } = await done;
  assert.equal(outcome?.result.verdict, 'FAILED');
  assert.deepEqual(await terminal.revealFailedData({ recordId: outcome.recordId! }), { ok: true });
  const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    const rows = db.prepare("SELECT actor, detail FROM audit_events WHERE action = 'failed-data-shown'").all() as { actor: string; detail: string }[];
    assert.deepEqual(rows.map((r) => [r.actor, JSON.parse(r.detail)]), [['lan', { record: outcome.recordId, verdict: 'FAILED' }]]);
  } finally {
    db.close();
  }
  await assert.rejects(terminal.revealFailedData({ recordId: 'no-such-record' }), { code: 'RECORD_NOT_FOUND' });
});
