/**
 * Test helper: the terminal side (engineers A and B) driving a VirtualChip in-process — open the
 * chip with BAC or PACE, read files, run Active Authentication. Not a test file itself.
 */
import { encodeCommand, parseResponse } from '../../core/emrtd/apdu/apdu.ts';
import { performBac } from '../../core/emrtd/bac/bac.ts';
import { FileReader } from '../../core/emrtd/read/read-file.ts';
import { performPace } from '../../core/emrtd/pace/pace-terminal.ts';
import type { Transport } from '../../core/emrtd/apdu/transport.ts';
import type { SecureMessaging } from '../../core/emrtd/sm/secure-messaging.ts';
import { chipAuthenticationKeys } from '../../core/emrtd/chip-auth/chip-auth-keys.ts';
import { performChipAuthentication, type ChipAuthenticationResult } from '../../core/emrtd/chip-auth/chip-auth.ts';
import { parseDg14 } from '../../core/lds/dg14.ts';
import { LDS_FILES, type LdsFileName } from '../../core/lds/files.ts';
import { parseCom } from '../../core/lds/com.ts';
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

const fidOf = (name: LdsFileName): number => LDS_FILES.find((f) => f.name === name && !f.inMasterFile)!.fid;

/** Reads EF.COM, then every data group it lists (skipping ones the chip refuses), then EF.SOD. */
export async function readDocument(sm: Transport): Promise<{ files: Map<string, Uint8Array>; refused: string[]; reader: FileReader }> {
  const reader = new FileReader(sm);
  const files = new Map<string, Uint8Array>();
  const refused: string[] = [];
  const com = await reader.readFile(fidOf('COM'));
  files.set('COM', com);
  for (const dg of parseCom(com).dataGroups) {
    try {
      files.set(`DG${dg}`, await reader.readFile(fidOf(`DG${dg}`)));
    } catch (e) {
      refused.push(`DG${dg}:${(e as { code?: string }).code}`);
    }
  }
  files.set('SOD', await reader.readFile(fidOf('SOD')));
  return { files, refused, reader };
}

export function newChip(doc: VirtualDocument, options: VirtualChipOptions = {}): { chip: VirtualChip; transport: Transport } {
  const chip = new VirtualChip(doc, options);
  return { chip, transport: chipTransport(chip) };
}

/** Chip Authentication with the keys DG14 publishes (B's terminal side). */
export async function chipAuthenticate(sm: SecureMessaging, dg14: Uint8Array): Promise<ChipAuthenticationResult> {
  return performChipAuthentication(sm, chipAuthenticationKeys(parseDg14(dg14).securityInfos));
}
