import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { Clock, tempStore } from './fixtures.ts';
import { isEidError } from '../../../core/errors.ts';

test('the first operator must be a supervisor; later ones are added by a supervisor', () => {
  const t = tempStore();
  try {
    const ops = t.store.operators;
    assert.throws(() => ops.add('Lan', 'clerk', '1234', null), (e) => isEidError(e, 'OPERATOR_FORBIDDEN'));
    const mai = ops.add('Mai', 'supervisor', '9876', null);
    assert.throws(() => ops.add('Lan', 'clerk', '1234', null), (e) => isEidError(e, 'OPERATOR_FORBIDDEN'));
    const lan = ops.add('Lan', 'clerk', '1234', mai);
    assert.throws(() => ops.add('Hoa', 'clerk', '1234', lan), (e) => isEidError(e, 'OPERATOR_FORBIDDEN'));
    assert.throws(() => ops.add('lan', 'clerk', '1111', mai), (e) => isEidError(e, 'OPERATOR_EXISTS'));
    for (const [name, pin] of [['', '1234'], ['Hoa', '12'], ['Hoa', 'abcd'], ['Hoa', '1234567890123'], ['<script>', '1234']]) {
      assert.throws(() => ops.add(name!, 'clerk', pin!, mai), (e) => isEidError(e, 'OPERATOR_INVALID'), `${name}/${pin}`);
    }
    assert.deepEqual(ops.list().map((o) => [o.name, o.role]), [['Lan', 'clerk'], ['Mai', 'supervisor']]);
  } finally {
    t.cleanup();
  }
});

test('PINs are stored as scrypt hashes, never in clear', () => {
  const t = tempStore();
  try {
    t.store.operators.add('Mai', 'supervisor', '246813', null);
    const raw = new Database(t.store.path, { readonly: true });
    const row = raw.prepare('SELECT pin_hash, pin_salt FROM operators').get() as { pin_hash: Uint8Array; pin_salt: Uint8Array };
    raw.close();
    assert.equal(row.pin_hash.length, 32);
    assert.equal(row.pin_salt.length, 16);
    assert.equal(Buffer.from(row.pin_hash).includes(Buffer.from('246813')), false);
  } finally {
    t.cleanup();
  }
});

test('wrong PINs lock the account; the lock expires; a supervisor can unlock early', () => {
  const clock = new Clock(Date.parse('2026-02-01T08:00:00Z'));
  const t = tempStore({ now: clock.now });
  try {
    const ops = t.store.operators;
    t.store.settings.set('operatorMaxFailures', '3');
    t.store.settings.set('operatorLockMinutes', '10');
    const mai = ops.add('Mai', 'supervisor', '9876', null);
    ops.add('Lan', 'clerk', '1234', mai);
    assert.equal(ops.authenticate('Lan', '1234').role, 'clerk');
    assert.throws(() => ops.authenticate('Lan', '0000'), (e) => isEidError(e, 'OPERATOR_AUTH_FAILED'));
    assert.throws(() => ops.authenticate('Lan', '0000'), (e) => isEidError(e, 'OPERATOR_AUTH_FAILED'));
    assert.throws(() => ops.authenticate('Lan', '0000'), (e) => isEidError(e, 'OPERATOR_LOCKED'));
    // Locked: even the right PIN is refused.
    assert.throws(() => ops.authenticate('Lan', '1234'), (e) => isEidError(e, 'OPERATOR_LOCKED'));
    assert.equal(ops.get('Lan').locked, true);
    clock.ms += 10 * 60_000 + 1;
    assert.equal(ops.authenticate('Lan', '1234').name, 'Lan');

    for (let i = 0; i < 3; i++) assert.throws(() => ops.authenticate('Lan', '0000'));
    assert.throws(() => ops.unlock(ops.get('Lan'), 'Lan'), (e) => isEidError(e, 'OPERATOR_FORBIDDEN'));
    ops.unlock(mai, 'Lan');
    assert.equal(ops.authenticate('Lan', '1234').locked, false);
    assert.deepEqual(t.store.audit.list().map((e) => `${e.actor}:${e.action}`), ['Mai:operator-unlock', 'Lan:operator-locked', 'Lan:operator-locked', 'Mai:operator-add', 'Mai:operator-add']);
  } finally {
    t.cleanup();
  }
});

