/**
 * The terminal's own read flow (core/session) reads every factory profile from the virtual chip
 * in-process over each access the document offers (BAC, PACE with the MRZ, PACE with the CAN)
 * and gets back exactly the bytes issued; the chip proofs run on the chip it opened.
 * The ICAO 9303-11 App. D BAC transcript is replayed by A's bac-card test, not repeated here.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AccessKey } from '../../core/api/terminal-api.ts';
import { buildDocument } from '../../core/chip/factory/build-document.ts';
import type { VirtualDocument } from '../../core/chip/factory/document.ts';
import { PROFILE_NAMES } from '../../core/chip/factory/profiles.ts';
import { VirtualChip, type VirtualChipOptions } from '../../core/chip/virtual-chip.ts';
import { performActiveAuthentication } from '../../core/emrtd/active-auth/active-auth.ts';
import type { Transport } from '../../core/emrtd/apdu/transport.ts';
import { parseDg14 } from '../../core/lds/dg14.ts';
import { keyCandidates } from '../../core/session/access-keys.ts';
import { proveChip } from '../../core/session/chip-proof.ts';
import { openWithKeys } from '../../core/session/open-with-keys.ts';
import { readCard } from '../../core/session/read-card.ts';
import { readFiles } from '../../core/session/read-files.ts';
import { TrustStore } from '../../core/trust/store.ts';
import { loadTrustBytes } from '../../core/trust/trust-files.ts';
import type { Access } from './terminal-side.ts';

const NOW = new Date('2026-11-27T12:00:00Z');

/** The key the clerk would give for this access, and a chip that accepts only BAC when BAC is meant. */
function accessOf(doc: VirtualDocument, access: Access): { key: AccessKey; chip: VirtualChipOptions } {
  if (access === 'PACE-CAN') return { key: { kind: 'can', can: doc.access.can! }, chip: {} };
  return { key: { kind: 'mrz', mrz: doc.access.mrz }, chip: access === 'BAC' ? { accessProtocols: 'BAC' } : {} };
}

function transportOf(doc: VirtualDocument, options: VirtualChipOptions = {}): Transport {
  const chip = new VirtualChip(doc, options);
  return { transmit: async (c) => chip.transmit(c) };
}

function trustFor(doc: VirtualDocument): TrustStore {
  const store = new TrustStore();
  for (const der of [...doc.trust.cscas, ...doc.trust.crls]) loadTrustBytes(store, der, 'factory', NOW);
  return store;
}

for (const profile of PROFILE_NAMES) {
  const doc = buildDocument(profile);
  const accesses: Access[] = [...(doc.protocols.bac ? ['BAC' as const] : []), ...(doc.protocols.pace ? ['PACE-MRZ' as const] : []), ...(doc.access.can ? ['PACE-CAN' as const] : [])];
  for (const access of accesses) {
    test(`${profile} over ${access}: every listed file reads back byte for byte`, async () => {
      const { key, chip } = accessOf(doc, access);
      const out = await readCard(transportOf(doc, chip), key, { trust: trustFor(doc), now: NOW });
      assert.match(out.result.checks.accessControl.protocol ?? '', access === 'BAC' ? /^BAC$/ : /^PACE-/);
      for (const [name, bytes] of doc.files) assert.deepEqual(out.files.get(name), bytes, `${name} differs`);
      // The EAC-protected groups are never asked for; nothing else is refused.
      for (const name of doc.protectedFiles) assert.equal(out.files.has(name), false, `${name} was read`);
      assert.deepEqual(out.result.warnings.filter((w) => w.code === 'DATA_GROUP_UNREADABLE'), []);
    });
  }

  if (doc.chipKeys.chipAuthentication) {
    for (const access of accesses) {
      test(`${profile} over ${access}: Chip Authentication passes and reading continues under the new keys`, async () => {
        const { key, chip } = accessOf(doc, access);
        const { opened } = await openWithKeys(transportOf(doc, chip), keyCandidates(key, NOW));
        const proof = await proveChip(opened, new Map([['DG14', doc.files.get('DG14')!]]));
        assert.deepEqual(proof.check, { status: 'PASS', method: 'CA' }, JSON.stringify(proof.warnings));
        const { files } = await readFiles(opened.transport);
        assert.deepEqual(files.get('DG1'), doc.files.get('DG1'));
      });
    }
  }

  if (doc.chipKeys.activeAuthentication) {
    test(`${profile}: Active Authentication passes with the chip's key`, async () => {
      const { key, chip } = accessOf(doc, accesses[0]!);
      const { opened } = await openWithKeys(transportOf(doc, chip), keyCandidates(key, NOW));
      const dg14 = doc.files.get('DG14');
      const aaInfo = dg14 ? parseDg14(dg14).securityInfos.find((i) => i.type === 'ActiveAuthenticationInfo') : undefined;
      const result = await performActiveAuthentication(opened.transport, doc.files.get('DG15')!, aaInfo?.type === 'ActiveAuthenticationInfo' ? { signatureAlgorithmOid: aaInfo.signatureAlgorithm } : {});
      assert.equal(result.status, 'PASS', result.reason);
    });
  }
}

test('a large DG2 (> 32 KiB) reads whole: in extended chunks, or in short ones with odd-INS READ BINARY past offset 32767', async () => {
  const doc = buildDocument('cccd-2021', null, { largeFace: true });
  assert.ok(doc.files.get('DG2')!.length > 32 * 1024, `DG2 is ${doc.files.get('DG2')!.length} bytes`);
  for (const extendedLength of [true, false]) {
    const raw = transportOf(doc, { extendedLength });
    const instructions: number[] = [];
    const transport: Transport = { transmit: (cmd) => (instructions.push(cmd[1]!), raw.transmit(cmd)) };
    const out = await readCard(transport, { kind: 'mrz', mrz: doc.access.mrz }, { trust: trustFor(doc), now: NOW });
    assert.deepEqual(out.files.get('DG2'), doc.files.get('DG2'));
    // Short reads must cross offset 32767, which only odd-INS READ BINARY can address.
    if (!extendedLength) assert.ok(instructions.includes(0xb1), 'odd-INS READ BINARY was used past offset 32767');
  }
});
