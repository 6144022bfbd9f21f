/** Big-endian unsigned reads for the binary (non-TLV) image records; callers check bounds first. */
export const u16 = (b: Uint8Array, i: number): number => (b[i]! << 8) | b[i + 1]!;
export const u32 = (b: Uint8Array, i: number): number => ((b[i]! << 24) >>> 0) + (b[i + 1]! << 16) + (b[i + 2]! << 8) + b[i + 3]!;
