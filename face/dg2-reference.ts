/**
 * The reference picture from the chip: the first face of DG2, as stored (JPEG or JPEG 2000; the
 * runtime's decoder handles both). A DG2 with several faces is rare (ICAO allows it); the first is
 * the one the issuer lists first and the one the terminal shows.
 */
import { parseDg2 } from '../core/lds/dg2.ts';
import { referenceMissing } from './errors.ts';

export function dg2ReferenceImage(dg2: Uint8Array): Uint8Array {
  const face = parseDg2(dg2).faces[0];
  if (!face) throw referenceMissing('DG2 holds no face image');
  return face.image;
}
