import { tlvError } from './tlv.ts';

/** Dotted OID text from the content bytes of an OBJECT IDENTIFIER. */
export function decodeOid(value: Uint8Array): string {
  if (value.length === 0) throw tlvError('empty object identifier');
  const arcs: bigint[] = [];
  let acc = 0n;
  for (let i = 0; i < value.length; i++) {
    const b = value[i]!;
    acc = (acc << 7n) | BigInt(b & 0x7f);
    if ((b & 0x80) === 0) {
      arcs.push(acc);
      acc = 0n;
    } else if (i === value.length - 1) {
      throw tlvError('truncated object identifier');
    }
  }
  const first = arcs[0]!;
  const head = first < 40n ? [0n, first] : first < 80n ? [1n, first - 40n] : [2n, first - 80n];
  return [...head, ...arcs.slice(1)].join('.');
}

/** Content bytes of an OBJECT IDENTIFIER for dotted `oid`. */
export function encodeOidValue(oid: string): Uint8Array {
  const parts = oid.split('.').map((s) => BigInt(s));
  if (parts.length < 2) throw new RangeError(`bad OID ${oid}`);
  const arcs = [parts[0]! * 40n + parts[1]!, ...parts.slice(2)];
  const out: number[] = [];
  for (const arc of arcs) {
    const chunk: number[] = [];
    let v = arc;
    do {
      chunk.unshift(Number(v & 0x7fn));
      v >>= 7n;
    } while (v > 0n);
    for (let i = 0; i < chunk.length - 1; i++) chunk[i] = chunk[i]! | 0x80;
    out.push(...chunk);
  }
  return Uint8Array.from(out);
}