test('an unknown name and a wrong PIN give the same error', () => {
  const t = tempStore();
  try {
    t.store.operators.add('Mai', 'supervisor', '9876', null);
    assert.throws(() => t.store.operators.authenticate('Nobody', '9876'), (e) => isEidError(e, 'OPERATOR_AUTH_FAILED'));
    assert.throws(() => t.store.operators.authenticate('Mai', '1111'), (e) => isEidError(e, 'OPERATOR_AUTH_FAILED'));
    assert.throws(() => t.store.operators.authenticateSupervisor('Mai', '1111'), (e) => isEidError(e, 'OPERATOR_AUTH_FAILED'));
    assert.equal(t.store.operators.authenticateSupervisor('Mai', '9876').name, 'Mai');
  } finally {
    t.cleanup();
  }
});

test('disabled operators cannot sign in; a supervisor can reset a PIN', () => {
  const t = tempStore();
  try {
    const ops = t.store.operators;
    const mai = ops.add('Mai', 'supervisor', '9876', null);
    ops.add('Lan', 'clerk', '1234', mai);
    ops.setPin(mai, 'Lan', '4321');
    assert.throws(() => ops.authenticate('Lan', '1234'), (e) => isEidError(e, 'OPERATOR_AUTH_FAILED'));
    assert.equal(ops.authenticate('Lan', '4321').name, 'Lan');
    ops.setDisabled(mai, 'Lan', true);
    assert.throws(() => ops.authenticate('Lan', '4321'), (e) => isEidError(e, 'OPERATOR_AUTH_FAILED'));
  } finally {
    t.cleanup();
  }
});

test('a locked operator is told how many minutes the lock still lasts, and supervisors see until when', () => {
  const clock = new Clock(Date.parse('2026-02-01T08:00:00Z'));
  const t = tempStore({ now: clock.now });
  try {
    const ops = t.store.operators;
    t.store.settings.set('operatorMaxFailures', '2');
    t.store.settings.set('operatorLockMinutes', '15');
    const mai = ops.add('Mai', 'supervisor', '9876', null);
    ops.add('Lan', 'clerk', '1234', mai);
    assert.throws(() => ops.authenticate('Lan', '0000'));
    assert.throws(() => ops.authenticate('Lan', '0000'), (e) => isEidError(e, 'OPERATOR_LOCKED') && e.params.minutes === 15);
    clock.ms += 9 * 60_000 + 30_000;
    assert.throws(() => ops.authenticate('Lan', '1234'), (e) => isEidError(e, 'OPERATOR_LOCKED') && e.params.minutes === 6);
    assert.equal(ops.get('Lan').lockedUntil, '2026-02-01T08:15:00.000Z');
    assert.equal(ops.get('Mai').lockedUntil, null);
  } finally {
    t.cleanup();
  }
});

test('a supervisor changes roles; the last active supervisor can be neither demoted nor disabled', () => {
  const t = tempStore();
  try {
    const ops = t.store.operators;
    const mai = ops.add('Mai', 'supervisor', '9876', null);
    const lan = ops.add('Lan', 'clerk', '1234', mai);
    assert.throws(() => ops.setRole(lan, 'Lan', 'supervisor'), (e) => isEidError(e, 'OPERATOR_FORBIDDEN'));
    assert.throws(() => ops.setRole(mai, 'Mai', 'clerk'), (e) => isEidError(e, 'OPERATOR_LAST_SUPERVISOR'));
    assert.throws(() => ops.setDisabled(mai, 'Mai', true), (e) => isEidError(e, 'OPERATOR_LAST_SUPERVISOR'));
    assert.throws(() => ops.setRole(mai, 'Nobody', 'clerk'), (e) => isEidError(e, 'OPERATOR_AUTH_FAILED'));
    ops.setRole(mai, 'Lan', 'supervisor');
    assert.equal(ops.get('Lan').role, 'supervisor');
    ops.setRole(ops.get('Lan'), 'Mai', 'clerk');
    assert.equal(ops.get('Mai').role, 'clerk');
    assert.throws(() => ops.setDisabled(ops.get('Lan'), 'Lan', true), (e) => isEidError(e, 'OPERATOR_LAST_SUPERVISOR'));
    assert.equal(t.store.audit.list()[0]?.action, 'operator-role');
  } finally {
    t.cleanup();
  }
});
