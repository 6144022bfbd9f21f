import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ALICE, BOB, tempStore, vnResult } from './fixtures.ts';
import { csvCell, exportRecords } from '../../../core/store/export.ts';
import { isEidError } from '../../../core/errors.ts';

/** RFC 4180 line splitting, enough for one-line rows. */
function parseCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      cells.push(cur);
      cur = '';
    } else cur += c;
  }
  cells.push(cur);
  return cells;
}

function withRecords() {
  const t = tempStore();
  const mai = t.store.operators.add('Mai', 'supervisor', '9876', null);
  const lan = t.store.operators.add('Lan', 'clerk', '1234', mai);
  t.store.write({ result: vnResult(ALICE), context: { operator: 'Lan' } });
  t.store.write({ result: vnResult(BOB, 'FAILED'), context: { operator: 'Lan', faceImage: new Uint8Array([1]) } });
  return { t, mai, lan };
}

test('a supervisor exports decrypted CSV, one row per record', () => {
  const { t, mai } = withRecords();
  try {
    const csv = [...exportRecords(t.store.records, mai, 'csv')].join('');
    const lines = csv.trimEnd().split('\r\n');
    assert.equal(lines.length, 3);
    const header = parseCsvLine(lines[0]!);
    const row = (i: number): Record<string, string> => Object.fromEntries(parseCsvLine(lines[i]!).map((v, j) => [header[j]!, v]));
    assert.equal(row(1).fullName, ALICE.fullName);
    assert.equal(row(1).idNumber, ALICE.idNumber);
    assert.equal(row(2).verdict, 'FAILED');
    assert.equal(row(2).dataGroupHashes, 'FAIL');
    assert.equal(row(2).faceStored, 'no', 'the bank profile does not keep faces');
    assert.equal(row(1).mrz, '');
    assert.equal(row(1).placeOfResidence, 'Số 1 Phố Huế, Hà Nội');
    assert.equal(header.length, parseCsvLine(lines[1]!).length);
  } finally {
    t.cleanup();
  }
});

test('for a spreadsheet: a byte-order mark, headers and warnings in the clerk\'s language, only the filtered records', () => {
  const { t, mai } = withRecords();
  try {
    const csv = [...exportRecords(t.store.records, mai, 'csv', { verdict: 'VERIFIED' }, undefined, { language: 'vi', timeZone: 'UTC' })].join('');
    assert.ok(csv.startsWith('\uFEFF'), 'Excel reads UTF-8 only with a BOM');
    const lines = csv.slice(1).trimEnd().split('\r\n');
    assert.equal(lines.length, 2, 'the FAILED record is filtered out');
    const header = parseCsvLine(lines[0]!);
    assert.ok(header.includes('Họ, chữ đệm và tên') && header.includes('Kết quả') && header.includes('Số định danh'));
    assert.ok(header.every((h) => !/^[a-z]+[A-Z]/.test(h)), `no column left as a code: ${header.join('|')}`);
    const row = Object.fromEntries(parseCsvLine(lines[1]!).map((v, j) => [header[j]!, v]));
    assert.equal(row['Họ, chữ đệm và tên'], ALICE.fullName);
    assert.match(row['Lưu ý']!, /Chưa rõ chứng thư ký giấy tờ có bị thu hồi/);
    assert.ok(!csv.slice(1).includes('\uFEFF'));
    assert.ok(!([...exportRecords(t.store.records, mai, 'csv')].join('')).startsWith('\uFEFF'), 'a CSV for programs keeps its codes and no BOM');
  } finally {
    t.cleanup();
  }
});

test('for a spreadsheet, times in the clerk\'s time zone and days as printed (dd/mm/yyyy); for programs, ISO', () => {
  const { t, mai } = withRecords();
  try {
    const rows = (csv: string) => {
      const [head, ...lines] = csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n').map(parseCsvLine);
      return lines.map((l) => Object.fromEntries(l.map((v, j) => [head![j]!, v])));
    };
    const iso = rows([...exportRecords(t.store.records, mai, 'csv')].join(''))[0]!;
    const sheet = rows([...exportRecords(t.store.records, mai, 'csv', {}, undefined, { language: 'vi', timeZone: 'Asia/Ho_Chi_Minh' })].join(''))[0]!;
    // Vietnam is UTC+7 all year: the same instant, seven hours on.
    const local = new Date(Date.parse(iso.createdAt!) + 7 * 3_600_000).toISOString();
    const expected = `${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)} ${local.slice(11, 19)}`;
    assert.equal(sheet['Thời gian (Asia/Ho_Chi_Minh)'], expected);
    assert.match(iso.dateOfBirth!, /^\d{4}-\d{2}-\d{2}$/);
    const [y, m, d] = iso.dateOfBirth!.split('-');
    assert.equal(sheet['Ngày sinh'], `${d}/${m}/${y}`, 'a day is the day printed, in every time zone');
    assert.throws(() => [...exportRecords(t.store.records, mai, 'csv', {}, undefined, { language: 'vi', timeZone: 'Mars/Olympus' })], (e) => isEidError(e) && e.code === 'QUERY_INVALID');
  } finally {
    t.cleanup();
  }
});

test('JSON export is a parseable array matching the stored records', () => {
  const { t, mai } = withRecords();
  try {
    const parsed = JSON.parse([...exportRecords(t.store.records, mai, 'json')].join('')) as { id: string; personal: { fullName: string } }[];
    assert.equal(parsed.length, 2);
    assert.equal(parsed[1]!.personal.fullName, BOB.fullName);
    assert.deepEqual(parsed.map((r) => r.id), [...t.store.records.iterate()].map((r) => r.id));
    assert.deepEqual(JSON.parse([...exportRecords(t.store.records, mai, 'json', { verdict: 'VERIFIED', search: 'nguyen' })].join('')), []);
  } finally {
    t.cleanup();
  }
});

test('a clerk may not export', () => {
  const { t, lan } = withRecords();
  try {
    assert.throws(() => [...exportRecords(t.store.records, lan, 'csv')], (e) => isEidError(e, 'OPERATOR_FORBIDDEN'));
  } finally {
    t.cleanup();
  }
});

test('CSV cells are quoted and formula-like text is defused', () => {
  assert.equal(csvCell('a,b'), '"a,b"');
  assert.equal(csvCell('say "hi"'), '"say ""hi"""');
  assert.equal(csvCell('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
  assert.equal(csvCell('+84'), "'+84");
  assert.equal(csvCell(null), '');
  assert.equal(csvCell(-5), '-5');
});
