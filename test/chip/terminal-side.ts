/**
 * Test helper for the card-side tests: open a VirtualChip in-process with exactly BAC or PACE, to
 * probe how the chip answers. Reading a document goes through core/session. Not a test file itself.
 */
import { encodeCommand, parseResponse } from '../../core/emrtd/apdu/apdu.ts';
import { performBac } from '../../core/emrtd/bac/bac.ts';
import { performPace } from '../../core/emrtd/pace/pace-terminal.ts';
import type { Transport } from '../../core/emrtd/apdu/transport.ts';
import type { SecureMessaging } from '../../core/emrtd/sm/secure-messaging.ts';
import { VirtualChip, type VirtualChipOptions } from '../../core/chip/virtual-chip.ts';
import type { VirtualDocument } from '../../core/chip/factory/document.ts';
import { type AccessKey, mrzInformationFromMrz } from '../../core/mrz/index.ts';

export function chipTransport(chip: VirtualChip): Transport {
  return { transmit: async (cmd) => chip.transmit(cmd) };
}

export async function selectApplication(transport: Transport): Promise<number> {
  const r = parseResponse(await transport.transmit(encodeCommand({ cla: 0, ins: 0xa4, p1: 0x04, p2: 0x0c, data: Uint8Array.of(0xa0, 0, 0, 2, 0x47, 0x10, 0x01) })));
  return r.sw;
}

export type Access = 'BAC' | 'PACE-MRZ' | 'PACE-CAN';

/** Opens the chip and returns the secure-messaging transport. */
export async function openChip(doc: VirtualDocument, transport: Transport, access: Access): Promise<SecureMessaging> {
  if (access === 'BAC') {
    await selectApplication(transport);
    return (await performBac(transport, doc.access.mrzInformation)).secureMessaging;
  }
  const pace = doc.protocols.pace;
  if (!pace) throw new Error('document has no PACE');
  const key: AccessKey = access === 'PACE-CAN' ? { kind: 'CAN', can: doc.access.can! } : { kind: 'MRZ', mrz: mrzInformationFromMrz(doc.access.mrz) };
  const result = await performPace(transport, { oid: pace.oid, parameterId: pace.parameterId }, key);
  await selectApplication(result.transport);
  return result.transport;
}

export function newChip(doc: VirtualDocument, options: VirtualChipOptions = {}): { chip: VirtualChip; transport: Transport } {
  const chip = new VirtualChip(doc, options);
  return { chip, transport: chipTransport(chip) };
}
