/**
 * The virtual eMRTD chip: an ApduResponder over a factory document. It keeps the file system and
 * the access state (which DF is selected, which file, whether BAC/PACE established secure
 * messaging) and hands each protocol to its card side: BacCard, PaceCard, SecureMessagingCard,
 * Active Authentication (engineer A) and PACE / Chip Authentication (engineer B). Test knobs:
 * protocols offered, Le limits, latency, faults (card removal or reset, a wrong MAC, a chosen
 * status word) and the quirks of real chips (chip-quirks.ts).
 */
import { bytesToBigInt, equal } from '../bytes/bytes.ts';
import { readTlv, tlv } from '../bytes/tlv.ts';
import { curveByName, systemRandom, type RandomSource } from '../crypto/ec/index.ts';
import { EidError } from '../errors.ts';
import { encodeResponse, parseCommand, type ParsedCommand } from '../emrtd/apdu/apdu.ts';
import { SW } from '../emrtd/apdu/status-words.ts';
import type { ApduResponder } from '../emrtd/apdu/transport.ts';
import { answerInternalAuthenticate, INS_INTERNAL_AUTHENTICATE, type AaCardKey } from './aa-card.ts';
import { BacCard } from './bac-card.ts';
import { CaCard } from './ca-card.ts';
import { ChipFileSystem, MF_FID, readSlice, type ChipFile, type Directory } from './chip-files.ts';
import { EMRTD_AID } from '../lds/files.ts';
import type { VirtualDocument } from './factory/document.ts';
import { PROFILES } from './factory/profiles.ts';
import { PaceCard } from './pace-card.ts';
import { ecPaceGroup } from '../emrtd/pace/pace-group.ts';
import { paceAlgorithm } from '../emrtd/pace/pace-algorithm.ts';
import { SecureMessagingCard } from './sm-card.ts';
import {
  ResponseChunker, activeAuthAnswer, answeredInPlain, cardReset, leRefused, oversizedEnd, refusesLe,
  type ChipAnswer, type ChipQuirks,
} from './chip-quirks.ts';

export type ChipDocument = Pick<VirtualDocument, 'files' | 'protectedFiles' | 'access' | 'chipKeys' | 'protocols'>;

export interface ChipFaults {
  /** The card leaves the field after this many APDUs: later transmits throw CARD_REMOVED. */
  readonly removeAfterApdus?: number;
  /**
   * Another program resets the card before APDU number n (1-based): that transmit throws
   * CARD_RESET, as PC/SC reports SCARD_W_RESET_CARD, and the chip starts over (Windows resets a
   * card after 5 s of an idle transaction).
   */
  readonly resetBeforeApdu?: number;
  /** The protected response to APDU number n (1-based, counted since power-on) carries a wrong MAC. */
  readonly wrongMacAtApdu?: number;
  /**
   * Answer one command with this status word only: APDU number `apdu` (1-based), or the
   * `occurrence`-th (default first) command with instruction byte `ins` (e.g. 0xB0 READ BINARY).
   */
  readonly statusWordAt?: { readonly apdu?: number; readonly ins?: number; readonly occurrence?: number; readonly sw: number };
}

export interface VirtualChipOptions {
  /** Which access protocols the chip accepts; default: what the document offers. */
  readonly accessProtocols?: 'BAC' | 'PACE' | 'BOTH';
  /** Whether extended-length APDUs are accepted (default true). */
  readonly extendedLength?: boolean;
  /** Largest Ne served by READ BINARY; larger Le is refused (`quirks.leRefusal`, default 6700; default 65536, or 256 without extended length). */
  readonly maxLe?: number;
  /** Latency added to every APDU, in milliseconds. */
  readonly delayMs?: number;
  readonly faults?: ChipFaults;
  readonly quirks?: ChipQuirks;
  /** Random source for every nonce and key the chip makes (BAC, PACE, AA, CA). */
  readonly random?: RandomSource;
}

const ATR = Uint8Array.of(0x3b, 0x88, 0x80, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x09);
const INS_SELECT = 0xa4;
const INS_READ_BINARY = 0xb0;
const INS_READ_BINARY_ODD = 0xb1;
const INS_GET_CHALLENGE = 0x84;
const INS_EXTERNAL_AUTHENTICATE = 0x82;
const none = new Uint8Array(0);

type Answer = ChipAnswer;

export function cardRemoved(): EidError {
  return new EidError('CARD_REMOVED');
}

function aaCardKey(doc: ChipDocument): AaCardKey | undefined {
  const aa = doc.chipKeys.activeAuthentication;
  if (!aa) return undefined;
  if (aa.kind === 'rsa') return { kind: 'RSA', privateKeyDer: aa.privateKeyDer };
  return { kind: 'EC', curve: curveByName(aa.curve), privateKey: bytesToBigInt(aa.privateKey), hash: 'sha256' };
}

