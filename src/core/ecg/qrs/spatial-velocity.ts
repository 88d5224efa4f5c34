/**
 * Spatial velocity: the length of the multi-lead derivative vector, sqrt(Σ_lead (dx/dt)²).
 * It rises steeply at QRS onset in whichever lead starts first, and stays low over P and T waves,
 * which is why it is the classic basis for a global (all-lead) QRS onset.
 * Only the 8 independent leads (I, II, V1–V6) are used: the other four are their linear combinations.
 */
import { quantileNearestSorted, sortedCopy } from '../../quantile';

export const INDEPENDENT_LEADS = [0, 1, 6, 7, 8, 9, 10, 11];

export function spatialVelocity(leads: Float32Array[], fsHz: number): Float64Array {
  const n = leads[0].length;
  const v = new Float64Array(n);
  // Derivative over ±h samples (~4 ms) as a slope estimate robust to sample-level noise.
  const h = Math.max(1, Math.round(0.004 * fsHz));
  const scale = fsHz / (2 * h); // mV per second
  for (const k of INDEPENDENT_LEADS) {
    const x = leads[k];
    for (let t = h; t < n - h; t++) {
      const d = (x[t + h] - x[t - h]) * scale;
      v[t] += d * d;
    }
  }
  for (let t = 0; t < n; t++) v[t] = Math.sqrt(v[t]);
  return v;
}

/** Centred moving average over `width` samples (zero-phase, so peaks stay where they are). */
export function movingAverage(x: Float64Array, width: number): Float64Array {
  const n = x.length;
  const out = new Float64Array(n);
  const half = Math.floor(width / 2);
  let acc = 0;
  let lo = 0;
  let hi = -1;
  for (let t = 0; t < n; t++) {
    const a = Math.max(0, t - half);
    const b = Math.min(n - 1, t + half);
    while (hi < b) acc += x[++hi];
    while (lo < a) acc -= x[lo++];
    out[t] = acc / (hi - lo + 1);
  }
  return out;
}

/** Percentile p (0–100) by numpy's 'nearest' definition: thresholds are observed values (see src/core/quantile.ts). */
export function percentile(x: ArrayLike<number>, p: number): number {
  return quantileNearestSorted(sortedCopy(x), p / 100);
}
