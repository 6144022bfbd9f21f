/**
 * Issue 15, rows 7 and 15, and the "22 malformed dump folders" of what held: a dump folder is
 * hostile input. Its files must be regular files (a symlink to /dev/zero, a FIFO or a folder named
 * DG2.bin is a dump error, not 4 GB of memory, a hang or INTERNAL_ERROR), reads are capped by the
 * bytes actually read, and a garbage SOD is a dump error with exit 2.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readDumpFolder } from '../../core/trust/dump-folder.ts';
import { isEidError } from '../../core/errors.ts';
import { buildDocument } from '../../core/chip/factory/build-document.ts';
import { main } from '../../cli/main.ts';
import { captureOutput } from '../helpers/cli-capture.ts';

const posix = process.platform !== 'win32';
const work = mkdtempSync(join(tmpdir(), 'eid-sec-dump-'));
test.after(() => rmSync(work, { recursive: true, force: true }));

const doc = buildDocument('cccd-2021', null);

/** A copy of a good dump with one change. */
function dumpWith(name: string, change: (dir: string) => void): string {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, bytes] of doc.files) writeFileSync(join(dir, file), bytes);
  change(dir);
  return dir;
}

const dumpInvalid = (e: unknown) => isEidError(e, 'DUMP_INVALID');

test('row 7: a data group that is a symlink to /dev/zero is refused without reading it', { skip: !posix }, () => {
  const dir = dumpWith('zero', (d) => {
    rmSync(join(d, 'DG2'));
    symlinkSync('/dev/zero', join(d, 'DG2'));
  });
  assert.throws(() => readDumpFolder(dir), dumpInvalid);
});

test('row 7: a data group that is a FIFO is refused instead of hanging', { skip: !posix, timeout: 20_000 }, () => {
  const dir = dumpWith('fifo', (d) => {
    rmSync(join(d, 'DG2'));
    execFileSync('mkfifo', [join(d, 'DG2')]);
  });
  assert.throws(() => readDumpFolder(dir), dumpInvalid);
});

test('row 7: a symlink to a regular file outside the folder is refused too (no following links)', { skip: !posix }, () => {
  const outside = join(work, 'outside.bin');
  writeFileSync(outside, doc.files.get('DG1')!);
  const dir = dumpWith('link', (d) => {
    rmSync(join(d, 'DG1'));
    symlinkSync(outside, join(d, 'DG1'));
  });
  assert.throws(() => readDumpFolder(dir), dumpInvalid);
});

test('row 15: a folder named DG2.bin is a dump error', () => {
  const dir = dumpWith('dir-as-file', (d) => {
    rmSync(join(d, 'DG2'));
    mkdirSync(join(d, 'DG2.bin'));
  });
  assert.throws(() => readDumpFolder(dir), dumpInvalid);
});

test('row 15: a garbage SOD is a dump error, exit 2 with one JSON error object', async () => {
  const dir = dumpWith('garbage-sod', (d) => writeFileSync(join(d, 'SOD'), Uint8Array.from({ length: 300 }, (_, i) => (i * 37) & 0xff)));
  assert.throws(() => readDumpFolder(dir), dumpInvalid);
  const { code, out } = await captureOutput(() => main(['verify', '--dump', dir, '--json']));
  assert.equal(code, 2);
  assert.equal((JSON.parse(out) as { error: { code: string } }).error.code, 'DUMP_INVALID');
});

test('a file larger than the cap is refused by the bytes read, whatever its size claims', () => {
  const dir = dumpWith('huge', (d) => writeFileSync(join(d, 'DG2'), new Uint8Array(4 * 1024 * 1024 + 1)));
  assert.throws(() => readDumpFolder(dir), dumpInvalid);
});