export class VirtualChip implements ApduResponder {
  private readonly fs: ChipFileSystem;
  private readonly random: RandomSource;
  private readonly bac: BacCard | undefined;
  private readonly pace: PaceCard | undefined;
  private readonly aaKey: AaCardKey | undefined;
  private readonly ca: CaCard | undefined;
  private readonly maxLe: number;
  private readonly quirks: ChipQuirks;
  private readonly chunker: ResponseChunker;
  private dir: Directory = 'MF';
  private current: ChipFile | undefined;
  private sm: SecureMessagingCard | undefined;
  private apdus = 0;
  private removed = false;
  /** Commands seen per instruction byte, for `statusWordAt.ins`. */
  private readonly seenIns = new Map<number, number>();
  /** Keys a protocol just agreed on: they take over after the current answer went out. */
  private pendingSession: SecureMessagingCard | undefined;

  constructor(doc: ChipDocument, private readonly options: VirtualChipOptions = {}) {
    this.fs = new ChipFileSystem(doc.files, doc.protectedFiles);
    this.random = options.random ?? systemRandom;
    const offered = options.accessProtocols ?? (doc.protocols.bac && doc.protocols.pace ? 'BOTH' : doc.protocols.pace ? 'PACE' : 'BAC');
    if (offered !== 'PACE') this.bac = new BacCard(doc.access.mrzInformation, this.random);
    if (offered !== 'BAC' && doc.protocols.pace) {
      // PACE-CAM proves the chip with its Chip Authentication key (on the PACE curve).
      const cam = paceAlgorithm(doc.protocols.pace.oid)?.mapping === 'CAM' ? doc.chipKeys.chipAuthentication : undefined;
      this.pace = new PaceCard({
        protocols: [{ oid: doc.protocols.pace.oid, parameterId: doc.protocols.pace.parameterId }],
        mrzInformation: doc.access.mrzInformation,
        ...(doc.access.can ? { can: doc.access.can } : {}),
        ...(cam ? { camPrivateKey: bytesToBigInt(cam.privateKey) } : {}),
        random: this.random,
        ...(options.quirks?.paceLeadingZero && { leadingZero: options.quirks.paceLeadingZero }),
      });
    }
    this.aaKey = aaCardKey(doc);
    const caKey = doc.chipKeys.chipAuthentication;
    if (caKey) {
      this.ca = new CaCard([{
        oid: caKey.oid,
        ...(caKey.keyId === undefined ? {} : { keyId: caKey.keyId }),
        group: ecPaceGroup(curveByName(caKey.curve)),
        privateKey: bytesToBigInt(caKey.privateKey),
      }]);
    }
    this.maxLe = options.maxLe ?? (options.extendedLength === false ? 256 : 65536);
    this.quirks = options.quirks ?? {};
    this.chunker = new ResponseChunker(this.quirks.responseChunk);
  }

  atr(): Uint8Array {
    return ATR.slice();
  }

  /** Power cycle: sessions, selection and protocol state are gone (the removal fault stays). */
  reset(): void {
    this.dir = 'MF';
    this.current = undefined;
    this.sm = undefined;
    this.bac?.reset();
    this.pace?.reset();
    this.ca?.reset();
    this.chunker.clear();
  }

  /** APDUs answered since the chip was made (faults count with this). */
  get apduCount(): number {
    return this.apdus;
  }

  /** Whether secure messaging is established (for tests). */
  get secured(): boolean {
    return this.sm !== undefined;
  }

  transmit(raw: Uint8Array): Uint8Array | Promise<Uint8Array> {
    const delay = this.options.delayMs ?? 0;
    if (delay <= 0) return this.answer(raw);
    return new Promise((resolve, reject) => {
      setTimeout(() => {
        try {
          resolve(this.answer(raw));
        } catch (e) {
          reject(e);
        }
      }, delay);
    });
  }

  private answer(raw: Uint8Array): Uint8Array {
    const faults = this.options.faults ?? {};
    if (this.removed) throw cardRemoved();
    this.apdus++;
    if (faults.removeAfterApdus !== undefined && this.apdus > faults.removeAfterApdus) {
      this.removed = true;
      this.reset();
      throw cardRemoved();
    }
    if (faults.resetBeforeApdu === this.apdus) {
      this.reset();
      throw cardReset();
    }
    // GET RESPONSE for the rest of a long answer is outside secure messaging, like T=0 itself.
    const piece = this.chunker.continue(raw);
    if (piece) return piece;
    return this.chunker.send(this.respond(raw, faults));
  }

