/**
 * The whole virtual chip (not just A's BacCard, whose card-level replay is in
 * test/unit/emrtd/bac.test.ts) reproduces ICAO 9303-11 Appendix D byte for byte: given the
 * transcript's RND.IC and K.IC it answers GET CHALLENGE, EXTERNAL AUTHENTICATE and the protected
 * SELECT / READ BINARY of EF.COM exactly as printed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fromHex, toHex } from '../../core/bytes/hex.ts';
import { VirtualChip } from '../../core/chip/virtual-chip.ts';
import type { LdsFileName } from '../../core/lds/files.ts';
import { vector } from '../../fixtures/index.ts';

interface AppD {
  mrz: { mrz_information: string };
  authentication: { rnd_ic: string; k_ic: string };
  apdus: { command: string; response: string }[];
  secure_messaging: { protected_command: string; protected_response: string }[];
  ef_com_reassembled: string;
}

const appD = vector<AppD>('bac_3des_sm_icao9303_p11_appD.json');

/** Hands out the transcript's chip randomness in order: RND.IC, then K.IC. */
function transcriptRandom(...hex: string[]): (n: number) => Uint8Array {
  const queue = hex.map(fromHex);
  return (n) => {
    const next = queue.shift();
    assert.ok(next && next.length === n, `unexpected request for ${n} random bytes`);
    return next;
  };
}

test('ICAO App. D transcript replays against the virtual chip', async () => {
  const chip = new VirtualChip({
    files: new Map<LdsFileName, Uint8Array>([['COM', fromHex(appD.ef_com_reassembled)]]),
    protectedFiles: [],
    access: { mrz: '', mrzInformation: appD.mrz.mrz_information, can: null },
    chipKeys: {},
    protocols: { bac: true, pace: null },
  }, { random: transcriptRandom(appD.authentication.rnd_ic, appD.authentication.k_ic) });
  assert.equal(toHex(await chip.transmit(fromHex('00A4040C07A0000002471001'))), '9000');
  for (const { command, response } of appD.apdus) assert.equal(toHex(await chip.transmit(fromHex(command))), response.toUpperCase());
  for (const s of appD.secure_messaging) assert.equal(toHex(await chip.transmit(fromHex(s.protected_command))), s.protected_response.toUpperCase());
});
