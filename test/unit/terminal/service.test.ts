/**
 * The terminal behind the HTTP + WebSocket service, with the virtual reader: a demo card is read
 * and stored, the records are listed, and the service refuses what it must refuse.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { WebSocket } from 'ws';
import { createHost } from '../../../host/create-host.ts';
import { startService } from '../../../service/server.ts';
import { render } from '../../../core/messages/render.ts';
import { SessionOutcomeSchema, type SessionEvent, type TerminalEvent } from '../../../core/api/terminal-api.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'eid-terminal-test-'));
const staticDir = mkdtempSync(join(tmpdir(), 'eid-static-'));
const host = await createHost({ dataDir, bootstrapSupervisor: { name: 'lan', pin: '2468' }, sync: false, virtualLatencyMs: 10 });
const service = await startService({ api: host.terminal, staticDir });
after(async () => {
  await service.close();
  await host.close();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(staticDir, { recursive: true, force: true });
});

const base = `http://127.0.0.1:${service.port}`;
async function call(method: string, input: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: { result?: any; error?: { code: string } } }> {
  const r = await fetch(`${base}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${service.token}`, ...headers },
    body: JSON.stringify(input),
  });
  return { status: r.status, body: await r.json() as never };
}

function events(): { next: (pred: (e: SessionEvent) => boolean) => Promise<SessionEvent>; close: () => void; ready: Promise<void> } {
  const ws = new WebSocket(`ws://127.0.0.1:${service.port}/events`, { headers: { origin: base, authorization: `Bearer ${service.token}` } });
  const seen: SessionEvent[] = [];
  const waiters: { pred: (e: SessionEvent) => boolean; resolve: (e: SessionEvent) => void }[] = [];
  ws.on('message', (m) => {
    const e = JSON.parse(String(m)) as TerminalEvent;
    if (e.type !== 'session') return;
    seen.push(e.event);
    for (const w of [...waiters]) if (w.pred(e.event)) { waiters.splice(waiters.indexOf(w), 1); w.resolve(e.event); }
  });
  return {
    ready: new Promise((resolve) => ws.once('open', () => resolve())),
    next: (pred) => {
      const hit = seen.find(pred);
      return hit ? Promise.resolve(hit) : new Promise((resolve) => waiters.push({ pred, resolve }));
    },
    close: () => ws.close(),
  };
}

test('reading needs a signed-in operator once accounts exist', async () => {
  const refused = await call('startVerification', { reader: null, key: { kind: 'can', can: '123456' } });
  assert.equal(refused.body.error?.code, 'SIGN_IN_REQUIRED');
  assert.equal((await call('signIn', { operator: 'lan', pin: '1111' })).body.error?.code, 'OPERATOR_AUTH_FAILED');
  assert.equal((await call('signIn', { operator: 'lan', pin: '2468' })).body.result.role, 'supervisor');
  assert.equal((await call('getStatus', {})).body.result.operator, 'lan');
});

test('a demo CCCD is read, verified, stored and listed', async () => {
  const ev = events();
  await ev.ready;
  const cards = (await call('listDemoCards', {})).body.result as { profile: string; variant: string | null; key: unknown }[];
  const card = cards.find((c) => c.profile === 'cccd-2021' && c.variant === null)!;
  assert.equal((await call('insertDemoCard', { profile: card.profile, variant: null })).status, 200);
  const status = (await call('getStatus', {})).body.result;
  assert.equal(status.readers.find((r: { virtual: boolean }) => r.virtual).cardPresent, true);
  const { sessionId } = (await call('startVerification', { reader: null, key: card.key })).body.result;
  const done = await ev.next((e) => e.sessionId === sessionId && (e.state === 'done' || e.state === 'error'));
  assert.equal(done.state, 'done', JSON.stringify(done.error));
  assert.equal(done.outcome?.result.verdict, 'VERIFIED');
  assert.match(done.outcome?.faceDataUrl ?? '', /^data:image\/jpeg;base64,/);
  assert.ok(done.outcome?.result.document?.vn?.fullName);
  // The warnings reach the UI as catalogue messages it renders in either language.
  const outcome = SessionOutcomeSchema.parse(done.outcome);
  assert.ok(outcome.result.warnings.length > 0);
  const demo = outcome.result.warnings.find((w) => w.code === 'DEMO_DOCUMENT');
  assert.match(demo ? render('vi', demo) : '', /^Giấy tờ MẪU \(DEMO\)/);
  for (const w of outcome.result.warnings) assert.notEqual(render('vi', w), render('en', w), `untranslated ${w.code}`);
  assert.ok((await ev.next((e) => e.sessionId === sessionId && e.state === 'reading')).state);
  const list = (await call('listRecords', { offset: 0, limit: 10 })).body.result;
  assert.equal(list.total, 1);
  assert.equal(list.records[0].id, done.outcome?.recordId);
  assert.equal(list.records[0].verdict, 'VERIFIED');
  const byName = (await call('listRecords', { search: done.outcome!.result.document!.vn!.fullName!.split(' ').at(-1) })).body.result;
  assert.equal(byName.total, 1);
  ev.close();
});

test('the chip warnings of a card without chip authentication reach the UI, rendered in Vietnamese', async () => {
  const ev = events();
  await ev.ready;
  const cards = (await call('listDemoCards', {})).body.result as { profile: string; variant: string | null; key: unknown }[];
  const card = cards.find((c) => c.profile === 'foreign-td1-id' && c.variant === null)!;
  await call('insertDemoCard', { profile: card.profile, variant: null });
  const { sessionId } = (await call('startVerification', { reader: null, key: card.key })).body.result;
  const done = await ev.next((e) => e.sessionId === sessionId && (e.state === 'done' || e.state === 'error'));
  assert.equal(done.state, 'done', JSON.stringify(done.error));
  const outcome = SessionOutcomeSchema.parse(done.outcome);
  assert.equal(outcome.result.checks.chipAuthentication.status, 'NOT_SUPPORTED');
  const noProof = outcome.result.warnings.find((w) => w.code === 'NO_CLONE_PROTECTION');
  assert.match(noProof ? render('vi', noProof) : '', /^Chip không có cách nào chứng minh nó không phải bản sao/);
  for (const w of outcome.result.warnings) assert.notEqual(render('vi', w), render('en', w), `untranslated ${w.code}`);
  ev.close();
});

test('a tampered card is FAILED and a card pulled mid-read is an error, with no hang', async () => {
  const ev = events();
  await ev.ready;
  const cards = (await call('listDemoCards', {})).body.result as { profile: string; variant: string | null; key: unknown }[];
  const tampered = cards.find((c) => c.profile === 'cccd-2021' && c.variant === 'tampered-dg')!;
  await call('insertDemoCard', { profile: tampered.profile, variant: tampered.variant });
  const s1 = (await call('startVerification', { reader: null, key: tampered.key })).body.result.sessionId;
  const r1 = await ev.next((e) => e.sessionId === s1 && (e.state === 'done' || e.state === 'error'));
  assert.equal(r1.outcome?.result.verdict, 'FAILED');
  assert.equal(r1.outcome?.result.checks.dataGroupHashes.status, 'FAIL');

  const good = cards.find((c) => c.profile === 'cccd-2021' && c.variant === null)!;
  await call('insertDemoCard', { profile: good.profile, variant: null });
  const s2 = (await call('startVerification', { reader: null, key: good.key })).body.result.sessionId;
  await ev.next((e) => e.sessionId === s2 && e.progress?.file === 'DG2');
  await call('removeDemoCard', {});
  const r2 = await ev.next((e) => e.sessionId === s2 && (e.state === 'done' || e.state === 'error'));
  assert.equal(r2.state, 'error');
  assert.match(r2.error?.code ?? '', /CARD_REMOVED/);
  ev.close();
});

test('settings need a supervisor PIN; wrong PINs are refused', async () => {
  const bad = await call('updateSettings', { operator: 'lan', pin: '0000', settings: { language: 'en' } });
  assert.equal(bad.status, 422);
  assert.equal(bad.body.error?.code, 'OPERATOR_AUTH_FAILED');
  const ok = await call('updateSettings', { operator: 'lan', pin: '2468', settings: { language: 'en', terminalName: 'Quầy 3' } });
  assert.equal(ok.body.result.language, 'en');
  assert.equal((await call('getStatus', {})).body.result.terminalName, 'Quầy 3');
});

test('the service refuses a missing token, a foreign Origin, a foreign Host and bad input', async () => {
  const noToken = await fetch(`${base}/api/getStatus`, { method: 'POST', body: '{}' });
  assert.equal(noToken.status, 401);
  assert.equal((await call('getStatus', {}, { origin: 'https://evil.example' })).status, 403);
  const wrongHost = await new Promise<number>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: service.port, path: '/api/getStatus', method: 'POST', headers: { host: 'evil.example', authorization: `Bearer ${service.token}` } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end('{}');
  });
  assert.equal(wrongHost, 421);
  const bad = await call('startVerification', { reader: null, key: { kind: 'cccd', idNumber: '12' } });
  assert.deepEqual([bad.status, bad.body.error?.code], [400, 'INVALID_INPUT']);
  const ws = new WebSocket(`ws://127.0.0.1:${service.port}/events`, { headers: { authorization: 'Bearer wrong' } });
  await new Promise<void>((resolve) => ws.once('error', () => resolve()));
});

test('the demo CSCAs judge only the virtual reader\'s sample cards, never real ones', async () => {
  const trust = (await call('listTrust', {})).body.result as { subject: string; name: string | null }[];
  assert.ok(trust.some((c) => c.name?.includes('CCCD')), 'the shipped CCCD CSCA is trusted');
  assert.ok(!trust.some((c) => /DEMO/.test(c.subject)), 'no demo CSCA in the trust store for real cards');
  assert.ok(host.virtualReader!.trust.certificates().every((c) => /DEMO/.test(c.certificate.subject.text)));
});
