/**
 * A minimal card for tests: PACE (core/chip/pace-card.ts) on plain APDUs, then secure messaging
 * (core/chip/sm-card.ts) on the keys PACE or the test set up, with Chip Authentication
 * (core/chip/ca-card.ts) inside it. READ BINARY answers fixed bytes and SELECT answers 9000, so
 * a test can prove both ends hold the same session keys.
 */
import { encodeResponse, parseCommand } from '../../../core/emrtd/apdu/apdu.ts';
import type { Transport } from '../../../core/emrtd/apdu/transport.ts';
import type { SessionKeys } from '../../../core/emrtd/sm/sm-channel.ts';
import { SW } from '../../../core/emrtd/apdu/status-words.ts';
import { PaceCard, type PaceCardConfig } from '../../../core/chip/pace-card.ts';
import { CaCard } from '../../../core/chip/ca-card.ts';
import { SecureMessagingCard } from '../../../core/chip/sm-card.ts';

export const FILE_CONTENT = Uint8Array.from([0x60, 0x14, 0x5f, 0x01, 0x04, 0x30, 0x31, 0x30, 0x37]);

export class VirtualPaceChip implements Transport {
  readonly pace: PaceCard;
  private sm: SecureMessagingCard | undefined;
  commands = 0;

  constructor(config: PaceCardConfig, private readonly ca?: CaCard, initialKeys?: SessionKeys) {
    this.pace = new PaceCard(config);
    if (initialKeys !== undefined) this.sm = new SecureMessagingCard(initialKeys);
  }

  async transmit(raw: Uint8Array): Promise<Uint8Array> {
    this.commands++;
    if (this.sm !== undefined && SecureMessagingCard.isProtected(raw)) {
      const sm = this.sm;
      const unwrapped = sm.unwrapCommand(raw);
      if (unwrapped.kind === 'rejected') {
        this.sm = undefined;
        return unwrapped.response;
      }
      const cmd = unwrapped.command;
      if (this.ca !== undefined && (CaCard.handles(cmd) || (cmd.ins === 0x86 && this.ca.awaitingKeyAgreement))) {
        const answer = this.ca.answer(cmd);
        const response = sm.wrapResponse(cmd.ins, answer.data, answer.sw);
        if (answer.sessionKeys !== undefined) this.sm = new SecureMessagingCard(answer.sessionKeys);
        return response;
      }
      if (cmd.ins === 0xb0) return sm.wrapResponse(cmd.ins, FILE_CONTENT, SW.OK);
      if (cmd.ins === 0xa4) return sm.wrapResponse(cmd.ins, new Uint8Array(0), SW.OK);
      return sm.wrapResponse(cmd.ins, new Uint8Array(0), SW.INS_NOT_SUPPORTED);
    }
    const cmd = parseCommand(raw);
    if (!PaceCard.handles(cmd)) return encodeResponse(new Uint8Array(0), SW.INS_NOT_SUPPORTED);
    this.sm = undefined;
    const answer = this.pace.answer(cmd);
    if (answer.sessionKeys !== undefined) this.sm = new SecureMessagingCard(answer.sessionKeys);
    return encodeResponse(answer.data, answer.sw);
  }
}