  private respond(raw: Uint8Array, faults: ChipFaults): Uint8Array {
    if (raw.length >= 2) this.seenIns.set(raw[1]!, (this.seenIns.get(raw[1]!) ?? 0) + 1);
    const injected = this.injectedStatus(raw, faults) ? faults.statusWordAt!.sw : undefined;

    if (this.sm && SecureMessagingCard.isProtected(raw)) {
      const unwrapped = this.sm.unwrapCommand(raw);
      if (unwrapped.kind === 'rejected') {
        this.endSession();
        return unwrapped.response;
      }
      const cmd = unwrapped.command;
      const sm = this.sm;
      // An injected status word goes out protected, so the session stays in step.
      const answer = injected === undefined ? this.dispatch(cmd) : { data: none, sw: injected };
      if (answer.endsSession) this.endSession();
      if (answeredInPlain(this.quirks, answer)) {
        this.adoptPendingSession();
        return encodeResponse(none, answer.sw);
      }
      // A protocol run inside SM (PACE/CA) may have replaced the session; answer under the old keys.
      const wrapped = sm.wrapResponse(cmd.ins, answer.data, answer.sw);
      if (faults.wrongMacAtApdu === this.apdus && wrapped.length >= 3) wrapped[wrapped.length - 3]! ^= 0x01;
      this.adoptPendingSession();
      return wrapped;
    }
    if (injected !== undefined) return encodeResponse(none, injected);
    if (this.sm) this.endSession(); // a plain command ends secure messaging (ICAO 9303-11 §9.8.7)
    let cmd: ParsedCommand;
    try {
      cmd = parseCommand(raw);
    } catch {
      return encodeResponse(none, SW.WRONG_LENGTH);
    }
    if ((cmd.cla & 0x0c) !== 0) return encodeResponse(none, SW.SM_DATA_OBJECTS_MISSING);
    const { data, sw } = this.dispatch(cmd);
    this.adoptPendingSession();
    return encodeResponse(data, sw);
  }

  private adoptPendingSession(): void {
    if (this.pendingSession) {
      this.sm = this.pendingSession;
      this.pendingSession = undefined;
    }
  }

  private injectedStatus(raw: Uint8Array, faults: ChipFaults): boolean {
    const at = faults.statusWordAt;
    if (!at) return false;
    if (at.apdu !== undefined) return at.apdu === this.apdus;
    return at.ins !== undefined && raw[1] === at.ins && this.seenIns.get(at.ins) === (at.occurrence ?? 1);
  }

  private endSession(): void {
    this.sm = undefined;
    this.current = undefined;
  }

  private dispatch(cmd: ParsedCommand): Answer {
    if (cmd.extended && this.options.extendedLength === false) return { data: none, sw: SW.WRONG_LENGTH };
    if (refusesLe(this.quirks, cmd)) return { data: none, sw: SW.WRONG_LENGTH };
    switch (cmd.ins) {
      case INS_SELECT:
        return this.select(cmd);
      case INS_READ_BINARY:
      case INS_READ_BINARY_ODD:
        return this.readBinary(cmd);
      case INS_GET_CHALLENGE:
      case INS_EXTERNAL_AUTHENTICATE:
        return this.basicAccessControl(cmd);
      case INS_INTERNAL_AUTHENTICATE:
        if (!this.sm) return { data: none, sw: SW.SECURITY_STATUS_NOT_SATISFIED };
        if (!this.aaKey) return { data: none, sw: SW.INS_NOT_SUPPORTED };
        return activeAuthAnswer(this.quirks, cmd, answerInternalAuthenticate(this.aaKey, cmd, this.random));
      default:
        if (CaCard.handles(cmd) || (cmd.ins === 0x86 && this.ca?.awaitingKeyAgreement)) return this.chipAuthentication(cmd);
        if (this.pace && PaceCard.handles(cmd)) return this.paceStep(cmd);
        return { data: none, sw: SW.INS_NOT_SUPPORTED };
    }
  }

  private basicAccessControl(cmd: ParsedCommand): Answer {
    if (!this.bac || !BacCard.handles(cmd)) return { data: none, sw: SW.INS_NOT_SUPPORTED };
    // GET CHALLENGE inside SM serves other protocols (TA), which this chip does not offer.
    if (this.sm) return { data: none, sw: SW.CONDITIONS_NOT_SATISFIED };
    const a = this.bac.answer(cmd);
    if (a.sessionKeys) this.pendingSession = new SecureMessagingCard(a.sessionKeys);
    return a;
  }

  /** Chip Authentication runs inside an existing session; its answer goes out under the old keys. */
  private chipAuthentication(cmd: ParsedCommand): Answer {
    if (!this.ca) return { data: none, sw: SW.INS_NOT_SUPPORTED };
    if (!this.sm) return { data: none, sw: SW.SECURITY_STATUS_NOT_SATISFIED };
    const a = this.ca.answer(cmd);
    if (a.sessionKeys) this.pendingSession = new SecureMessagingCard(a.sessionKeys);
    return a;
  }

