/**
 * How real chips misbehave (docs/design/reader-quirks.md, "Chips"), as options of the virtual
 * chip, so that every behaviour the terminal must survive has a chip that shows it. Each field
 * names the documents it imitates; the terminal's handling and its test are listed in
 * docs/reference/pcsc.md.
 */
import { concat } from '../bytes/bytes.ts';
import { EidError } from '../errors.ts';
import { encodeResponse, parseResponse, type ParsedCommand } from '../emrtd/apdu/apdu.ts';
import { SW, SW1_BYTES_REMAINING } from '../emrtd/apdu/status-words.ts';

export interface ChipQuirks {
  /**
   * How a READ BINARY whose Le is above the chip's `maxLe` is refused: old passports 6700, ES
   * 6282, RU 6B00 with the secure channel dropped (`endsSession`; the refusal then goes out plain).
   * Default: 6700, session kept.
   */
  readonly leRefusal?: { readonly sw: number; readonly endsSession?: boolean };
  /**
   * Under secure messaging, error statuses without data go out plain and count only the command
   * in the SSC (CN passports: a refused extended READ BINARY gets a plain 6700).
   */
  readonly plainErrorsUnderSm?: boolean;
  /** A READ BINARY reaching the end of a file gets this many bytes beyond its Le, with 6282 (SI passports). */
  readonly oversizedEndOfFile?: number;
  /** SELECT and MSE (case 1 and 3 commands) carrying an Le are refused with 6700 (DE documents). */
  readonly leOnCase1Or3Refused?: boolean;
  /**
   * The answer to SELECT MF: NZ 6982, CN 6A81, AU/FR-ID 6A86, UA 6A87, VN 6D00; 'ignored' =
   * 9000 without selecting anything. Default: 9000, and the MF is selected.
   */
  readonly selectMf?: number | 'ignored';
  /**
   * Answers while no secure channel is up: to SELECT EF.CardAccess (MY 6283; 6982) and to
   * SELECT of the eMRTD application (6982 on PACE-only chips).
   */
  readonly beforeAccessControl?: { readonly cardAccess?: number; readonly application?: number };
  /**
   * Active Authentication: AU answers 9000 with a truncated signature unless Le is exactly the
   * signature length; CN answers an extended Le 0000 (65536) with 9000 and nothing.
   */
  readonly activeAuth?: { readonly truncatedUnlessExactLe?: boolean; readonly emptyAtExtendedLe?: boolean };
  /** Answers longer than this many bytes go out in pieces: 61xx, then GET RESPONSE (T=0 style chips). */
  readonly responseChunk?: number;
  /**
   * PACE: the chip draws its keys until a coordinate of its public keys ('public-key') or of the
   * shared secret ('shared-secret') starts with a zero byte (~0.7 % of real runs, gematik#30).
   */
  readonly paceLeadingZero?: 'public-key' | 'shared-secret';
}

export interface ChipAnswer {
  readonly data: Uint8Array;
  readonly sw: number;
  /** The chip drops secure messaging with this answer, which then goes out plain. */
  readonly endsSession?: boolean;
}

const none = new Uint8Array(0);
const INS_SELECT = 0xa4;
const INS_MSE = 0x22;
const INS_GET_RESPONSE = 0xc0;

export function cardReset(): EidError {
  return new EidError('CARD_RESET');
}

/** The refusal of a READ BINARY whose Le is above `maxLe`. */
export function leRefused(quirks: ChipQuirks): ChipAnswer {
  const refusal = quirks.leRefusal;
  return { data: none, sw: refusal?.sw ?? SW.WRONG_LENGTH, ...(refusal?.endsSession && { endsSession: true }) };
}

/** Whether this answer leaves a protected session in plain (an error the chip does not protect). */
export function answeredInPlain(quirks: ChipQuirks, answer: ChipAnswer): boolean {
  if (answer.endsSession) return true;
  return quirks.plainErrorsUnderSm === true && answer.data.length === 0 && answer.sw !== SW.OK && answer.sw >> 8 !== SW1_BYTES_REMAINING;
}

/** A case 1 or 3 command (SELECT without FCI, MSE) that carries an Le this chip refuses. */
export function refusesLe(quirks: ChipQuirks, cmd: ParsedCommand): boolean {
  if (!quirks.leOnCase1Or3Refused || cmd.ne === undefined) return false;
  return (cmd.ins === INS_SELECT && (cmd.p2 & 0x0c) === 0x0c) || cmd.ins === INS_MSE;
}

/** A READ BINARY slice that reaches the end of the file, with the padding SI passports add. */
export function oversizedEnd(quirks: ChipQuirks, slice: ChipAnswer, reachesEnd: boolean): ChipAnswer {
  const extra = quirks.oversizedEndOfFile ?? 0;
  if (extra <= 0 || !reachesEnd) return slice;
  return { data: concat(slice.data, new Uint8Array(extra)), sw: SW.END_OF_FILE_BEFORE_LE };
}

/** An Active Authentication answer as AU and CN chips give it. */
export function activeAuthAnswer(quirks: ChipQuirks, cmd: ParsedCommand, answer: ChipAnswer): ChipAnswer {
  const aa = quirks.activeAuth;
  if (!aa || answer.sw !== SW.OK) return answer;
  if (aa.emptyAtExtendedLe && cmd.ne === 65536) return { data: none, sw: SW.OK };
  if (aa.truncatedUnlessExactLe && cmd.ne !== answer.data.length) return { data: answer.data.slice(0, answer.data.length >> 1), sw: SW.OK };
  return answer;
}

/** Sends long answers in `chunk`-byte pieces: '61xx', then GET RESPONSE (00 C0 00 00 Le) for more. */
export class ResponseChunker {
  private rest: Uint8Array | undefined;
  private finalSw: number = SW.OK;

  constructor(private readonly chunk: number | undefined) {}

  /** A card reset forgets the pending answer. */
  clear(): void {
    this.rest = undefined;
  }

  /** The next piece when `raw` is a GET RESPONSE for a pending answer; undefined otherwise (and the rest is dropped). */
  continue(raw: Uint8Array): Uint8Array | undefined {
    const pending = this.rest;
    this.rest = undefined;
    if (!pending || raw.length < 4 || raw[0] !== 0x00 || raw[1] !== INS_GET_RESPONSE) return undefined;
    const le = raw.length === 5 ? raw[4] || 256 : 256;
    return this.piece(pending, le);
  }

  /** `response` as it goes out: whole, or its first piece with 61xx. */
  send(response: Uint8Array): Uint8Array {
    if (this.chunk === undefined) return response;
    const { data, sw } = parseResponse(response);
    if (data.length <= this.chunk) return response;
    this.finalSw = sw;
    return this.piece(data, this.chunk);
  }

  private piece(data: Uint8Array, size: number): Uint8Array {
    const head = data.slice(0, size);
    const rest = data.subarray(size);
    if (rest.length === 0) return encodeResponse(head, this.finalSw);
    this.rest = rest;
    return encodeResponse(head, (SW1_BYTES_REMAINING << 8) | (Math.min(rest.length, 256) & 0xff));
  }
}
