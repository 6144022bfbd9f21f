/**
 * A virtual Vietnamese CCCD (core/chip, engineer E) on vpcd's second slot, read through pcscd
 * with the terminal-side protocols (core/emrtd, engineer A) over PcscTransport: BAC, then DG1;
 * a can-cuoc-2024 card opened with PACE; the same card reset by another program mid-read; and the
 * reader asked for its dwMaxAPDUDataSize through SCardControl. `eid-terminal read` over every document: test/integration/read.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildDocument } from '../../../core/chip/factory/build-document.ts';
import { virtualChipFor } from '../../../core/chip/virtual-chip.ts';
import { mrzInformationFromMrz } from '../../../core/mrz/index.ts';
import { openChip, selectEmrtdApplication } from '../../../core/emrtd/access/open-chip.ts';
import { performBac } from '../../../core/emrtd/bac/bac.ts';
import { FileReader } from '../../../core/emrtd/read/read-file.ts';
import { CountingTransport } from '../../../core/emrtd/apdu/transport-stats.ts';
import type { ApduResponder } from '../../../core/emrtd/apdu/transport.ts';
import { VpcdBridge } from '../../../native/vpcd-bridge.ts';
import { connectReader, type PcscTransport, type PcscTransportOptions } from '../../../native/pcsc-transport.ts';
import { VPCD_READER, requirePcscd, waitForCardState } from '../../../fixtures/pcscd.ts';
import { isEidError } from '../../../core/errors.ts';
import { readCard } from '../../../core/session/read-card.ts';
import { nativePcscBinding } from '../../../native/pcsc-binding.ts';
import { featureRequestCode, queryMaxApduDataSize } from '../../../native/reader-properties.ts';
import { NOW, mrzKey, trustFor } from '../../chip/read-with-chip.ts';
import { resetByAnotherProgram } from '../helpers/reset-by-another-program.ts';

const SLOT = 1;
const READER = VPCD_READER(SLOT);
const FID_DG1 = 0x0101;
const FID_DG2 = 0x0102;

const cardOn = (reader: string): Promise<void> => waitForCardState(reader, true);

/** Takes the card off and waits until pcscd has seen it go, so the next card is not mistaken for it. */
async function takeOff(bridge: VpcdBridge): Promise<void> {
  await bridge.stop();
  await waitForCardState(READER, false);
}

