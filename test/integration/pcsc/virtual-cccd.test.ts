/**
 * A virtual Vietnamese CCCD (core/chip, engineer E) on vpcd's second slot, read through pcscd
 * with the terminal-side protocols (core/emrtd, engineer A) over PcscTransport: BAC, then DG1;
 * and a can-cuoc-2024 card opened with PACE. Proves the whole native path end to end.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildDocument } from '../../../core/chip/factory/build-document.ts';
import { virtualChipFor } from '../../../core/chip/index.ts';
import { mrzInformationFromMrz } from '../../../core/mrz/index.ts';
import { openChip, selectEmrtdApplication } from '../../../core/emrtd/open-chip.ts';
import { performBac } from '../../../core/emrtd/bac.ts';
import { FileReader } from '../../../core/emrtd/read-file.ts';
import { CountingTransport } from '../../../core/emrtd/transport-stats.ts';
import { VpcdBridge } from '../../../native/vpcd-bridge.ts';
import { connectReader } from '../../../native/pcsc-transport.ts';
import { listReaders } from '../../../native/readers.ts';
import { VPCD_READER, requirePcscd } from '../helpers/pcscd.ts';

const SLOT = 1;
const READER = VPCD_READER(SLOT);
const FID_DG1 = 0x0101;

async function cardOn(reader: string, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!listReaders().find((r) => r.name === reader)?.cardPresent) {
    if (Date.now() > deadline) throw new Error(`no card on ${reader} after ${ms} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

test('virtual eMRTDs through pcscd + vpcd', { timeout: 60_000 }, async (t) => {
  const pcscd = await requirePcscd(t);
  if (!pcscd) return;

  await t.test('CCCD (2021): BAC and DG1 over PC/SC', async () => {
    const doc = buildDocument('cccd-2021');
    const bridge = new VpcdBridge(virtualChipFor(doc), { port: pcscd.port(SLOT) });
    t.after(() => bridge.stop());
    await bridge.insert();
    await cardOn(READER);
    const pcsc = await connectReader(READER, { timeoutMs: 10_000 });
    try {
      const counted = new CountingTransport(pcsc);
      await selectEmrtdApplication(counted);
      const bac = await performBac(counted, mrzInformationFromMrz(doc.access.mrz).value);
      const dg1 = await new FileReader(bac.secureMessaging).readFile(FID_DG1);
      assert.deepEqual(dg1, doc.files.get('DG1'));
      assert.ok(counted.stats.apdus >= 4, `APDUs sent: ${counted.stats.apdus}`);
    } finally {
      await pcsc.close();
      await bridge.stop();
    }
  });

  await t.test('Căn cước (2024): openChip picks PACE over PC/SC and DG1 reads back', async () => {
    const doc = buildDocument('can-cuoc-2024');
    const bridge = new VpcdBridge(virtualChipFor(doc), { port: pcscd.port(SLOT) });
    t.after(() => bridge.stop());
    await bridge.insert();
    await cardOn(READER);
    const pcsc = await connectReader(READER, { timeoutMs: 10_000 });
    try {
      const opened = await openChip(pcsc, { kind: 'MRZ', mrz: mrzInformationFromMrz(doc.access.mrz) });
      assert.equal(opened.method, 'PACE');
      assert.deepEqual(await new FileReader(opened.transport).readFile(FID_DG1), doc.files.get('DG1'));
    } finally {
      await pcsc.close();
      await bridge.stop();
    }
  });
});
