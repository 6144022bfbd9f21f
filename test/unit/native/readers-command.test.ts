import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isEidError } from '../../../core/errors.ts';
import { formatReaders, runReaders } from '../../../cli/commands/readers.ts';
import { listReaders } from '../../../native/readers.ts';
import { loadPcscBinding } from '../../../native/pcsc-binding.ts';
import { FakePcsc, T1_ATR } from './fake-pcsc.ts';

async function capture(f: () => Promise<number>): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const original = console.log;
  console.log = (...a: unknown[]) => void lines.push(a.join(' '));
  try {
    const code = await f();
    return { code, out: lines.join('\n') };
  } finally {
    console.log = original;
  }
}

function twoReaders(): FakePcsc {
  const pcsc = new FakePcsc();
  pcsc.plug('ACS ACR1252 Dual Reader [ACR1252 Dual Reader PICC] 00 00', { atr: T1_ATR, protocol: 'T1', respond: () => Uint8Array.of(0x90, 0) });
  pcsc.plug('Virtual PCD 00 01');
  return pcsc;
}

test('readers --json lists presence, ATR hex and quirks', { timeout: 10_000 }, async () => {
  const pcsc = twoReaders();
  const { code, out } = await capture(() => runReaders(['--json'], () => pcsc));
  assert.equal(code, 0);
  const parsed = JSON.parse(out) as { readers: { name: string; cardPresent: boolean; atr: string | null; quirk: string | null }[] };
  assert.equal(parsed.readers.length, 2);
  assert.equal(parsed.readers[0]!.cardPresent, true);
  assert.equal(parsed.readers[0]!.atr, '3B80800101');
  assert.match(parsed.readers[0]!.quirk ?? '', /extended/);
  assert.deepEqual(parsed.readers[1], { name: 'Virtual PCD 00 01', cardPresent: false, atr: null, cardMute: false, quirk: null });
});

test('readers without --json prints one line per reader, ATR spaced', { timeout: 10_000 }, async () => {
  const { out } = await capture(() => runReaders([], twoReaders));
  assert.match(out, /ACR1252.*: card present\n  ATR 3B 80 80 01 01\n  note: /);
  assert.match(out, /Virtual PCD 00 01: no card/);
  assert.match(formatReaders([]), /No card reader found/);
  assert.equal(formatReaders(listReaders(new FakePcsc())), formatReaders([]));
});

test('readers with pcscd down throws PCSC_UNAVAILABLE (the CLI turns it into exit 2); bad flag is USAGE', { timeout: 10_000 }, async () => {
  const pcsc = new FakePcsc();
  pcsc.stopService();
  await assert.rejects(runReaders(['--json'], () => pcsc), (e) => isEidError(e, 'PCSC_UNAVAILABLE'));
  await assert.rejects(runReaders(['--bogus'], () => pcsc), (e) => isEidError(e, 'USAGE'));
});

test('without the binding, readers prints one sentence in the shell language and exits 0', { timeout: 10_000 }, async () => {
  const missing = () => loadPcscBinding(() => { throw new Error("Cannot find module 'smartcard'"); });
  const lang = process.env.LANG;
  const lcAll = process.env.LC_ALL;
  try {
    delete process.env.LC_ALL;
    process.env.LANG = 'en_GB.UTF-8';
    const en = await capture(() => runReaders([], missing));
    assert.equal(en.code, 0);
    assert.match(en.out, /^Real card readers need the PC\/SC binding .*; to enable it, run: .*npm install$/);
    process.env.LANG = 'vi_VN.UTF-8';
    assert.match((await capture(() => runReaders([], missing))).out, /^Đầu đọc thẻ thật cần thành phần PC\/SC/);
    const json = JSON.parse((await capture(() => runReaders(['--json'], missing))).out) as { readers: unknown[]; note: { code: string; message: string } };
    assert.deepEqual([json.readers, json.note.code], [[], 'PCSC_UNAVAILABLE']);
    assert.match(json.note.message, /^Đầu đọc/);
  } finally {
    if (lang === undefined) delete process.env.LANG; else process.env.LANG = lang;
    if (lcAll !== undefined) process.env.LC_ALL = lcAll;
  }
});

test('readers --watch --json prints one JSON line per event and ends on SIGINT', { timeout: 10_000 }, async () => {
  const pcsc = new FakePcsc();
  pcsc.plug('Reader A 00 00');
  const lines: string[] = [];
  const original = console.log;
  console.log = (...a: unknown[]) => void lines.push(a.join(' '));
  try {
    const running = runReaders(['--watch', '--json'], () => pcsc);
    const until = async (n: number): Promise<void> => {
      while (lines.length < n) await new Promise((r) => setTimeout(r, 10));
    };
    await until(1);
    pcsc.insert('Reader A 00 00', { atr: T1_ATR, protocol: 'T1', respond: () => Uint8Array.of(0x90, 0) });
    await until(2);
    process.emit('SIGINT');
    assert.equal(await running, 0);
  } finally {
    console.log = original;
  }
  assert.deepEqual(lines.map((l) => JSON.parse(l) as unknown), [
    { type: 'reader-added', reader: 'Reader A 00 00' },
    { type: 'card-inserted', reader: 'Reader A 00 00', atr: '3B80800101' },
  ]);
  assert.equal(pcsc.openContexts, 0);
});
