/**
 * The integration API's contract: every event, reply and HTTP body validates against the
 * published JSON Schemas (integration/schemas.json, generated from the zod messages), a
 * verification delivers exactly its purpose profile's fields, hospitals get valid FHIR R4, and
 * each delivery is audited.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import { BUILT_IN_PROFILES } from '../../../core/store/profiles.ts';
import { VN_CCCD_SYSTEM } from '../../../core/integration/fhir.ts';
import { integrationSchemasText } from '../../../scripts/generate-integration-schemas.ts';
import { integrationHarness } from './harness.ts';
import { assertSchema, assertServerMessage, SCHEMAS_PATH } from './schemas.ts';
import { assertFhirR4, loadFhirDefinitions } from './fhir-validator.ts';

// Loading the R4 definitions blocks for seconds: done first, not between two requests.
loadFhirDefinitions();
const h = await integrationHarness({ enrolled: 'ed25519' });
after(() => h.close());

const teller = await h.addClient('Teller app', ['results', 'request', 'status']);

test('integration/schemas.json is what the zod messages generate (one source of truth)', () => {
  assert.equal(readFileSync(SCHEMAS_PATH, 'utf8'), integrationSchemasText(), 'run node --import tsx scripts/generate-integration-schemas.ts');
});

test('every schema the AsyncAPI and OpenAPI descriptions reference exists', () => {
  const defs = Object.keys((JSON.parse(readFileSync(SCHEMAS_PATH, 'utf8')) as { $defs: object }).$defs);
  for (const file of ['asyncapi.yaml', 'openapi.yaml']) {
    const text = readFileSync(fileURLToPath(new URL(`../../../integration/${file}`, import.meta.url)), 'utf8');
    assert.ok(load(text));
    const refs = [...text.matchAll(/schemas\.json#\/\$defs\/(\w+)/g)].map((m) => m[1]!);
    assert.ok(refs.length >= 6, file);
    for (const r of refs) assert.ok(defs.includes(r), `${file} names ${r}`);
  }
});

test('a kiosk read reaches the client as started and completed events with the bank profile\'s fields only', async () => {
  const socket = await h.connect(teller);
  const hello = await socket.next((m) => m.type === 'hello');
  assertServerMessage(hello);
  const key = await h.insertCard();
  const { sessionId } = await h.host.terminal.startVerification({ reader: null, key });
  const started = await socket.next((m) => m.type === 'verification.started' && m.data.id === sessionId);
  const completed = await socket.next((m) => m.type === 'verification.completed' && m.data.id === sessionId);
  for (const m of socket.messages) assertServerMessage(m);
  assert.ok(completed.seq > started.seq);
  assert.equal(completed.data.state, 'done');
  assert.equal(completed.data.verdict, 'VERIFIED');
  assert.equal(completed.data.purpose, 'bank');
  const bank = BUILT_IN_PROFILES.bank!;
  assert.ok(Object.keys(completed.data.fields).length > 3);
  for (const f of Object.keys(completed.data.fields)) assert.ok(bank.keep.includes(f as never), `${f} is not a bank field`);
  assert.equal(completed.data.photo, null, 'the bank profile keeps no face');
  assert.equal(completed.data.fhir, null);
  assert.match(completed.data.signedResult, /^[\w-]+\.[\w-]+\.[\w-]+$/);
  const audit = h.host.store.audit.list(10).find((e) => e.action === 'integration-delivery' && e.detail.verification === sessionId);
  assert.deepEqual(audit?.detail, { client: teller.id, record: completed.data.recordId, verification: sessionId, fields: Object.keys(completed.data.fields).join(','), photo: false, fhir: false, signed: true });
  socket.close();
});

test('a request with a key starts the read; the expected ID number is compared; the result is fetched over HTTP', async () => {
  const socket = await h.connect(teller);
  const key = await h.insertCard();
  let chipIdNumber = '';
  for (const [expected, match] of [['001099999999', false], [null, true]] as const) {
    const accepted = await h.http('/v1/verifications', { method: 'POST', client: teller, body: { purpose: 'government', expectedIdNumber: expected ?? chipIdNumber, key } });
    assert.equal(accepted.status, 202, JSON.stringify(accepted.body));
    assertSchema('VerificationAccepted', accepted.body);
    const completed = await socket.next((m) => m.type === 'verification.completed' && m.data.requestId === accepted.body.requestId);
    assertServerMessage(completed);
    assert.equal(completed.data.purpose, 'government');
    assert.equal(completed.data.idNumberMatch, match);
    chipIdNumber = completed.data.fields.idNumber;
    const fetched = await h.http(`/v1/verifications/${accepted.body.requestId}/result`, { client: teller });
    assert.equal(fetched.status, 200);
    assertSchema('VerificationCompleted', fetched.body);
    assert.deepEqual(fetched.body, completed.data);
  }
  socket.close();
});

test('a request without a key waits for the clerk\'s read, which answers it under the request\'s purpose', async () => {
  const accepted = await h.http('/v1/verifications', { method: 'POST', client: teller, body: { purpose: 'minimal' } });
  assert.equal(accepted.status, 202);
  assert.equal(accepted.body.state, 'waiting-for-card');
  const pending = await h.http(`/v1/verifications/${accepted.body.requestId}/result`, { client: teller });
  assert.equal(pending.status, 202);
  assertSchema('PendingResult', pending.body);
  const key = await h.insertCard();
  const { sessionId } = await h.host.terminal.startVerification({ reader: null, key });
  await h.hub.settled();
  const result = await waitFor(async () => {
    const r = await h.http(`/v1/verifications/${accepted.body.requestId}/result`, { client: teller });
    return r.status === 200 ? r.body : undefined;
  });
  assert.equal(result.id, sessionId);
  assert.equal(result.purpose, 'minimal');
  assert.deepEqual(Object.keys(result.fields), ['idNumber']);
});

test('the hospital profile adds a valid FHIR R4 Patient (ID number under the VN Core system) and Provenance', async () => {
  const socket = await h.connect(teller);
  const key = await h.insertCard();
  const accepted = await h.http('/v1/verifications', { method: 'POST', client: teller, body: { purpose: 'hospital', key } });
  const completed = await socket.next((m) => m.type === 'verification.completed' && m.data.requestId === accepted.body.requestId);
  assertServerMessage(completed);
  const { patient, provenance } = completed.data.fhir;
  assertFhirR4(patient);
  assertFhirR4(provenance);
  assert.equal(patient.identifier[0].system, VN_CCCD_SYSTEM);
  assert.equal(patient.identifier[0].value, completed.data.fields.idNumber);
  assert.match(patient.identifier[0].value, /^\d{12}$/);
  assert.equal(patient.name[0].text, completed.data.fields.fullName);
  assert.equal(patient.birthDate, completed.data.fields.dateOfBirth);
  assert.ok(['male', 'female'].includes(patient.gender));
  assert.equal(patient.address[0].text, completed.data.fields.placeOfResidence);
  assert.equal(provenance.target[0].reference, `Patient/${patient.id}`);
  assert.deepEqual(provenance.agent.map((a: any) => a.type.coding[0].code), ['verifier', 'performer']);
  assert.equal(provenance.agent[1].who.display, 'lan');
  assert.equal(provenance.extension[0].valueCode, 'VERIFIED');
  assert.equal(Buffer.from(provenance.signature[0].data, 'base64').toString(), completed.data.signedResult);
  socket.close();
});

test('an invalid FHIR resource is refused by the validator (the check can fail)', () => {
  assert.throws(() => assertFhirR4({ resourceType: 'Patient', gender: 'nam' }));
  assert.throws(() => assertFhirR4({ resourceType: 'Provenance', target: [{ reference: 'Patient/x' }], recorded: '2025-01-01T00:00:00Z' }));
  assert.throws(() => assertFhirR4({ resourceType: 'Patient', birthDate: '01/02/1990' }));
});

test('status over HTTP and over the WebSocket validate; refusals are Problems', async () => {
  const status = await h.http('/v1/status', { client: teller });
  assert.equal(status.status, 200);
  assertSchema('IntegrationStatus', status.body);
  assert.equal(status.body.terminalId, 'T-0001');
  const socket = await h.connect(teller);
  socket.send({ type: 'status', correlationId: 'c1' });
  socket.send({ type: 'verification.request', correlationId: 'c2', data: { purpose: 'no such profile!' } });
  socket.send({ type: 'nonsense' });
  const reply = await socket.next((m) => m.type === 'status.result');
  assert.equal(reply.correlationId, 'c1');
  const bad = await socket.next((m) => m.type === 'error' && m.correlationId === null);
  assert.equal(bad.error.code, 'INVALID_INPUT');
  for (const m of socket.messages) assertServerMessage(m);
  socket.close();
  const wrong = await h.http('/v1/status', { client: { id: teller.id, secret: 'x'.repeat(43) } });
  assert.equal(wrong.status, 401);
  assertSchema('Problem', wrong.body);
  const unknown = await h.http('/v1/verifications/nope/result', { client: teller });
  assert.equal(unknown.status, 404);
  assertSchema('Problem', unknown.body);
});

test('scopes are enforced by the server: no request scope, no read; no results scope, no other client\'s results', async () => {
  const watcher = await h.addClient('Queue display', ['status']);
  const key = await h.insertCard();
  const refused = await h.http('/v1/verifications', { method: 'POST', client: watcher, body: { key } });
  assert.equal(refused.status, 403);
  assert.equal(refused.body.error.code, 'SCOPE_MISSING');
  const socket = await h.connect(watcher);
  socket.send({ type: 'verification.request', correlationId: 'r', data: { key } });
  const reply = await socket.next((m) => m.type === 'error');
  assertServerMessage(reply);
  assert.equal(reply.error.code, 'SCOPE_MISSING');
  const tellerSocket = await h.connect(teller);
  const { sessionId } = await h.host.terminal.startVerification({ reader: null, key });
  await tellerSocket.next((m) => m.type === 'verification.completed' && m.data.id === sessionId);
  tellerSocket.close();
  assert.equal(socket.messages.filter((m) => m.type.startsWith('verification.')).length, 0);
  assert.equal((await h.http(`/v1/verifications/${sessionId}/result`, { client: watcher })).status, 404);
  socket.close();
});

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}
