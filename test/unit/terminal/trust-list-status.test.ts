/**
 * The status says which trust list is in use: with only the CSCA shipped in certs/, the shipped
 * list with its date (its newest certificate's), not "never updated"; after an import, the time
 * of the update, also after a restart. The status bar words both in the clerk's language.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toBase64 } from '../../../core/bytes/base64.ts';
import { DEMO_CERTS_DIR } from '../../../core/trust/store-folder.ts';
import { createHost } from '../../../host/create-host.ts';
import { trustListText } from '../../../renderer/src/trust-list-text.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'eid-trust-status-'));
const host = await createHost({ dataDir, sync: false, virtualReader: false, pcsc: false, bootstrapSupervisor: { name: 'lan', pin: '2468' } });
after(async () => {
  await host.close();
  rmSync(dataDir, { recursive: true, force: true });
});

test('only the shipped CSCA: the shipped list and its date, not "never updated"', async () => {
  const status = await host.terminal.getStatus();
  assert.equal(status.trustListUpdatedAt, null);
  // certs/vn-cccd-csca-2021.pem: notBefore Jan 19 18:11:36 2021 GMT (openssl x509 -dates).
  assert.equal(status.shippedTrustListDate, '2021-01-19T18:11:36.000Z');
  const vi = trustListText('vi', status);
  const en = trustListText('en', status);
  assert.match(vi, /kèm theo máy.*20\/01\/2021|kèm theo máy.*19\/01\/2021/);
  assert.match(en, /shipped with the terminal.*(19|20)\/01\/2021/);
  assert.doesNotMatch(vi, /chưa cập nhật/);
  assert.doesNotMatch(en, /never updated/);
});

test('after an import the status gives the time of the update', async () => {
  const file = readdirSync(DEMO_CERTS_DIR).find((f) => f.endsWith('.pem'))!;
  await host.terminal.importTrust({ operator: 'lan', pin: '2468', fileName: file, base64: toBase64(readFileSync(join(DEMO_CERTS_DIR, file))) });
  const status = await host.terminal.getStatus();
  assert.ok(status.trustListUpdatedAt);
  assert.match(trustListText('en', status), /^Trust list: updated \d\d\/\d\d\/\d{4}/);
});

test('after a restart, the import is still the last update (the trust folder says when), not the shipped list', async () => {
  const folder = join(dataDir, 'trust');
  const imported = readdirSync(folder).map((f) => statSync(join(folder, f)).mtime.getTime());
  const again = await createHost({ dataDir, sync: false, virtualReader: false, pcsc: false });
  try {
    const status = await again.terminal.getStatus();
    assert.ok(status.trustListUpdatedAt, 'an update is known');
    assert.equal(status.trustListUpdatedAt, new Date(Math.max(...imported)).toISOString(), 'the time the import wrote its file');
    assert.doesNotMatch(trustListText('en', status), /shipped/);
  } finally {
    await again.close();
  }
});
