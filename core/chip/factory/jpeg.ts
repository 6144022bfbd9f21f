/**
 * A small baseline (SOF0) greyscale JPEG encoder for synthetic face images: an oval face with
 * eyes and a mouth drawn from a seed, optionally with noise so the file grows past 32 KiB (a
 * DG2 that needs extended-length or many READ BINARYs). Written here, from ITU T.81, so the
 * factory's photos are ours and carry nobody's likeness.
 */
import { hash } from '../../crypto/node-crypto.ts';
import { concat, utf8, uintBytes } from '../../bytes/bytes.ts';

export interface FaceImageOptions {
  readonly seed: string;
  readonly width?: number;
  readonly height?: number;
  /** Adds per-pixel noise; noise does not compress, so file size grows with the pixel count. */
  readonly noise?: boolean;
  /** 1..100 as in libjpeg; 75 by default. */
  readonly quality?: number;
}

// T.81 Annex K: luminance quantisation table and the typical Huffman tables.
const BASE_QUANT = [
  16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62,
  18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92, 49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
];
const ZIGZAG = [
  0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28,
  35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63,
];
const DC_BITS = [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0];
const DC_VALUES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const AC_BITS = [0, 2, 1, 3, 3, 2, 4, 3, 5, 5, 4, 4, 0, 0, 1, 0x7d];
export const AC_VALUES = [
  0x01, 0x02, 0x03, 0x00, 0x04, 0x11, 0x05, 0x12, 0x21, 0x31, 0x41, 0x06, 0x13, 0x51, 0x61, 0x07, 0x22, 0x71, 0x14, 0x32, 0x81, 0x91, 0xa1, 0x08,
  0x23, 0x42, 0xb1, 0xc1, 0x15, 0x52, 0xd1, 0xf0, 0x24, 0x33, 0x62, 0x72, 0x82, 0x09, 0x0a, 0x16, 0x17, 0x18, 0x19, 0x1a, 0x25, 0x26, 0x27, 0x28,
  0x29, 0x2a, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x3a, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49, 0x4a, 0x53, 0x54, 0x55, 0x56, 0x57, 0x58, 0x59,
  0x5a, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78, 0x79, 0x7a, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89,
  0x8a, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9a, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7, 0xa8, 0xa9, 0xaa, 0xb2, 0xb3, 0xb4, 0xb5, 0xb6,
  0xb7, 0xb8, 0xb9, 0xba, 0xc2, 0xc3, 0xc4, 0xc5, 0xc6, 0xc7, 0xc8, 0xc9, 0xca, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6, 0xd7, 0xd8, 0xd9, 0xda, 0xe1, 0xe2,
  0xe3, 0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9, 0xea, 0xf1, 0xf2, 0xf3, 0xf4, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9, 0xfa,
];

interface Code {
  readonly code: number;
  readonly length: number;
}

/** Canonical Huffman codes from BITS/HUFFVAL (T.81 Annex C). */
function huffmanCodes(bits: readonly number[], values: readonly number[]): Map<number, Code> {
  const codes = new Map<number, Code>();
  let code = 0;
  let k = 0;
  for (let length = 1; length <= 16; length++) {
    for (let i = 0; i < bits[length - 1]!; i++) codes.set(values[k++]!, { code: code++, length });
    code <<= 1;
  }
  return codes;
}

const DC_CODES = huffmanCodes(DC_BITS, DC_VALUES);
const AC_CODES = huffmanCodes(AC_BITS, AC_VALUES);

class BitWriter {
  private readonly out: number[] = [];
  private acc = 0;
  private count = 0;

  write(value: number, length: number): void {
    for (let i = length - 1; i >= 0; i--) {
      this.acc = (this.acc << 1) | ((value >> i) & 1);
      if (++this.count === 8) this.flushByte();
    }
  }

  private flushByte(): void {
    this.out.push(this.acc);
    if (this.acc === 0xff) this.out.push(0x00); // byte stuffing
    this.acc = 0;
    this.count = 0;
  }

  finish(): Uint8Array {
    if (this.count > 0) this.write(0x7f, 8 - this.count); // pad with 1-bits
    return Uint8Array.from(this.out);
  }
}

/** Magnitude category and the low bits T.81 F.1.2.1 sends for a coefficient. */
function category(value: number): { size: number; bits: number } {
  const abs = Math.abs(value);
  const size = abs === 0 ? 0 : Math.floor(Math.log2(abs)) + 1;
  return { size, bits: value < 0 ? value + (1 << size) - 1 : value };
}

function put(w: BitWriter, table: Map<number, Code>, symbol: number): void {
  const c = table.get(symbol);
  if (!c) throw new RangeError(`no Huffman code for symbol ${symbol}`);
  w.write(c.code, c.length);
}

const COS = Array.from({ length: 64 }, (_, i) => Math.cos(((2 * (i >> 3) + 1) * (i & 7) * Math.PI) / 16));

function forwardDct(block: Float64Array): Float64Array {
  const out = new Float64Array(64);
  for (let v = 0; v < 8; v++) {
    for (let u = 0; u < 8; u++) {
      let sum = 0;
      for (let y = 0; y < 8; y++) for (let x = 0; x < 8; x++) sum += block[y * 8 + x]! * COS[x * 8 + u]! * COS[y * 8 + v]!;
      const cu = u === 0 ? Math.SQRT1_2 : 1;
      const cv = v === 0 ? Math.SQRT1_2 : 1;
      out[v * 8 + u] = 0.25 * cu * cv * sum;
    }
  }
  return out;
}

