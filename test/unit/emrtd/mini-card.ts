/**
 * A small in-test chip: BAC (BacCard), secure messaging (SecureMessagingCard), SELECT by FID and
 * READ BINARY (B0/B1) over a file map, with tunable limits to exercise the reading strategy.
 * The real virtual chip lives in core/chip (another part); this one exists to test emrtd alone.
 */
import { EidError } from '../../../core/errors.ts';
import { concat } from '../../../core/bytes/bytes.ts';
import { readTlv, tlv } from '../../../core/bytes/tlv.ts';
import { encodeResponse, parseCommand, type ParsedCommand } from '../../../core/emrtd/apdu/apdu.ts';
import { SW } from '../../../core/emrtd/apdu/status-words.ts';
import type { Transport, TransportCapabilities } from '../../../core/emrtd/apdu/transport.ts';
import { BacCard } from '../../../core/chip/bac-card.ts';
import { SecureMessagingCard } from '../../../core/chip/sm-card.ts';
import { PaceCard, type PaceCardConfig } from '../../../core/chip/pace-card.ts';
import { toHex } from '../../../core/bytes/hex.ts';
import type { RandomSource } from '../../../core/crypto/ec/index.ts';

export interface MiniCardOptions {
  readonly mrzInformation: string;
  readonly files: ReadonlyMap<number, Uint8Array>;
  readonly random?: RandomSource;
  /** Largest Ne served; larger requests get `tooLargeAnswer`. */
  readonly maxNe?: number;
  readonly tooLargeAnswer?: 'wrongLength' | 'correctLe' | 'short';
  /** Whether extended-length APDUs are accepted (else 6700). */
  readonly extended?: boolean;
  /** Plain (no SM) access allowed, as on a chip without access control. */
  readonly requireSm?: boolean;
  readonly capabilities?: TransportCapabilities;
  /** PACE offered by the card (its EF.CardAccess must be in `files` as 011C). */
  readonly pace?: PaceCardConfig;
  /** Files readable without secure messaging (EF.CardAccess). */
  readonly publicFiles?: readonly number[];
}

const EMRTD_AID = 'A0000002471001';

export class MiniCard implements Transport {
  readonly log: ParsedCommand[] = [];
  readonly capabilities: TransportCapabilities | undefined;
  private readonly bac: BacCard;
  private readonly pace: PaceCard | undefined;
  private selectedFid: number | undefined;
  private sm: SecureMessagingCard | undefined;
  private selected: Uint8Array | undefined;
  removed = false;

  constructor(private readonly options: MiniCardOptions) {
    this.bac = new BacCard(options.mrzInformation, options.random);
    this.pace = options.pace ? new PaceCard(options.pace) : undefined;
    this.capabilities = options.capabilities;
  }

  async transmit(raw: Uint8Array): Promise<Uint8Array> {
    if (this.removed) throw new EidError('CARD_REMOVED');
    let cmd: ParsedCommand;
    if (SecureMessagingCard.isProtected(raw)) {
      if (!this.sm) return encodeResponse(new Uint8Array(0), SW.SM_DATA_OBJECTS_MISSING);
      const unwrapped = this.sm.unwrapCommand(raw);
      if (unwrapped.kind === 'rejected') {
        this.sm = undefined;
        return unwrapped.response;
      }
      cmd = unwrapped.command;
      if (cmd.extended && this.options.extended === false) return this.sm.wrapResponse(cmd.ins, new Uint8Array(0), SW.WRONG_LENGTH);
      const { data, sw } = this.answer(cmd);
      return this.sm.wrapResponse(cmd.ins, data, sw);
    }
    cmd = parseCommand(raw);
    if (cmd.extended && this.options.extended === false) return encodeResponse(new Uint8Array(0), SW.WRONG_LENGTH);
    if (this.pace && PaceCard.handles(cmd)) {
      this.sm = undefined;
      const a = this.pace.answer(cmd);
      if (a.sessionKeys) this.sm = new SecureMessagingCard(a.sessionKeys);
      this.log.push(cmd);
      return encodeResponse(a.data, a.sw);
    }
    if (BacCard.handles(cmd)) {
      this.sm = undefined;
      const a = this.bac.answer(cmd);
      if (a.sessionKeys) this.sm = new SecureMessagingCard(a.sessionKeys);
      this.log.push(cmd);
      return encodeResponse(a.data, a.sw);
    }
    const isSelect = cmd.ins === 0xa4;
    const fid = isSelect && cmd.p1 === 0x02 && cmd.data.length === 2 ? (cmd.data[0]! << 8) | cmd.data[1]! : this.selectedFid;
    const publicAccess = (isSelect && cmd.p1 === 0x04) || (fid !== undefined && (this.options.publicFiles ?? []).includes(fid));
    if (this.options.requireSm !== false && !publicAccess) return encodeResponse(new Uint8Array(0), SW.SECURITY_STATUS_NOT_SATISFIED);
    const { data, sw } = this.answer(cmd);
    return encodeResponse(data, sw);
  }

