/** What the idle countdowns show: whole seconds left, never below zero; minutes as m:ss. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clock, secondsLeft } from '../../../renderer/src/idle-countdown.ts';

test('seconds left count down from the last activity and stop at zero', () => {
  assert.equal(secondsLeft(1_000, 1_000, 60), 60);
  assert.equal(secondsLeft(1_000, 1_001, 60), 60, 'a started second still counts');
  assert.equal(secondsLeft(1_000, 60_000, 60), 1);
  assert.equal(secondsLeft(1_000, 61_000, 60), 0);
  assert.equal(secondsLeft(1_000, 99_000, 60), 0);
});

test('a countdown in minutes reads m:ss', () => {
  assert.equal(clock(900), '15:00');
  assert.equal(clock(59), '0:59');
  assert.equal(clock(61), '1:01');
});
