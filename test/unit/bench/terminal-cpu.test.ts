/**
 * `npm run bench -- read` measures the terminal's CPU per verification. It used to subtract the
 * virtual chip's wall time from the process's CPU, so a chip that waits (as every real chip and
 * reader does, and as any chip does on a loaded machine) made the terminal's CPU small or negative.
 * The chip now runs in its own process; the terminal's CPU is its own process's.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ChipProcess, terminalCpu } from '../../../bench/_terminal-cpu.ts';

test('a chip that takes its time does not take it out of the terminal CPU', { timeout: 120_000 }, async (t) => {
  const chip = await ChipProcess.start();
  t.after(() => chip.stop());
  const slow = await terminalCpu(chip, { profile: 'can-cuoc-2024', chip: { delayMs: 20 } }, 1, (card) => ({ kind: 'cccd', idNumber: card.idNumber }));
  assert.equal(slow.verdict, 'VERIFIED');
  assert.match(slow.protocol ?? '', /^PACE/);
  // A whole PACE-CAN verification: at least the terminal's own scalar multiplications.
  assert.ok(slow.cpuMs > 0, `terminal CPU ${slow.cpuMs} ms`);
  // The chip's work is counted on its side, not the terminal's.
  assert.ok(slow.chipCpuMs > 0, `chip CPU ${slow.chipCpuMs} ms`);
  assert.ok(slow.apdus > 10);
});

test('the chip process reports a card it cannot build as an error, not a hang', { timeout: 60_000 }, async (t) => {
  const chip = await ChipProcess.start();
  t.after(() => chip.stop());
  await assert.rejects(chip.insert({ profile: 'cccd-2021', variant: 'no-such-variant' as never }), Error);
  // The process is still there for the next card.
  assert.equal((await chip.insert({ profile: 'cccd-2021' })).idNumber.length, 12);
});
