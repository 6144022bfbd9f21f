/**
 * Reading an elementary file from the chip (ICAO 9303-10 §3.5, lessons in
 * docs/design/emrtd-lessons.md): SELECT by FID (P1=02 P2=0C, no Le, never the MF), read
 * the first bytes, learn the total size from the TLV header, then read the rest with the
 * largest Le that works (ReadSizePolicy). Offsets beyond 32767 use odd-INS READ BINARY (B1)
 * with DO'54'. Every loop is bounded; failures are typed.
 */
import { EidError, isEidError } from '../../errors.ts';
import { concat, uintBytes } from '../../bytes/bytes.ts';
import { peekTotalLength, readTlv, tlv } from '../../bytes/tlv.ts';
import type { Transport } from '../apdu/transport.ts';
import { EXTENDED_MAX_NE, encodeCommand, parseResponse, type CommandApdu, type ResponseApdu } from '../apdu/apdu.ts';
import { transmitChained } from '../apdu/exchange.ts';
import { SW, SW1_WRONG_LE, chipStatusError } from '../apdu/status-words.ts';
import { ReadSizePolicy, DEFAULT_FLOOR_LE } from './read-size.ts';

/** Enough for any LDS header: tag (up to 2 bytes for 5F/7F tags) and a 4-byte length. */
export const HEADER_READ_LENGTH = 8;
const MAX_EVEN_INS_OFFSET = 0x7fff;
/** Size of the DO'53' tag and length around `n` bytes of odd-INS READ BINARY data. */
function do53HeaderLength(n: number): number {
  return n < 0x80 ? 2 : n < 0x100 ? 3 : n < 0x10000 ? 4 : 5;
}

export interface ReadStats {
  /** Command APDUs sent by this reader (SELECT, READ BINARY, retries). */
  apdus: number;
  /** File bytes received. */
  bytesRead: number;
  /** READ BINARY commands that returned data. */
  chunks: number;
  /**
   * Files whose chip data ended before the length their TLV header claims. They are returned
   * as read (hashes and signatures over them then fail); no genuine document does this.
   */
  truncatedFiles: number;
}

export interface FileReaderOptions {
  /** Largest file accepted (a hostile header cannot make the reader loop for ever). */
  readonly maxFileSize?: number;
  /** Most READ BINARY commands for one file. */
  readonly maxChunks?: number;
  /** Smallest Le the reader steps down to before giving up. */
  readonly floorLe?: number;
  /** First short Le tried (223 fits a protected answer in 256 bytes). */
  readonly initialShortLe?: number;
  /** Bytes read first to learn the file length (8; ICAO App. D reads 4). */
  readonly headerReadLength?: number;
}

export type ReadProgress = (bytesRead: number, totalBytes: number) => void;

export class FileReader {
  readonly stats: ReadStats = { apdus: 0, bytesRead: 0, chunks: 0, truncatedFiles: 0 };
  private readonly policy: ReadSizePolicy;
  private readonly maxFileSize: number;
  private readonly maxChunks: number;
  private readonly headerLength: number;

  /** One reader per session: it remembers what the chip and reader accept. */
  constructor(private readonly transport: Transport, options: FileReaderOptions = {}) {
    this.policy = new ReadSizePolicy(transport.capabilities, options.floorLe ?? DEFAULT_FLOOR_LE, options.initialShortLe);
    this.maxFileSize = options.maxFileSize ?? 4 * 1024 * 1024;
    this.maxChunks = options.maxChunks ?? 4096;
    this.headerLength = Math.max(2, Math.min(options.headerReadLength ?? HEADER_READ_LENGTH, 16));
  }

  private async send(cmd: CommandApdu): Promise<ResponseApdu> {
    this.stats.apdus++;
    return parseResponse(await transmitChained(this.transport, encodeCommand(cmd)));
  }

  /** SELECT EF by file identifier (P1=02: under the current DF; P2=0C: no FCI). */
  async select(fid: number): Promise<void> {
    const r = await this.send({ cla: 0x00, ins: 0xa4, p1: 0x02, p2: 0x0c, data: uintBytes(fid, 2) });
    if (r.sw !== SW.OK) throw chipStatusError(r.sw, `SELECT ${fid.toString(16).toUpperCase().padStart(4, '0')}`);
  }

