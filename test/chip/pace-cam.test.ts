/**
 * PACE with Chip Authentication Mapping: the factory's `paceCam` documents carry a CAM PACEInfo
 * and an EF.CardSecurity signed by the Document Signer; the chip proves its key inside PACE.
 * Terminal side: B's performPace and verifyChipAuthenticationMapping, D's verifyDocument.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildDocument } from '../../core/chip/factory/build-document.ts';
import { performPace } from '../../core/emrtd/pace/pace-terminal.ts';
import { chipAuthenticationKeys } from '../../core/emrtd/chip-auth/chip-auth-keys.ts';
import { verifyChipAuthenticationMapping } from '../../core/emrtd/chip-auth/chip-auth-cam.ts';
import { FileReader } from '../../core/emrtd/read/read-file.ts';
import { parseCardSecurity } from '../../core/lds/card-access.ts';
import { isEidError } from '../../core/errors.ts';
import { TrustStore } from '../../core/trust/store.ts';
import { loadTrustBytes } from '../../core/trust/trust-files.ts';
import { verifyDocument } from '../../core/trust/verify-document.ts';
import type { VirtualDocument } from '../../core/chip/factory/document.ts';
import { readFiles } from '../../core/session/read-files.ts';
import { newChip, selectApplication } from './terminal-side.ts';

const NOW = new Date('2026-11-27T12:00:00Z');

async function camRun(doc: VirtualDocument) {
  const { transport } = newChip(doc);
  const pace = await performPace(transport, doc.protocols.pace!, { kind: 'CAN', can: doc.access.can! });
  // EF.CardSecurity lives in the master file: read it before selecting the application.
  const cardSecurity = await new FileReader(pace.transport).readFile(0x011d);
  const keys = chipAuthenticationKeys(parseCardSecurity(cardSecurity).securityInfos);
  const cam = verifyChipAuthenticationMapping(pace.cam, keys);
  await selectApplication(pace.transport);
  const { files } = await readFiles(pace.transport);
  files.set('CardSecurity', cardSecurity);
  return { pace, cam, files };
}

for (const profile of ['can-cuoc-2024', 'icao-td3-passport'] as const) {
  test(`${profile} with PACE-CAM: the mapping proves the chip key published in EF.CardSecurity`, async () => {
    const doc = buildDocument(profile, null, { paceCam: true });
    assert.ok(doc.files.get('CardSecurity'));
    const { pace, cam, files } = await camRun(doc);
    assert.match(pace.protocol, /CAM/);
    assert.equal(cam.status, 'PASS', cam.detail);
    const store = new TrustStore();
    for (const der of [...doc.trust.cscas, ...doc.trust.crls]) loadTrustBytes(store, der, 'factory', NOW);
    const result = verifyDocument(files, store, { now: NOW, chipChecks: { accessControl: { status: 'PASS', protocol: pace.protocol }, chipAuthentication: { status: cam.status, method: 'CAM' } } });
    assert.equal(result.verdict, 'VERIFIED', JSON.stringify(result.checks));
  });
}

test('a cloned PACE-CAM chip fails the mapping check', async () => {
  const doc = buildDocument('icao-td3-passport', 'cloned-chip', { paceCam: true });
  const { cam } = await camRun(doc);
  assert.equal(cam.status, 'FAIL');
});

test('PACE-CAM is refused for profiles without PACE or without a CA key on the PACE curve', () => {
  for (const profile of ['cccd-2021', 'foreign-td1-id'] as const) {
    assert.throws(() => buildDocument(profile, null, { paceCam: true }), (e) => isEidError(e, 'FACTORY_OPTION_NOT_APPLICABLE'));
  }
});