function quantTable(quality: number): number[] {
  const q = Math.min(100, Math.max(1, quality));
  const scale = q < 50 ? 5000 / q : 200 - q * 2;
  return BASE_QUANT.map((b) => Math.min(255, Math.max(1, Math.floor((b * scale + 50) / 100))));
}

/** Deterministic pseudo-random bytes from the seed, for features and noise. */
function seededStream(seed: string): () => number {
  let block = 0;
  let buf: Uint8Array = new Uint8Array(0);
  let pos = 0;
  return () => {
    if (pos >= buf.length) {
      buf = hash('sha512', utf8(seed), uintBytes(block++, 4));
      pos = 0;
    }
    return buf[pos++]! / 255;
  };
}

/** Greyscale pixels of a simple face: background, oval, eyes, nose line and mouth. */
function drawFace(width: number, height: number, opts: FaceImageOptions): Uint8Array {
  const rnd = seededStream(`face:${opts.seed}`);
  const bg = 200 + rnd() * 40;
  const skin = 140 + rnd() * 60;
  const hair = 20 + rnd() * 50;
  const eyeGap = 0.16 + rnd() * 0.06;
  const mouthWidth = 0.12 + rnd() * 0.08;
  const noise = seededStream(`noise:${opts.seed}`);
  const px = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const nx = (x / width - 0.5) / 0.32;
      const ny = (y / height - 0.5) / 0.4;
      let v = bg;
      if (nx * nx + ny * ny < 1) {
        v = ny < -0.55 ? hair : skin;
        const ex = Math.abs(x / width - 0.5) - eyeGap;
        const ey = y / height - 0.42;
        if (ex * ex + ey * ey < 0.0012) v = 30;
        if (Math.abs(x / width - 0.5) < 0.01 && y / height > 0.45 && y / height < 0.58) v = skin - 40;
        if (Math.abs(x / width - 0.5) < mouthWidth && Math.abs(y / height - 0.66) < 0.012) v = 70;
      } else if (y > height * 0.85) {
        v = 60; // shoulders
      }
      if (opts.noise) v += (noise() - 0.5) * 90;
      px[y * width + x] = Math.max(0, Math.min(255, Math.round(v)));
    }
  }
  return px;
}

function segment(marker: number, body: Uint8Array): Uint8Array {
  const out = new Uint8Array(body.length + 4);
  out.set([0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff]);
  out.set(body, 4);
  return out;
}

export function encodeFaceJpeg(opts: FaceImageOptions): Uint8Array {
  const width = opts.width ?? 96;
  const height = opts.height ?? 120;
  const pixels = drawFace(width, height, opts);
  const quant = quantTable(opts.quality ?? 75);
  const w = new BitWriter();
  let previousDc = 0;
  const block = new Float64Array(64);
  for (let by = 0; by < height; by += 8) {
    for (let bx = 0; bx < width; bx += 8) {
      for (let y = 0; y < 8; y++) {
        for (let x = 0; x < 8; x++) {
          // Edge blocks repeat the last row/column, as encoders usually do.
          const sx = Math.min(bx + x, width - 1);
          const sy = Math.min(by + y, height - 1);
          block[y * 8 + x] = pixels[sy * width + sx]! - 128;
        }
      }
      const coeffs = forwardDct(block);
      const zz = ZIGZAG.map((pos) => Math.round(coeffs[pos]! / quant[pos]!));
      const dc = category(zz[0]! - previousDc);
      previousDc = zz[0]!;
      put(w, DC_CODES, dc.size);
      if (dc.size > 0) w.write(dc.bits, dc.size);
      let run = 0;
      for (let i = 1; i < 64; i++) {
        const c = zz[i]!;
        if (c === 0) {
          run++;
          continue;
        }
        while (run > 15) {
          put(w, AC_CODES, 0xf0);
          run -= 16;
        }
        const ac = category(c);
        put(w, AC_CODES, (run << 4) | ac.size);
        w.write(ac.bits, ac.size);
        run = 0;
      }
      if (run > 0) put(w, AC_CODES, 0x00);
    }
  }
  const scan = w.finish();
  const jfif = Uint8Array.of(0x4a, 0x46, 0x49, 0x46, 0x00, 1, 1, 0, 0, 1, 0, 1, 0, 0);
  const dqt = Uint8Array.of(0x00, ...ZIGZAG.map((pos) => quant[pos]!));
  const sof = Uint8Array.of(8, height >> 8, height & 0xff, width >> 8, width & 0xff, 1, 1, 0x11, 0);
  const dht = Uint8Array.of(0x00, ...DC_BITS, ...DC_VALUES, 0x10, ...AC_BITS, ...AC_VALUES);
  const sos = Uint8Array.of(1, 1, 0x00, 0, 63, 0);
  return concat(Uint8Array.of(0xff, 0xd8), segment(0xe0, jfif), segment(0xdb, dqt), segment(0xc0, sof), segment(0xc4, dht), segment(0xda, sos), scan, Uint8Array.of(0xff, 0xd9));
}