  /**
   * One READ BINARY of up to `ne` file bytes at `offset` of the selected file; may return fewer.
   * `suggestedLe` translates a 6Cxx answer into file bytes. With `sfi` the file is named by its
   * short file identifier (P1 = 80 | SFI, offset up to 255) and becomes the selected file.
   */
  async readBinary(offset: number, ne: number, sfi?: number): Promise<{ data: Uint8Array; sw: number; suggestedLe?: number }> {
    if (sfi !== undefined) {
      if (!Number.isInteger(sfi) || sfi < 1 || sfi > 30 || offset > 0xff) throw new RangeError('SFI 1..30 with an offset up to 255');
      const r = await this.send({ cla: 0x00, ins: 0xb0, p1: 0x80 | sfi, p2: offset, ne });
      return { data: r.data, sw: r.sw, ...(r.sw >> 8 === SW1_WRONG_LE && { suggestedLe: r.sw & 0xff || 256 }) };
    }
    if (offset <= MAX_EVEN_INS_OFFSET) {
      const r = await this.send({ cla: 0x00, ins: 0xb0, p1: offset >> 8, p2: offset & 0xff, ne });
      return { data: r.data, sw: r.sw, ...(r.sw >> 8 === SW1_WRONG_LE && { suggestedLe: r.sw & 0xff || 256 }) };
    }
    // Odd INS: the offset goes in DO'54', the answer comes in DO'53' whose header Le covers too.
    const header = do53HeaderLength(ne);
    const r = await this.send({ cla: 0x00, ins: 0xb1, p1: 0, p2: 0, data: tlv(0x54, uintBytes(offset, offset > 0xffffff ? 4 : 3)), ne: Math.min(ne + header, EXTENDED_MAX_NE) });
    if (r.sw >> 8 === SW1_WRONG_LE) {
      const le = r.sw & 0xff || 256;
      return { data: r.data, sw: r.sw, suggestedLe: Math.max(1, le - do53HeaderLength(le)) };
    }
    if (r.data.length === 0) return { data: r.data, sw: r.sw };
    try {
      const do53 = readTlv(r.data);
      if (do53.tag !== 0x53 || do53.end !== r.data.length) throw new Error('not a single DO53');
      return { data: do53.value, sw: r.sw };
    } catch {
      throw new EidError('READ_RESPONSE_INVALID', { detail: 'a long read came back malformed' });
    }
  }

  /**
   * Reads `want` bytes at `offset` adaptively: returns at least one byte, null when the chip
   * says the file ends before `offset` (6282 without data, or 6B00 past the first byte), or
   * throws. `atEnd` says whether offset + want is the end of the file by its header (a short
   * answer there is no limit); `inside` whether the header puts `offset` inside the file.
   */
  private async readChunk(offset: number, want: number, atEnd: boolean, inside: boolean, sfi?: number): Promise<Uint8Array | null> {
    let ask = want;
    for (let attempt = 0; attempt < 16; attempt++) {
      let answer: Awaited<ReturnType<FileReader['readBinary']>>;
      try {
        answer = await this.readBinary(offset, ask, sfi);
      } catch (e) {
        // The reader itself could not pass an extended APDU (native/ says so): go short.
        if (!isEidError(e, 'EXTENDED_LENGTH_UNSUPPORTED') || !this.policy.refused(ask)) throw e;
        ask = this.policy.next(want);
        continue;
      }
      const { sw, suggestedLe } = answer;
      // Bytes beyond Le are not file content: SI passports pad the end of a file past it (6282).
      const data = answer.data.length > ask ? answer.data.subarray(0, ask) : answer.data;
      if (data.length === 0 && (sw === SW.END_OF_FILE_BEFORE_LE || (sw === SW.WRONG_P1P2 && offset > 0))) {
        return inside ? this.endOrRefusal(offset, ask, sfi) : null;
      }
      if (sw === SW.OK || sw === SW.END_OF_FILE_BEFORE_LE) {
        if (data.length > 0) {
          if (data.length === ask) this.policy.confirm(ask);
          // A short answer is a size limit, unless the chip says the file ended (6282).
          else if (sw === SW.OK && !atEnd) this.policy.limitedTo(data.length);
          return data;
        }
        if (!this.policy.refused(ask)) break;
        ask = this.policy.next(want);
        continue;
      }
      if (suggestedLe !== undefined) {
        const le = suggestedLe;
        if (le >= ask) throw chipStatusError(sw, 'READ BINARY');
        if (!atEnd) this.policy.chipSuggested(le); // at the end it may just be the bytes left
        ask = le;
        continue;
      }
      if (sw === SW.WRONG_LENGTH) {
        if (!this.policy.refused(ask)) break;
        ask = this.policy.next(want);
        continue;
      }
      throw chipStatusError(sw, 'READ BINARY');
    }
    throw new EidError('READ_LENGTH_REFUSED');
  }

