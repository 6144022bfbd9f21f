/** Scores to decisions, the policy's limits, cosine similarity, eye openness and the bench's error-rate intervals. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decide, DEFAULT_MATCH_POLICY, uncertainFrom, validatePolicy } from '../../../face/decision.ts';
import { cosineSimilarity } from '../../../face/similarity.ts';
import { eyeOpenness, type MeshPoint } from '../../../face/eyes.ts';
import { rateWithInterval } from '../../../bench/face-rates.ts';

test('MATCH at or above the threshold, UNCERTAIN in the band below it, NO_MATCH under the band', () => {
  const policy = { threshold: 0.6, uncertainMargin: 0.1 };
  assert.equal(decide(0.6, policy), 'MATCH');
  assert.equal(decide(0.95, policy), 'MATCH');
  assert.equal(decide(0.599, policy), 'UNCERTAIN');
  assert.equal(decide(0.5, policy), 'UNCERTAIN');
  assert.equal(decide(0.499, policy), 'NO_MATCH');
  assert.equal(decide(-0.2, policy), 'NO_MATCH');
  assert.equal(decide(DEFAULT_MATCH_POLICY.threshold), 'MATCH');
  assert.equal(decide(uncertainFrom(DEFAULT_MATCH_POLICY)), 'UNCERTAIN');
});

test('a supervisor\'s policy must keep the threshold in (0, 1) and the band below it', () => {
  assert.deepEqual(validatePolicy({ threshold: 0.7, uncertainMargin: 0 }), { threshold: 0.7, uncertainMargin: 0 });
  for (const bad of [{ threshold: 0, uncertainMargin: 0 }, { threshold: 1, uncertainMargin: 0.1 }, { threshold: 0.5, uncertainMargin: 0.5 }, { threshold: 0.5, uncertainMargin: -0.1 }, { threshold: Number.NaN, uncertainMargin: 0.1 }]) {
    assert.throws(() => validatePolicy(bad), RangeError, JSON.stringify(bad));
  }
});

test('cosine similarity: direction only, zero vectors score 0, lengths must agree', () => {
  assert.equal(cosineSimilarity([1, 2, 3], [2, 4, 6]), 1);
  assert.equal(cosineSimilarity([1, 0], [0, 5]), 0);
  assert.equal(cosineSimilarity([1, 0], [-1, 0]), -1);
  assert.equal(cosineSimilarity([0, 0], [1, 1]), 0);
  assert.throws(() => cosineSimilarity([1], [1, 2]), RangeError);
  assert.throws(() => cosineSimilarity([], []), RangeError);
});

test('eye openness: lid distance over eye width, both eyes; null without a full mesh', () => {
  const mesh = (open: number): MeshPoint[] => {
    const points: MeshPoint[] = Array.from({ length: 468 }, () => [0, 0, 0]);
    const eye = (ids: number[], x: number): void => {
      const [corner1, up1, up2, corner2, low2, low1] = ids as [number, number, number, number, number, number];
      points[corner1] = [x, 0];
      points[corner2] = [x + 30, 0];
      points[up1] = [x + 10, -open * 15];
      points[low1] = [x + 10, open * 15];
      points[up2] = [x + 20, -open * 15];
      points[low2] = [x + 20, open * 15];
    };
    eye([33, 160, 158, 133, 153, 144], 0);
    eye([362, 385, 387, 263, 373, 380], 60);
    return points;
  };
  assert.ok(Math.abs(eyeOpenness(mesh(0.3))! - 0.3) < 1e-9);
  assert.ok(eyeOpenness(mesh(0.05))! < eyeOpenness(mesh(0.3))! * 0.6);
  assert.equal(eyeOpenness(mesh(0.3).slice(0, 400)), null);
  assert.equal(eyeOpenness(undefined), null);
});

test('error rates: Wilson interval around the rate, rule of three when nothing was seen', () => {
  const none = rateWithInterval(0, 300);
  assert.deepEqual([none.rate, none.low, none.high], [0, 0, 0.01]);
  const some = rateWithInterval(3, 100);
  assert.equal(some.rate, 0.03);
  assert.ok(some.low > 0.009 && some.low < 0.011 && some.high > 0.084 && some.high < 0.086, JSON.stringify(some));
});
