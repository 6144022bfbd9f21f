/** ICAO CscaMasterList eContent (9303-12 §9): SEQUENCE { version, certList SET OF Certificate }. */
import { guard, items, readWhole, smallInteger } from './reader.ts';

/** The raw certificates of a master list's eContent. */
export function parseCscaMasterList(eContent: Uint8Array): { version: number; certificates: Uint8Array[] } {
  return guard('CSCA master list', () => {
    const [version, certList] = items(readWhole(eContent, 'CscaMasterList'), 'CscaMasterList');
    return { version: smallInteger(version, 'master list version'), certificates: items(certList, 'certList', 0x31).map((c) => c.raw) };
  });
}