// Generous timeout: it includes waiting for another test file's pcscd (one per machine).
test('virtual eMRTDs through pcscd + vpcd', { timeout: 720_000 }, async (t) => {
  const pcscd = await requirePcscd(t);
  if (!pcscd) return;

  /** Puts the card on the reader, connects to it, and takes it off again after `use`. */
  async function onReader(card: ApduResponder, options: PcscTransportOptions, use: (pcsc: PcscTransport) => Promise<void>): Promise<void> {
    const bridge = new VpcdBridge(card, { port: pcscd!.port(SLOT) });
    t.after(() => bridge.stop());
    await bridge.insert();
    await cardOn(READER);
    const pcsc = await connectReader(READER, { timeoutMs: 10_000, ...options });
    try {
      await use(pcsc);
    } finally {
      await pcsc.close();
      await takeOff(bridge);
    }
  }

  await t.test('CCCD (2021): BAC and DG1 over PC/SC', async () => {
    const doc = buildDocument('cccd-2021');
    await onReader(virtualChipFor(doc), {}, async (pcsc) => {
      const counted = new CountingTransport(pcsc);
      await selectEmrtdApplication(counted);
      const bac = await performBac(counted, mrzInformationFromMrz(doc.access.mrz).value);
      const files = new FileReader(bac.secureMessaging);
      assert.deepEqual(await files.readFile(FID_DG1), doc.files.get('DG1'));
      assert.ok(counted.stats.apdus >= 4, `APDUs sent: ${counted.stats.apdus}`);
      // DG2 (the face) in extended-length reads: the transport learns that this reader passes them.
      const before = counted.stats.apdus;
      assert.deepEqual(await files.readFile(FID_DG2), doc.files.get('DG2'));
      assert.equal(pcsc.capabilities?.extendedLength, true);
      assert.ok(counted.stats.apdus - before <= 4, `DG2 took ${counted.stats.apdus - before} APDUs`);
    });
  });

  await t.test('a short-only reader (quirk) gets no extended APDU; DG2 still reads in short chunks', async () => {
    const doc = buildDocument('cccd-2021');
    const chip = virtualChipFor(doc);
    let longestCommand = 0;
    const watched = { atr: () => chip.atr(), reset: () => chip.reset(), transmit: (c: Uint8Array) => {
      longestCommand = Math.max(longestCommand, c.length);
      if (c.length > 4 && c[4] === 0) assert.fail(`extended APDU reached the card: ${c.length} bytes`);
      return chip.transmit(c);
    } };
    const quirks = [{ match: /^Virtual PCD/, extendedLength: false as const, reason: 'test: pretend this reader drops extended APDUs' }];
    await onReader(watched, { quirks }, async (pcsc) => {
      assert.equal(pcsc.capabilities?.extendedLength, false);
      await selectEmrtdApplication(pcsc);
      const bac = await performBac(pcsc, mrzInformationFromMrz(doc.access.mrz).value);
      assert.deepEqual(await new FileReader(bac.secureMessaging).readFile(FID_DG2), doc.files.get('DG2'));
      assert.ok(longestCommand <= 261, `longest command ${longestCommand} bytes`);
    });
  });

  await t.test('Căn cước (2024): openChip picks PACE over PC/SC and DG1 reads back', async () => {
    const doc = buildDocument('can-cuoc-2024');
    await onReader(virtualChipFor(doc), {}, async (pcsc) => {
      const opened = await openChip(pcsc, { kind: 'MRZ', mrz: mrzInformationFromMrz(doc.access.mrz) });
      assert.equal(opened.method, 'PACE');
      assert.deepEqual(await new FileReader(opened.transport).readFile(FID_DG1), doc.files.get('DG1'));
    });
  });

  await t.test('the reader is asked for dwMaxAPDUDataSize through SCardControl (vpcd 3.3 has no part 10 features)', async () => {
    const doc = buildDocument('can-cuoc-2024');
    const bridge = new VpcdBridge(virtualChipFor(doc), { port: pcscd!.port(SLOT) });
    t.after(() => bridge.stop());
    await bridge.insert();
    await cardOn(READER);
    const context = nativePcscBinding().establishContext();
    try {
      const card = await context.connect(READER);
      // The call reaches the driver and comes back typed; a driver without features says nothing.
      const features = await card.control(featureRequestCode()).then((b) => b, (e: unknown) => e);
      assert.ok(features instanceof Uint8Array || isEidError(features), String(features));
      const reported = await queryMaxApduDataSize((code, data) => card.control(code, data));
      assert.ok(reported === undefined || reported === 0x10000, `dwMaxAPDUDataSize ${reported}`);
      await card.disconnect(false);
    } finally {
      context.close();
      await takeOff(bridge);
    }
  });

  await t.test('a card reset by another program mid-read: the handle is reconnected, access control runs again, the read verifies', async () => {
    const doc = buildDocument('can-cuoc-2024');
    const chip = virtualChipFor(doc);
    let accessControl = 0;
    let resets = 0;
    const watched: ApduResponder = {
      atr: () => chip.atr(),
      reset: () => {
        resets++;
        chip.reset();
      },
      transmit: (c) => {
        // PACE's MSE:Set AT and BAC's GET CHALLENGE go plain: one per access control.
        if ((c[0]! & 0x0c) === 0 && (c[1] === 0x22 || c[1] === 0x84)) accessControl++;
        return chip.transmit(c);
      },
    };
    const options = { trust: trustFor(doc), now: NOW };
    let total = 0;
    await onReader(watched, {}, async (pcsc) => {
      const clean = await readCard(pcsc, mrzKey(doc), options);
      assert.equal(clean.result.verdict, 'VERIFIED');
      total = clean.result.stats.apdus;
    });
    assert.ok(total > 10, `APDUs of a clean read: ${total}`);
    const cleanAccessControl = accessControl;
    accessControl = 0;
    await onReader(watched, {}, async (pcsc) => {
      const resetting = resetByAnotherProgram(pcsc, READER, Math.floor(total / 2));
      const resetsBefore = resets;
      const out = await readCard(resetting, mrzKey(doc), options);
      assert.equal(resetting.resets, 1);
      assert.equal(resets, resetsBefore + 1, 'the card saw the reset mid-read');
      assert.equal(out.result.verdict, 'VERIFIED', JSON.stringify(out.result.checks));
      assert.match(out.protocols.accessControl, /^PACE/);
    });
    assert.equal(accessControl, cleanAccessControl + 1, 'access control ran once more after the reset');
  });
});
