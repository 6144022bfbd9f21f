/**
 * openChip against the project's virtual chip (core/chip) for every factory profile: PACE when
 * the card offers it, BAC otherwise or when the chip only accepts BAC; then EF.COM reads back.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildDocument } from '../../../core/chip/factory/build-document.ts';
import { PROFILE_NAMES } from '../../../core/chip/factory/profiles.ts';
import { VirtualChip } from '../../../core/chip/virtual-chip.ts';
import { mrzInformationFromMrz, type AccessKey } from '../../../core/mrz/index.ts';
import { openChip } from '../../../core/emrtd/access/open-chip.ts';
import { FileReader } from '../../../core/emrtd/read/read-file.ts';

for (const profile of PROFILE_NAMES) {
  const doc = buildDocument(profile);
  const key: AccessKey = { kind: 'MRZ', mrz: mrzInformationFromMrz(doc.access.mrz) };
  test(`${profile}: openChip picks ${doc.protocols.pace ? 'PACE' : 'BAC'} and EF.COM reads back`, async () => {
    const chip = new VirtualChip(doc, { quirks: { selectMf: 0x6d00 } });
    const opened = await openChip({ transmit: async (c) => chip.transmit(c) }, key);
    assert.equal(opened.method, doc.protocols.pace ? 'PACE' : 'BAC');
    assert.deepEqual(await new FileReader(opened.transport).readFile(0x011e), doc.files.get('COM'));
  });
  if (doc.protocols.pace && doc.protocols.bac) {
    test(`${profile}: a chip that refuses PACE is opened with BAC`, async () => {
      const chip = new VirtualChip(doc, { accessProtocols: 'BAC' });
      const opened = await openChip({ transmit: async (c) => chip.transmit(c) }, key);
      assert.equal(opened.method, 'BAC');
      assert.ok(opened.paceFallbackReason);
    });
  }
}
