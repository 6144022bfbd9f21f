/**
 * Issue 15, row 11, and "5 wrong PINs lock, scrypt PINs" of what held: under failed attempts an
 * unknown name, a disabled account and a real account behave alike: the same answers in the same
 * order (locked after the fifth), the same scrypt, and the same writes, so neither the answers
 * nor the work behind them tell which names exist.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { isEidError } from '../../core/errors.ts';
import type { Store } from '../../core/store/store.ts';
import { Clock, tempStore } from '../unit/store/fixtures.ts';

function codeOf(run: () => unknown): string {
  try {
    run();
    return 'OK';
  } catch (e) {
    return isEidError(e) ? e.code : String(e);
  }
}

/** Seven wrong PINs for `name`, then the lock running out; with the number of commits each attempt made. */
function attempts(store: Store, clock: Clock, name: string, pin: string): { codes: string[]; commits: number[] } {
  const observer = new Database(store.path, { readonly: true });
  try {
    const version = () => observer.pragma('data_version', { simple: true }) as number;
    const codes: string[] = [];
    const commits: number[] = [];
    for (let i = 0; i < 7; i++) {
      const before = version();
      codes.push(codeOf(() => store.operators.authenticate(name, '0000')));
      commits.push(version() === before ? 0 : 1);
    }
    clock.ms += 15 * 60_000 + 1;
    codes.push(codeOf(() => store.operators.authenticate(name, pin)));
    return { codes, commits };
  } finally {
    observer.close();
  }
}

test('row 11: an unknown name, a disabled account and a real one answer alike under wrong PINs, with the same writes', () => {
  const clock = new Clock(Date.parse('2026-03-01T08:00:00Z'));
  const t = tempStore({ now: clock.now });
  try {
    const mai = t.store.operators.add('Mai', 'supervisor', '9876', null);
    t.store.operators.add('Lan', 'clerk', '1234', mai);
    t.store.operators.add('Old', 'clerk', '5555', mai);
    t.store.operators.setDisabled(mai, 'Old', true);
    const real = attempts(t.store, clock, 'Lan', '0001');
    const unknown = attempts(t.store, clock, 'Nobody', '0001');
    const disabled = attempts(t.store, clock, 'Old', '0001');
    const locked = ['OPERATOR_AUTH_FAILED', 'OPERATOR_AUTH_FAILED', 'OPERATOR_AUTH_FAILED', 'OPERATOR_AUTH_FAILED', 'OPERATOR_LOCKED', 'OPERATOR_LOCKED', 'OPERATOR_LOCKED'];
    assert.deepEqual(real.codes, [...locked, 'OPERATOR_AUTH_FAILED']);
    assert.deepEqual(unknown, real);
    assert.deepEqual(disabled, real);
  } finally {
    t.cleanup();
  }
});

test('what held: five wrong PINs lock a real account, even against the right PIN, until the lock runs out', () => {
  const clock = new Clock(Date.parse('2026-03-01T08:00:00Z'));
  const t = tempStore({ now: clock.now });
  try {
    t.store.operators.add('Mai', 'supervisor', '9876', null);
    for (let i = 0; i < 5; i++) codeOf(() => t.store.operators.authenticate('Mai', '0000'));
    assert.equal(codeOf(() => t.store.operators.authenticate('Mai', '9876')), 'OPERATOR_LOCKED');
    assert.equal(t.store.operators.get('Mai').locked, true);
    clock.ms += 15 * 60_000 + 1;
    assert.equal(t.store.operators.authenticate('Mai', '9876').name, 'Mai');
  } finally {
    t.cleanup();
  }
});