  private answer(cmd: ParsedCommand): { data: Uint8Array; sw: number } {
    this.log.push(cmd);
    const none = new Uint8Array(0);
    if (cmd.ins === 0xa4 && cmd.p1 === 0x04) {
      return { data: none, sw: toHex(cmd.data) === EMRTD_AID ? SW.OK : SW.FILE_NOT_FOUND };
    }
    if (cmd.ins === 0xa4) {
      if (cmd.p1 !== 0x02 || cmd.data.length !== 2) return { data: none, sw: SW.INCORRECT_P1P2 };
      const fid = (cmd.data[0]! << 8) | cmd.data[1]!;
      const file = this.options.files.get(fid);
      if (!file) return { data: none, sw: SW.FILE_NOT_FOUND };
      this.selected = file;
      this.selectedFid = fid;
      return { data: none, sw: SW.OK };
    }
    if (cmd.ins === 0xb0 || cmd.ins === 0xb1) {
      if (cmd.ins === 0xb0 && cmd.p1 & 0x80) {
        // Short file identifier: LDS files have FID 01xx and SFI xx.
        const file = this.options.files.get(0x0100 | (cmd.p1 & 0x1f));
        if (!file) return { data: none, sw: SW.FILE_NOT_FOUND };
        this.selected = file;
        this.selectedFid = 0x0100 | (cmd.p1 & 0x1f);
      }
      if (!this.selected) return { data: none, sw: SW.CONDITIONS_NOT_SATISFIED };
      let offset: number;
      if (cmd.ins === 0xb0) {
        offset = cmd.p1 & 0x80 ? cmd.p2 : (cmd.p1 << 8) | cmd.p2;
      } else {
        const t = readTlv(cmd.data);
        offset = 0;
        for (const b of t.value) offset = offset * 256 + b;
      }
      const ne = cmd.ne ?? 0;
      const max = this.options.maxNe ?? 65536;
      if (ne > max) {
        const how = this.options.tooLargeAnswer ?? 'wrongLength';
        if (how === 'wrongLength') return { data: none, sw: SW.WRONG_LENGTH };
        if (how === 'correctLe') return { data: none, sw: 0x6c00 | (max & 0xff) };
      }
      if (offset > this.selected.length) return { data: none, sw: SW.WRONG_P1P2 };
      // For B1 the Le covers the DO'53' header too.
      const header = (n: number): number => (n < 0x80 ? 2 : n < 0x100 ? 3 : 4);
      let room = Math.min(ne, max);
      if (cmd.ins === 0xb1) room = Math.max(0, room - header(room));
      const chunk = this.selected.subarray(offset, offset + room);
      const body = cmd.ins === 0xb1 ? tlv(0x53, chunk) : chunk;
      const sw = offset + room > this.selected.length && (this.options.tooLargeAnswer ?? '') !== 'short' ? SW.END_OF_FILE_BEFORE_LE : SW.OK;
      return { data: concat(body), sw };
    }
    return { data: none, sw: SW.INS_NOT_SUPPORTED };
  }
}
