/**
 * The verdict banner says which check decided and what the clerk does now, differently for each
 * broken sample card; an expired but genuine document is not "origin not proven"; the import of
 * a CSCA is offered to supervisors only; a FAILED document's data and photo stay hidden until the
 * clerk asks, and are then marked untrustworthy.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { insertCard, kioskForFile, skipWithoutChromium as skip } from './kiosk-page.ts';

const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
const open = kioskForFile({ sync: false, virtualLatencyMs: 0, bootstrapSupervisor: { name: 'lan', pin: '2468' } }, { operator: { name: 'lan', pin: '2468' } });

async function read(card: string): Promise<string> {
  await insertCard(open.page, card);
  await open.page.getByRole('button', { name: 'Đọc thẻ' }).click();
  return open.page.getByTestId('verdict').innerText();
}

test('each broken card gets its own reason and action in the banner', { skip }, async () => {
  const cases: [string, RegExp, RegExp][] = [
    ['cloned-chip', /chip có thể là bản sao/, /Không chấp nhận giấy tờ này; đề nghị/],
    ['tampered-dg', /ảnh trong chip đã bị sửa/, /Không chấp nhận giấy tờ này; đề nghị/],
    ['revoked-ds', /đã bị cơ quan cấp thu hồi/, /cơ quan cấp đã thu hồi/],
    ['dg1-dg13-mismatch', /mâu thuẫn nhau/, /Không chấp nhận giấy tờ này; đề nghị/],
    ['expired-document', /Giấy tờ đã hết hạn: dữ liệu do Nhà nước cấp/, /giấy tờ còn hạn/],
  ];
  for (const [variant, reason, action] of cases) {
    const banner = await read(`cccd-2021/${variant}`);
    assert.match(banner, reason, variant);
    assert.match(banner, action, variant);
    assert.doesNotMatch(banner, /Không chứng minh được nguồn gốc/, variant);
    if (variant === 'cloned-chip') await open.page.screenshot({ path: join(SHOTS, '13-cloned-chip.png') });
    if (variant === 'expired-document') await open.page.screenshot({ path: join(SHOTS, '14-expired.png') });
    await open.page.getByTestId('next-customer').click();
  }
});

test('an unknown signer: check another way; the CSCA import is offered to a supervisor', { skip }, async () => {
  const banner = await read('cccd-2021/unknown-csca');
  assert.match(banner, /Máy chưa biết cơ quan cấp/);
  assert.match(banner, /Kiểm tra giấy tờ bằng cách khác/);
  assert.match(banner, /Giám sát viên: .*CSCA/, 'lan is a supervisor');
  await open.page.getByTestId('next-customer').click();
});

test('a FAILED document hides the holder data and photo until shown anyway, then marks them untrustworthy', { skip }, async () => {
  await read('cccd-2021/tampered-dg');
  assert.equal(await open.page.getByTestId('holder').count(), 0);
  assert.equal(await open.page.getByTestId('face').count(), 0);
  await open.page.screenshot({ path: join(SHOTS, '15-failed-hidden.png') });
  await open.page.getByRole('button', { name: /Vẫn hiển thị/ }).click();
  await open.page.getByTestId('holder').waitFor();
  await open.page.getByTestId('face').waitFor();
  assert.match(await open.page.getByTestId('untrustworthy').innerText(), /KHÔNG ĐÁNG TIN CẬY/);
  await open.page.getByTestId('next-customer').click();
  await read('cccd-2021/tampered-dg');
  assert.equal(await open.page.getByTestId('holder').count(), 0, 'the next customer starts hidden again');
  await open.page.getByTestId('next-customer').click();
});
