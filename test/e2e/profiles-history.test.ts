/**
 * Purpose profiles decide what the result screen shows (issue 14, item 5): each built-in
 * profile's fields on the screen, and the history with masked ID numbers found by their end; the
 * history's detail view (item 10); dates as dd/mm/yyyy, the export that follows the filters with
 * a BOM and localized headers, and the language kept across a reload (item 9). The detail and the
 * export in Vietnamese at 1024x768 and in English at 1920x1080.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { buildDocument } from '../../core/chip/factory/build-document.ts';
import { ONE_SIZE_PER_LANGUAGE, assertOnlyLanguage, insertCard, kioskForFile, screenName, showScreen, skipWithoutChromium as skip, ui, saveFullPage } from './kiosk-page.ts';

const boss = { operator: 'Mai', pin: '9876' };
const k = kioskForFile({ virtualLatencyMs: 0, sync: false, bootstrapSupervisor: { name: 'Mai', pin: '9876' } }, { operator: { name: 'Mai', pin: '9876' } });

const LABELS = ['Họ, chữ đệm và tên', 'Ngày sinh', 'Tuổi', 'Giới tính', 'Số định danh', 'Quốc tịch', 'Dân tộc', 'Tôn giáo', 'Quê quán', 'Nơi thường trú', 'Ngày cấp', 'Họ tên cha', 'Họ tên mẹ'];

async function holderLabels(purpose: string): Promise<{ labels: string[]; photo: boolean }> {
  await k.kiosk.host.terminal.updateSettings({ ...boss, settings: { purpose } });
  await insertCard(k.page, 'cccd-2021');
  await k.page.getByRole('button', { name: 'Đọc thẻ' }).click();
  await k.page.getByTestId('verdict').waitFor({ timeout: 30_000 });
  const labels = await k.page.locator('[data-testid=holder] dt').allInnerTexts();
  const photo = (await k.page.getByTestId('face').count()) > 0;
  await k.page.getByTestId('next-customer').click();
  return { labels: LABELS.filter((l) => labels.some((x) => x.startsWith(l))), photo };
}

test('each purpose profile shows its own fields', { skip }, async () => {
  const hospital = await holderLabels('hospital');
  assert.deepEqual(hospital.labels, ['Họ, chữ đệm và tên', 'Ngày sinh', 'Tuổi', 'Giới tính', 'Số định danh', 'Nơi thường trú']);
  assert.equal(hospital.photo, true);
  const bank = await holderLabels('bank');
  assert.deepEqual(bank.labels, ['Họ, chữ đệm và tên', 'Ngày sinh', 'Số định danh', 'Quốc tịch', 'Nơi thường trú', 'Ngày cấp']);
  const government = await holderLabels('government');
  assert.deepEqual(government.labels, ['Họ, chữ đệm và tên', 'Ngày sinh', 'Giới tính', 'Số định danh', 'Quốc tịch', 'Dân tộc', 'Quê quán', 'Nơi thường trú', 'Ngày cấp']);
  const minimal = await holderLabels('minimal');
  assert.deepEqual(minimal.labels, ['Họ, chữ đệm và tên']);
  assert.equal(minimal.photo, true);
});

test('the history masks the ID number and finds it by its last digits', { skip }, async () => {
  const idNumber = buildDocument('cccd-2021').holder.idNumber;
  await k.page.getByRole('button', { name: 'Lịch sử' }).click();
  await k.page.getByTestId('history-search').fill(idNumber.slice(-5));
  await k.page.getByTestId('history-row').first().waitFor();
  const text = await k.page.getByTestId('history').innerText();
  assert.ok(text.includes(`••••••••${idNumber.slice(-4)}`));
  assert.ok(!text.includes(idNumber), 'the full number is not on screen');
  assert.equal(await k.page.getByTestId('history-row').count(), 4);
});

for (const screen of ONE_SIZE_PER_LANGUAGE) {
  const { lang } = screen;

  test(`${screenName(screen)}: a record opens in detail: checks, operator, purpose and sync state`, { skip }, async () => {
    await showScreen(k.page, screen);
    await k.page.getByRole('button', { name: ui(lang, 'nav.history') }).click();
    await k.page.getByTestId('history-open').first().click();
    const detail = k.page.getByTestId('record-detail');
    await detail.waitFor();
    const text = await detail.innerText();
    assert.ok(text.includes(ui(lang, 'result.checks')), text);
    assert.ok(text.includes('Mai'));
    assert.ok(text.includes(ui(lang, 'purpose.minimal')), 'the purpose by its name');
    assert.ok(text.includes(ui(lang, 'history.pending')));
    assert.ok((await k.page.getByTestId('check-chipAuthentication').innerText()).includes(ui(lang, 'checkStatus.PASS')));
    await assertOnlyLanguage(k.page, lang, 'a record in detail');
    if (lang === 'vi') await saveFullPage(k.page, '26-history-detail');
    await k.page.getByTestId('record-detail-close').click();
    await k.page.getByTestId('history-row').first().waitFor();
  });

  test(`${screenName(screen)}: dates are typed and shown as dd/mm/yyyy; the CSV export follows the filters, with a BOM and headers in the language`, { skip }, async () => {
    const page = k.page;
    const rows = page.getByTestId('history-row');
    assert.match(await rows.first().locator('td').first().innerText(), /\b\d{2}\/\d{2}\/\d{4}\b/);
    const [from, to] = [page.locator('input.date-input').nth(0), page.locator('input.date-input').nth(1)];
    await from.fill('01/01/2020');
    await to.fill('31/12/2020');
    await page.getByText(ui(lang, 'history.none')).waitFor();
    await to.fill('');
    await from.fill('');
    await rows.first().waitFor();
    const verdict = page.getByRole('combobox', { name: ui(lang, 'history.verdict') });
    const exportCsv = async (): Promise<string> => {
      await page.getByRole('button', { name: `${ui(lang, 'history.export')} CSV` }).click();
      await page.locator('input[name=operator]').fill('Mai');
      await page.locator('input[name=pin]').fill('9876');
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: ui(lang, 'pin.unlock') }).click()]);
      return readFileSync((await download.path())!, 'utf8');
    };
    await verdict.selectOption('VERIFIED');
    await assertOnlyLanguage(page, lang, 'the history, filtered');
    const csv = await exportCsv();
    assert.ok(csv.startsWith('\uFEFF'), 'a byte-order mark for Excel');
    const lines = csv.slice(1).trimEnd().split('\r\n');
    const zone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
    const head = `${ui(lang, 'export.id')},${ui(lang, 'export.seq')},${ui(lang, 'export.createdAt')} (${zone}),`;
    assert.ok(lines[0]!.startsWith(head), lines[0]);
    assert.match(lines[1]!, /^[^,]+,\d+,\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2},/, 'the time as the clerk reads it, in the browser\'s time zone');
    assert.equal(lines.length - 1, await rows.count(), 'the export holds the records the screen lists');
    await verdict.selectOption('FAILED');
    await page.getByText(ui(lang, 'history.none')).waitFor();
    assert.equal((await exportCsv()).slice(1).trimEnd().split('\r\n').length, 1, 'only the header: no FAILED record');
    await verdict.selectOption('');
  });
}

test('the language chosen in the header stays after a reload', { skip }, async () => {
  const page = k.page;
  await showScreen(page, { lang: 'vi', width: 1280, height: 860 });
  await page.getByRole('button', { name: 'Ngôn ngữ' }).click();
  await page.getByRole('button', { name: 'History' }).waitFor();
  await page.reload();
  await page.getByRole('button', { name: 'History' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  await page.getByRole('button', { name: 'Language' }).click();
  await page.getByRole('button', { name: 'Lịch sử' }).waitFor();
});
