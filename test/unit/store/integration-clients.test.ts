import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { tempStore } from './fixtures.ts';
import { isEidError } from '../../../core/errors.ts';
import { runCli } from '../../helpers/cli-process.ts';

test('a supervisor adds a client; the secret is shown once and only its hash is stored', () => {
  const t = tempStore();
  try {
    const mai = t.store.operators.add('Mai', 'supervisor', '9876', null);
    const lan = t.store.operators.add('Lan', 'clerk', '1234', mai);
    const clients = t.store.integrationClients;
    assert.throws(() => clients.add(lan, { name: 'HIS', scopes: ['results'] }), (e) => isEidError(e, 'OPERATOR_FORBIDDEN'));
    const { client, secret } = clients.add(mai, { name: 'HIS', scopes: ['results', 'status'], origins: ['https://his.benhvien.example', 'http://127.0.0.1:8080'] });
    assert.match(client.id, /^ic_[0-9a-f]{16}$/);
    assert.ok(secret.length >= 43);
    assert.equal(clients.authenticate(client.id, secret)?.name, 'HIS');
    assert.equal(clients.authenticate(client.id, `${secret}x`), undefined);
    assert.equal(clients.authenticate('ic_0000000000000000', secret), undefined);
    const raw = new Database(t.store.path, { readonly: true });
    const dump = (raw.prepare('SELECT * FROM integration_clients').all() as Record<string, unknown>[]).map((r) => JSON.stringify(r)).join();
    raw.close();
    assert.ok(!dump.includes(secret));
    assert.ok(!dump.includes(Buffer.from(secret).toString('hex')));
    clients.revoke(mai, client.id);
    assert.equal(clients.authenticate(client.id, secret), undefined);
    assert.equal(clients.activeCount(), 0);
    assert.throws(() => clients.revoke(mai, client.id), (e) => isEidError(e, 'INTEGRATION_CLIENT_UNKNOWN'));
    assert.deepEqual(t.store.audit.list(10).filter((e) => e.action.startsWith('integration')).map((e) => [e.actor, e.action]), [['Mai', 'integration-client-revoke'], ['Mai', 'integration-client-add']]);
  } finally {
    t.cleanup();
  }
});

test('origins are https, or http on loopback only; scopes are the three known ones', () => {
  const t = tempStore();
  try {
    const mai = t.store.operators.add('Mai', 'supervisor', '9876', null);
    const add = (origins: string[], scopes: string[] = ['results']) => t.store.integrationClients.add(mai, { name: 'App', origins, scopes: scopes as never });
    for (const ok of [['https://teller.bank.example'], ['https://a.example:8443'], ['http://localhost:3000'], ['http://127.0.0.1:5173'], ['http://[::1]:8080']]) assert.doesNotThrow(() => add(ok), ok[0]);
    for (const bad of [['http://teller.bank.example'], ['https://a.example:443'], ['https://a.example/path'], ['file:///tmp'], ['*'], ['null']]) {
      assert.throws(() => add(bad), (e) => isEidError(e, 'INTEGRATION_CLIENT_INVALID'), bad[0]);
    }
    assert.throws(() => add([], []), (e) => isEidError(e, 'INTEGRATION_CLIENT_INVALID'));
    assert.throws(() => add([], ['admin']), (e) => isEidError(e, 'INTEGRATION_CLIENT_INVALID'));
  } finally {
    t.cleanup();
  }
});

test('eid-terminal integration add, list and revoke take the supervisor PIN from the environment or a file, never an argument', async () => {
  const t = tempStore();
  try {
    t.store.operators.add('Mai', 'supervisor', '9876', null);
    t.store.close();
    const dataDir = t.dir;
    const env = { EID_TERMINAL_BY_PIN: '9876' };
    const added = runCli(['integration', 'add', 'Teller web', '--origin', 'https://teller.bank.example', '--scope', 'results', '--scope', 'request', '--by', 'Mai', '--data-dir', dataDir, '--json'], { env });
    assert.equal(added.status, 0, added.stderr);
    const { client, secret } = JSON.parse(added.stdout);
    assert.deepEqual(client.scopes, ['results', 'request']);
    assert.ok(secret);
    const noPin = runCli(['integration', 'list', '--by', 'Mai', '--data-dir', dataDir], { env: { EID_TERMINAL_BY_PIN: '' } });
    assert.equal(noPin.status, 2);
    assert.match(noPin.stderr, /PIN/);
    const listed = runCli(['integration', 'list', '--by', 'Mai', '--data-dir', dataDir], { env });
    assert.match(listed.stdout, new RegExp(`${client.id}\\s+Teller web\\s+results,request\\s+active\\s+https://teller.bank.example`));
    assert.ok(!listed.stdout.includes(secret));
    // As the Settings screen lists it: when the client last received a result.
    assert.match(listed.stdout, /last result never$/m);
    assert.equal(JSON.parse(runCli(['integration', 'list', '--by', 'Mai', '--data-dir', dataDir, '--json'], { env }).stdout)[0].lastUsedAt, null);
    const wrong = runCli(['integration', 'revoke', client.id, '--by', 'Mai', '--data-dir', dataDir], { env: { EID_TERMINAL_BY_PIN: '1111' } });
    assert.equal(wrong.status, 2);
    const revoked = runCli(['integration', 'revoke', client.id, '--by', 'Mai', '--data-dir', dataDir], { env });
    assert.equal(revoked.status, 0, revoked.stderr);
    assert.match(revoked.stdout, /revoked /);
  } finally {
    t.cleanup();
  }
});