/** Twenty-two hostile folders: each is answered with a verdict or a typed error, never INTERNAL_ERROR. */
test('what held: 22 malformed dump folders are each answered without an internal error', { timeout: 22_000 }, async () => {
  const flip = (bytes: Uint8Array, at: number) => Uint8Array.from(bytes, (b, i) => (i === at ? b ^ 0xff : b));
  const cases: [string, (d: string) => void][] = [
    ['no-sod', (d) => rmSync(join(d, 'SOD'))],
    ['no-dg1', (d) => rmSync(join(d, 'DG1'))],
    ['empty-sod', (d) => writeFileSync(join(d, 'SOD'), new Uint8Array(0))],
    ['empty-dg1', (d) => writeFileSync(join(d, 'DG1'), new Uint8Array(0))],
    ['truncated-sod', (d) => writeFileSync(join(d, 'SOD'), doc.files.get('SOD')!.subarray(0, 40))],
    ['truncated-dg1', (d) => writeFileSync(join(d, 'DG1'), doc.files.get('DG1')!.subarray(0, 10))],
    ['truncated-dg2', (d) => writeFileSync(join(d, 'DG2'), doc.files.get('DG2')!.subarray(0, 100))],
    ['sod-wrong-tag', (d) => writeFileSync(join(d, 'SOD'), flip(doc.files.get('SOD')!, 0))],
    ['sod-huge-length', (d) => writeFileSync(join(d, 'SOD'), Uint8Array.of(0x77, 0x84, 0x7f, 0xff, 0xff, 0xff, 0x30))],
    ['dg1-huge-length', (d) => writeFileSync(join(d, 'DG1'), Uint8Array.of(0x61, 0x84, 0x7f, 0xff, 0xff, 0xff))],
    ['dg1-garbage', (d) => writeFileSync(join(d, 'DG1'), Uint8Array.from({ length: 93 }, (_, i) => i))],
    ['dg13-garbage', (d) => writeFileSync(join(d, 'DG13'), Uint8Array.of(0x6d, 0x03, 0xff, 0xff, 0xff))],
    ['dg14-garbage', (d) => writeFileSync(join(d, 'DG14'), Uint8Array.of(0x6e, 0x02, 0x31, 0x80))],
    ['com-garbage', (d) => writeFileSync(join(d, 'COM'), Uint8Array.of(0x60, 0x01))],
    ['sod-indefinite', (d) => writeFileSync(join(d, 'SOD'), Uint8Array.of(0x77, 0x80, 0x30, 0x80, 0x30, 0x80))],
    ['sod-flipped-middle', (d) => writeFileSync(join(d, 'SOD'), flip(doc.files.get('SOD')!, 200))],
    ['dg2-flipped', (d) => writeFileSync(join(d, 'DG2'), flip(doc.files.get('DG2')!, 50))],
    ['duplicate-sod', (d) => writeFileSync(join(d, 'SOD.bin'), doc.files.get('SOD')!)],
    ['dir-as-dg1', (d) => { rmSync(join(d, 'DG1')); mkdirSync(join(d, 'DG1.bin')); }],
    ['no-lds-files', (d) => { for (const f of doc.files.keys()) rmSync(join(d, f)); writeFileSync(join(d, 'notes.txt'), 'x'); }],
    ['oversized-dg2', (d) => writeFileSync(join(d, 'DG2'), new Uint8Array(5 * 1024 * 1024))],
    ['not-a-folder', (d) => { rmSync(d, { recursive: true }); writeFileSync(d, 'file'); }],
  ];
  assert.equal(cases.length, 22);
  const codes: string[] = [];
  for (const [name, change] of cases) {
    const dir = dumpWith(`hostile-${name}`, change);
    const { code, out } = await captureOutput(() => main(['verify', '--dump', dir, '--json']));
    const answer = JSON.parse(out) as { verdict?: string; error?: { code: string } };
    assert.ok(code === 1 || code === 2, `${name}: exit ${code}`);
    assert.notEqual(answer.error?.code, 'INTERNAL_ERROR', `${name}: ${out}`);
    codes.push(`${name}:${answer.error?.code ?? answer.verdict}`);
  }
  assert.equal(codes.length, 22, codes.join(' '));
});
