/**
 * The terminal side (A's BAC, SM and file reader, B's PACE, A's Active Authentication) reads every
 * factory profile from the virtual chip in-process and gets back exactly the bytes issued.
 * The ICAO 9303-11 App. D BAC transcript is replayed by A's bac-card test, not repeated here.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildDocument } from '../../core/chip/factory/build-document.ts';
import { PROFILE_NAMES } from '../../core/chip/factory/profiles.ts';
import { performActiveAuthentication } from '../../core/emrtd/active-auth/active-auth.ts';
import { parseDg14 } from '../../core/lds/dg14.ts';
import { chipAuthenticate, newChip, openChip, readDocument, type Access } from './terminal-side.ts';

for (const profile of PROFILE_NAMES) {
  const doc = buildDocument(profile);
  const accesses: Access[] = [...(doc.protocols.bac ? ['BAC' as const] : []), ...(doc.protocols.pace ? ['PACE-MRZ' as const] : []), ...(doc.access.can ? ['PACE-CAN' as const] : [])];
  for (const access of accesses) {
    test(`${profile} over ${access}: every listed file reads back byte for byte`, async () => {
      const { transport } = newChip(doc);
      const sm = await openChip(doc, transport, access);
      const { files, refused } = await readDocument(sm);
      for (const [name, bytes] of doc.files) {
        if (name === 'CardAccess') continue;
        assert.deepEqual(files.get(name), bytes, `${name} differs`);
      }
      assert.deepEqual(refused, doc.protectedFiles.map((f) => `${f}:SECURITY_STATUS_NOT_SATISFIED`));
    });
  }

  if (doc.chipKeys.chipAuthentication) {
    for (const access of accesses) {
      test(`${profile} over ${access}: Chip Authentication passes and reading continues under the new keys`, async () => {
        const { transport } = newChip(doc);
        const sm = await openChip(doc, transport, access);
        const result = await chipAuthenticate(sm, doc.files.get('DG14')!);
        assert.equal(result.status, 'PASS', result.detail);
        const { files } = await readDocument(sm);
        assert.deepEqual(files.get('DG1'), doc.files.get('DG1'));
      });
    }
  }

  if (doc.chipKeys.activeAuthentication) {
    test(`${profile}: Active Authentication passes with the chip's key`, async () => {
      const { transport } = newChip(doc);
      const sm = await openChip(doc, transport, 'BAC');
      const dg14 = doc.files.get('DG14');
      const aaInfo = dg14 ? parseDg14(dg14).securityInfos.find((i) => i.type === 'ActiveAuthenticationInfo') : undefined;
      const result = await performActiveAuthentication(sm, doc.files.get('DG15')!, aaInfo?.type === 'ActiveAuthenticationInfo' ? { signatureAlgorithmOid: aaInfo.signatureAlgorithm } : {});
      assert.equal(result.status, 'PASS', result.reason);
    });
  }
}

test('a large DG2 (> 32 KiB) reads whole: in extended chunks, or in short ones with odd-INS READ BINARY past offset 32767', async () => {
  const doc = buildDocument('cccd-2021', null, { largeFace: true });
  assert.ok(doc.files.get('DG2')!.length > 32 * 1024, `DG2 is ${doc.files.get('DG2')!.length} bytes`);
  for (const extendedLength of [true, false]) {
    const { transport: raw } = newChip(doc, { extendedLength });
    const instructions: number[] = [];
    const transport = { transmit: (cmd: Uint8Array) => (instructions.push(cmd[1]!), raw.transmit(cmd)) };
    const sm = await openChip(doc, transport, 'BAC');
    const { files } = await readDocument(sm);
    assert.deepEqual(files.get('DG2'), doc.files.get('DG2'));
    // Short reads must cross offset 32767, which only odd-INS READ BINARY can address.
    if (!extendedLength) assert.ok(instructions.includes(0xb1), 'odd-INS READ BINARY was used past offset 32767');
  }
});