  private paceStep(cmd: ParsedCommand): Answer {
    const a = this.pace!.answer(cmd);
    if (a.sessionKeys) this.pendingSession = new SecureMessagingCard(a.sessionKeys);
    return a;
  }

  private select(cmd: ParsedCommand): Answer {
    const before = this.sm ? undefined : this.quirks.beforeAccessControl;
    if (cmd.p1 === 0x04) {
      if (!equal(cmd.data, EMRTD_AID)) return { data: none, sw: SW.FILE_NOT_FOUND };
      if (before?.application !== undefined) return { data: none, sw: before.application };
      this.dir = 'eMRTD';
      this.current = undefined;
      return { data: none, sw: SW.OK };
    }
    if (cmd.data.length !== 2 && !(cmd.p1 === 0x00 && cmd.data.length === 0)) return { data: none, sw: SW.WRONG_LENGTH };
    const fid = cmd.data.length === 2 ? (cmd.data[0]! << 8) | cmd.data[1]! : MF_FID;
    if (cmd.p1 === 0x00 && fid === MF_FID) {
      const mf = this.quirks.selectMf;
      if (typeof mf === 'number') return { data: none, sw: mf };
      if (mf === 'ignored') return { data: none, sw: SW.OK };
      this.dir = 'MF';
      this.current = undefined;
      return { data: none, sw: SW.OK };
    }
    if (cmd.p1 !== 0x02 && cmd.p1 !== 0x00) return { data: none, sw: SW.INCORRECT_P1P2 };
    const found = this.fs.byFid(this.dir, fid);
    if (!found.file) return { data: none, sw: found.sw };
    if (found.file.name === 'CardAccess' && before?.cardAccess !== undefined) return { data: none, sw: before.cardAccess };
    if (!this.mayRead(found.file)) return { data: none, sw: SW.SECURITY_STATUS_NOT_SATISFIED };
    this.current = found.file;
    return { data: none, sw: SW.OK };
  }

  /** EF.CardAccess is free to read; everything else needs an established secure channel. */
  private mayRead(file: ChipFile): boolean {
    return file.name === 'CardAccess' || this.sm !== undefined;
  }

  private readBinary(cmd: ParsedCommand): Answer {
    let offset: number;
    let file = this.current;
    if (cmd.ins === INS_READ_BINARY) {
      if (cmd.p1 & 0x80) {
        const found = this.fs.bySfi(this.dir, cmd.p1 & 0x1f);
        if (!found.file) return { data: none, sw: found.sw };
        if (!this.mayRead(found.file)) return { data: none, sw: SW.SECURITY_STATUS_NOT_SATISFIED };
        file = this.current = found.file;
        offset = cmd.p2;
      } else {
        offset = (cmd.p1 << 8) | cmd.p2;
      }
    } else {
      const fid = (cmd.p1 << 8) | cmd.p2;
      if (fid !== 0) {
        const found = this.fs.byFid(this.dir, fid);
        if (!found.file) return { data: none, sw: found.sw };
        file = found.file;
      }
      try {
        const do54 = readTlv(cmd.data);
        if (do54.tag !== 0x54 || do54.value.length === 0 || do54.value.length > 4) return { data: none, sw: SW.WRONG_DATA };
        offset = Number(bytesToBigInt(do54.value));
      } catch {
        return { data: none, sw: SW.WRONG_DATA };
      }
    }
    if (!file) return { data: none, sw: SW.CONDITIONS_NOT_SATISFIED };
    if (!this.mayRead(file)) return { data: none, sw: SW.SECURITY_STATUS_NOT_SATISFIED };
    const ne = cmd.ne ?? 256;
    if (ne > this.maxLe) return leRefused(this.quirks);
    if (cmd.ins === INS_READ_BINARY) return oversizedEnd(this.quirks, readSlice(file, offset, ne), offset + ne >= file.bytes.length);
    // Odd INS wraps the data in DO'53'; Ne counts the wrapper, so take off its header.
    const header = ne - 2 < 0x80 ? 2 : ne - 3 < 0x100 ? 3 : ne - 4 < 0x10000 ? 4 : 5;
    const slice = readSlice(file, offset, Math.max(0, ne - header));
    return { data: tlv(0x53, slice.data), sw: slice.sw };
  }
}

/** A chip for a factory document, with its profile's quirks (Vietnamese cards answer SELECT MF with 6D00). */
export function virtualChipFor(doc: VirtualDocument, options: VirtualChipOptions = {}): VirtualChip {
  const profileQuirks: ChipQuirks = PROFILES[doc.profile].vietnamese ? { selectMf: SW.INS_NOT_SUPPORTED } : {};
  return new VirtualChip(doc, { ...options, quirks: { ...profileQuirks, ...options.quirks } });
}
