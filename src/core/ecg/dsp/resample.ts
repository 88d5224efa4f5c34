/**
 * Anti-aliased rational resampling equal to scipy.signal.resample_poly(x, up, down) with its defaults:
 * Kaiser (β = 5) low-pass of half-length 10·max(up, down) at 1/max(up, down) of Nyquist, zero padding
 * beyond the ends, output length ceil(n·up/down), output k centred on input time k·down/up.
 * Polyphase: only the kept outputs are computed, each from the ~20·max(up, down)/up taps that touch
 * real input samples, so 500/257 costs ~21 multiply-adds per output and 1000 → 500 Hz ~41.
 */
import { firwinLowpass } from './firwin';
import { gcd, rateRatio } from './rational';

const filters = new Map<string, Float64Array>(); // a few ratios recur (every lead of every record)
const MAX_CACHED_FILTERS = 8;

/** resample_poly's filter, already multiplied by `up` to restore the gain lost to zero-stuffing. */
function polyphaseFilter(up: number, down: number): Float64Array {
  const key = `${up}/${down}`;
  let h = filters.get(key);
  if (!h) {
    const maxRate = Math.max(up, down);
    h = firwinLowpass(2 * 10 * maxRate + 1, 1 / maxRate).map((v) => v * up);
    if (filters.size >= MAX_CACHED_FILTERS) filters.delete(filters.keys().next().value as string);
    filters.set(key, h);
  }
  return h;
}

/** scipy.signal.resample_poly(x, up, down) (up/down are reduced by their gcd first, as scipy does). */
export function resamplePoly(x: ArrayLike<number>, up: number, down: number): Float64Array {
  if (!(Number.isInteger(up) && Number.isInteger(down) && up >= 1 && down >= 1)) {
    throw new RangeError(`up and down must be positive integers, got ${up}/${down}`);
  }
  const g = gcd(up, down);
  up /= g;
  down /= g;
  const n = x.length;
  if (up === 1 && down === 1) return Float64Array.from(x);
  const nOut = Math.ceil((n * up) / down);
  const h = polyphaseFilter(up, down);
  const halfLen = (h.length - 1) / 2;
  const y = new Float64Array(nOut);
  for (let k = 0; k < nOut; k++) {
    // Output k is sum_j h[t − j·up]·x[j] with t = k·down + halfLen (the filter's centre at input time k·down/up).
    const t = k * down + halfLen;
    const jHi = Math.min(n - 1, Math.floor(t / up));
    const jLo = Math.max(0, Math.ceil((t - 2 * halfLen) / up));
    let acc = 0;
    for (let j = jLo, i = t - jLo * up; j <= jHi; j++, i -= up) acc += h[i] * x[j];
    y[k] = acc;
  }
  return y;
}

/**
 * x sampled at fromHz → toHz. Integer rates use the exact ratio; non-integer rates use the nearest
 * up/down with down ≤ 1000 (see rational.ts for the timing error that implies). Equal rates: a copy.
 */
export function resampleTo(x: Float32Array | Float64Array, fromHz: number, toHz: number): Float32Array {
  if (fromHz === toHz) return Float32Array.from(x);
  const { up, down } = rateRatio(fromHz, toHz);
  return Float32Array.from(resamplePoly(x, up, down));
}
