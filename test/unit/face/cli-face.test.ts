/** `eid-terminal face compare` as a separate process: exit codes and the JSON it prints. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeDg2 } from '../../../core/lds/dg2.ts';
import { faceBytes, faceFilePath, otherPhoto } from '../../../fixtures/index.ts';

function cli(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/eid-terminal.js', 'face', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

const json = (out: string): Record<string, unknown> => JSON.parse(out.trim()) as Record<string, unknown>;

test('same person: exit 0 and one JSON object with the decision and its context', async () => {
  const { code, out } = await cli(['compare', '--reference', faceFilePath('person-01/01.jpg'), '--probe', faceFilePath('person-01/03.jpg'), '--json']);
  assert.equal(code, 0, out);
  const result = json(out);
  assert.deepEqual(Object.keys(result), ['decision', 'score', 'threshold', 'liveness', 'model', 'millis']);
  assert.equal(result.decision, 'MATCH');
  assert.ok((result.score as number) >= (result.threshold as number));
  assert.equal(result.liveness, 'NOT_PERFORMED');
  assert.equal(result.model, 'human-3.3.6/faceres');
});

test('different people, reference from a dump\'s DG2: exit 1 NO_MATCH', async () => {
  const dump = mkdtempSync(join(tmpdir(), 'eid-face-dump-'));
  try {
    writeFileSync(join(dump, 'DG2.bin'), encodeDg2({ image: faceBytes('person-07/01.jpg') }));
    const { code, out } = await cli(['compare', '--dump', dump, '--probe', faceFilePath('person-17/02.jpg'), '--json']);
    assert.equal(code, 1, out);
    assert.equal(json(out).decision, 'NO_MATCH');
  } finally {
    rmSync(dump, { recursive: true, force: true });
  }
});

test('errors: exit 2 with the error\'s own code', async () => {
  const reference = faceFilePath('person-01/01.jpg');
  const cases: [string[], string][] = [
    [['compare', '--reference', reference, '--probe', faceFilePath(otherPhoto('two-faces')), '--json'], 'FACE_MULTIPLE'],
    [['compare', '--reference', faceFilePath(otherPhoto('no-face')), '--probe', reference, '--json'], 'FACE_NOT_FOUND'],
    [['compare', '--reference', reference, '--probe', faceFilePath('manifest.json'), '--json'], 'IMAGE_UNREADABLE'],
    [['compare', '--probe', reference, '--json'], 'USAGE'],
  ];
  const results = await Promise.all(cases.map(([args]) => cli(args)));
  for (const [i, { code, out }] of results.entries()) {
    assert.equal(code, 2, out);
    assert.equal((json(out).error as { code: string }).code, cases[i]![1]);
  }
});
