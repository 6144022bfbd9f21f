/**
 * How many bytes to ask for per READ BINARY, learned per session: extended length when the
 * reader and chip allow it (probed on first use unless the transport says), otherwise the
 * largest short Le that fits a protected answer in 256 bytes (223, as JMRTD), stepping down on
 * 6700, 6Cxx, 6282 or short answers to a floor. Chips and readers only ever lower it.
 */
import { EXTENDED_MAX_NE, SHORT_MAX_NE } from '../apdu/apdu.ts';
import type { TransportCapabilities } from '../apdu/transport.ts';

/** 223 plain bytes pad to 224; DO'87' + DO'99' + DO'8E' then fill 256 bytes at most. */
export const DEFAULT_SHORT_LE = 223;
/** Room left in an extended answer for the SM objects around the data. */
const SM_OVERHEAD = 48;
const DEFAULT_EXTENDED_LE = EXTENDED_MAX_NE - 256;
const SHORT_LADDER = [DEFAULT_SHORT_LE, 192, 160, 128, 112, 96, 64, 32];
export const DEFAULT_FLOOR_LE = 32;

export class ReadSizePolicy {
  /** undefined = not yet known (probe on the first large read). */
  private extended: boolean | undefined;
  private extendedLe: number;
  private shortLe: number;

  constructor(capabilities: TransportCapabilities | undefined, private readonly floor = DEFAULT_FLOOR_LE, initialShortLe = DEFAULT_SHORT_LE) {
    this.extended = capabilities?.extendedLength;
    const maxResponse = capabilities?.maxResponseLength;
    this.extendedLe = maxResponse !== undefined ? Math.min(DEFAULT_EXTENDED_LE, maxResponse - SM_OVERHEAD) : DEFAULT_EXTENDED_LE;
    if (this.extendedLe <= SHORT_MAX_NE) this.extended = false;
    this.shortLe = Math.max(floor, Math.min(initialShortLe, maxResponse !== undefined ? maxResponse - SM_OVERHEAD : initialShortLe));
  }

  /** Whether the next large read will try (or use) extended length. */
  get usingExtended(): boolean {
    return this.extended !== false;
  }

  /** The Le to use for the next chunk when `remaining` bytes are left. */
  next(remaining: number): number {
    return Math.min(remaining, this.extended !== false ? this.extendedLe : this.shortLe);
  }

  /** A read of `asked` bytes with extended length worked. */
  confirm(asked: number): void {
    if (asked > SHORT_MAX_NE) this.extended = true;
  }

  /**
   * The chip or reader refused `asked` bytes (6700, 6282 without data, empty answer). Returns
   * false when already at the floor: the caller gives up.
   */
  refused(asked: number): boolean {
    if (asked > SHORT_MAX_NE) {
      this.extended = false;
      return true;
    }
    const smaller = SHORT_LADDER.find((le) => le < Math.min(asked, this.shortLe + 1) && le >= this.floor);
    if (smaller === undefined) return false;
    this.shortLe = smaller;
    return true;
  }

  /** The chip answered `got` < `asked` bytes before the end of the file: its real limit. */
  limitedTo(got: number): void {
    if (got > SHORT_MAX_NE) {
      this.extended = true;
      this.extendedLe = Math.min(this.extendedLe, got);
      return;
    }
    this.extended = false;
    this.shortLe = Math.max(this.floor, Math.min(this.shortLe, got));
  }

  /** The chip named the Le it accepts (6Cxx). */
  chipSuggested(le: number): void {
    if (le <= SHORT_MAX_NE) {
      this.extended = false;
      this.shortLe = Math.max(this.floor, Math.min(this.shortLe, le));
    }
  }
}
