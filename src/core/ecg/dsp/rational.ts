/**
 * The up/down factors for resampling fromHz → toHz.
 * Integer rates give the exact ratio reduced by their gcd (as resample_poly). Other rates (e.g. a
 * header saying 499.7 Hz) get the closest fraction up/down with down ≤ maxDown: the output is then
 * at toHz only to within |error| (at most ~1/(2·maxDown²)·ratio, e.g. 0.04 % for 499.7 → 500 Hz),
 * a timing error far below a sample over a 10 s record but worth knowing for long recordings.
 */

export interface RateRatio {
  up: number;
  down: number;
  /** Relative error of up/down against toHz/fromHz; 0 when exact. */
  relativeError: number;
}

export const gcd = (a: number, b: number): number => {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
};

export function rateRatio(fromHz: number, toHz: number, maxDown = 1000): RateRatio {
  if (!(Number.isFinite(fromHz) && fromHz > 0 && Number.isFinite(toHz) && toHz > 0)) {
    throw new RangeError(`sample rates must be positive and finite, got ${fromHz} → ${toHz} Hz`);
  }
  if (Number.isInteger(fromHz) && Number.isInteger(toHz)) {
    const g = gcd(toHz, fromHz);
    return { up: toHz / g, down: fromHz / g, relativeError: 0 };
  }
  const ratio = toHz / fromHz;
  // Smallest denominator among the best approximations; a 1e-12 slack keeps exact fractions such as
  // 500 / 128.5 = 1000 / 257 from losing to a larger denominator that only wins by rounding noise.
  let best = { up: Math.max(1, Math.round(ratio)), down: 1 };
  let bestErr = Math.abs(best.up - ratio);
  for (let down = 2; down <= maxDown; down++) {
    const up = Math.max(1, Math.round(ratio * down));
    const err = Math.abs(up / down - ratio);
    if (err < bestErr - 1e-12 * ratio) {
      best = { up, down };
      bestErr = err;
    }
  }
  const g = gcd(best.up, best.down);
  const up = best.up / g;
  const down = best.down / g;
  return { up, down, relativeError: Math.abs(up / down - ratio) / ratio };
}
