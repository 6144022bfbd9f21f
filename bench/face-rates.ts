/**
 * Error rates of a face threshold over labelled pairs, with a 95 % interval: Wilson's score
 * interval, and the rule of three (0 to 3/n) when no error was seen. A small set gives wide
 * intervals; the docs quote them as they are.
 */
export interface Rate {
  readonly errors: number;
  readonly pairs: number;
  readonly rate: number;
  readonly low: number;
  readonly high: number;
}

const Z = 1.96;

export function rateWithInterval(errors: number, pairs: number): Rate {
  const rate = pairs === 0 ? 0 : errors / pairs;
  if (errors === 0) return { errors, pairs, rate, low: 0, high: pairs === 0 ? 1 : 3 / pairs };
  const denominator = 1 + (Z * Z) / pairs;
  const centre = (rate + (Z * Z) / (2 * pairs)) / denominator;
  const half = (Z * Math.sqrt((rate * (1 - rate)) / pairs + (Z * Z) / (4 * pairs * pairs))) / denominator;
  return { errors, pairs, rate, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** False match rate: different-person pairs scoring at or above the threshold. */
export const falseMatchRate = (different: readonly number[], threshold: number): Rate =>
  rateWithInterval(different.filter((s) => s >= threshold).length, different.length);

/** False non-match rate: same-person pairs scoring below the threshold. */
export const falseNonMatchRate = (same: readonly number[], threshold: number): Rate =>
  rateWithInterval(same.filter((s) => s < threshold).length, same.length);

export const percent = (r: Rate): string => `${r.errors}/${r.pairs}, 95% CI ${(r.low * 100).toFixed(2)}-${(r.high * 100).toFixed(2)}%`;