  /**
   * "End of file" inside the length the header gave: the file may really be cut short, or the
   * chip refuses this Le that way (RU passports answer 6B00 and drop the session, ES 6282). One
   * byte tells which; a refusal steps the Le down and the byte read is kept.
   */
  private async endOrRefusal(offset: number, refusedLe: number, sfi?: number): Promise<Uint8Array | null> {
    const probe = await this.readBinary(offset, 1, sfi);
    if (probe.data.length === 0) {
      if (probe.sw === SW.WRONG_P1P2 || probe.sw === SW.END_OF_FILE_BEFORE_LE) return null;
      throw chipStatusError(probe.sw, 'READ BINARY');
    }
    this.policy.refused(refusedLe);
    return probe.data.subarray(0, 1);
  }

  /**
   * The first bytes of the selected file, enough to know its length. A chip that answers in
   * tiny pieces is asked again; the header read may hit the end of a small file, so nothing
   * is learned about read sizes from it.
   */
  private async readHeader(sfi?: number): Promise<Uint8Array> {
    let header: Uint8Array = new Uint8Array(0);
    while (header.length < this.headerLength) {
      const chunk = await this.readChunk(header.length, this.headerLength - header.length, true, false, sfi);
      if (!chunk) break; // a file shorter than any header: peekTotalLength says what is wrong
      header = concat(header, chunk);
      try {
        peekTotalLength(header);
        return header;
      } catch {
        // Not enough bytes for tag and length yet: read on.
      }
    }
    return header; // peekTotalLength reports what is wrong with it
  }

  /** SELECTs the file and reads it whole, as the bytes on the chip (hash these). */
  async readFile(fid: number, onProgress?: ReadProgress): Promise<Uint8Array> {
    await this.select(fid);
    return this.readSelected(undefined, onProgress);
  }

  /** Reads a file named by its short file identifier: one APDU fewer than SELECT + READ. */
  async readFileBySfi(sfi: number, onProgress?: ReadProgress): Promise<Uint8Array> {
    return this.readSelected(sfi, onProgress);
  }

  private async readSelected(sfi: number | undefined, onProgress?: ReadProgress): Promise<Uint8Array> {
    const first = await this.readHeader(sfi);
    const { totalLength } = peekTotalLength(first);
    if (totalLength > this.maxFileSize) {
      throw new EidError('FILE_TOO_LARGE', { detail: `${totalLength} bytes claimed` });
    }
    const parts: Uint8Array[] = [first.subarray(0, Math.min(first.length, totalLength))];
    let offset = parts[0]!.length;
    this.stats.bytesRead += offset;
    this.stats.chunks++;
    onProgress?.(offset, totalLength);
    for (let chunks = 1; offset < totalLength; chunks++) {
      if (chunks >= this.maxChunks) throw new EidError('READ_TOO_MANY_CHUNKS');
      const want = this.policy.next(totalLength - offset);
      const data = await this.readChunk(offset, want, offset + want === totalLength, true);
      if (!data) {
        this.stats.truncatedFiles++;
        break;
      }
      parts.push(data);
      offset += data.length;
      this.stats.bytesRead += data.length;
      this.stats.chunks++;
      onProgress?.(offset, totalLength);
    }
    if (offset > totalLength) {
      throw new EidError('READ_RESPONSE_INVALID', { detail: 'more data than the file holds' });
    }
    return concat(...parts);
  }
}

/** Reads one file with a fresh reader (no memory across files); prefer one FileReader per session. */
export async function readFile(transport: Transport, fid: number, onProgress?: ReadProgress): Promise<Uint8Array> {
  return new FileReader(transport).readFile(fid, onProgress);
}
