/**
 * The CineECG twin model's training windows (`npm run -s dataset -- --input cine3`): the [200 × 3] mTSI signal
 * (src/core/cine/cine-signal.ts: trajectory mm / 50, time-major x, y, z) of exactly the windows the 12-lead set
 * uses — same records, same beats, same QRS onsets — computed from the band-passed leads in mV.
 *
 * Records that exist only as pre-z-scored arrays (ptbxl-zscored) are left out: per-lead z-scoring divides every
 * lead by its own spread, which reweighs the nine electrode potentials against each other and so turns the mTSI's
 * direction at every step. Their trajectory would be an approximation of unknown error on those records;
 * `zscoredApproximation` measures how far off it is on the raw records, where both are available.
 */
import { MODEL_FS_HZ, WINDOW_SAMPLES } from '../../src/core/constants';
import { CINE_SIGNAL_SCALE_MM, cineSignal } from '../../src/core/cine/cine-signal';
import { quantileRankSorted, sortedCopy } from '../../src/core/quantile';

export const CINE_CHANNELS = 3;

/** The twin model's input for the window starting at sample `start` of 500 Hz band-passed leads (mV). */
export function cineWindowAt(filteredMv: Float32Array[], start: number): Float32Array {
  return cineSignal({
    fsHz: MODEL_FS_HZ,
    filteredMv,
    windowStartMs: (start * 1000) / MODEL_FS_HZ,
    windowSamples: WINDOW_SAMPLES,
  });
}

/** Per-sample distance (mm) between two [T × 3] cine signals (mm / CINE_SIGNAL_SCALE_MM). */
export function trajectoryDistanceMm(a: Float32Array, b: Float32Array): { mean: number; end: number } {
  const T = a.length / 3;
  let sum = 0;
  let d = 0;
  for (let t = 0; t < T; t++) {
    d =
      Math.hypot(a[3 * t] - b[3 * t], a[3 * t + 1] - b[3 * t + 1], a[3 * t + 2] - b[3 * t + 2]) * CINE_SIGNAL_SCALE_MM;
    sum += d;
  }
  return { mean: sum / T, end: d };
}

/** Farthest distance (mm) of a [T × 3] cine signal from the origin (the walk's start): a trajectory's reach. */
export function peakRadiusMm(a: Float32Array): number {
  let r = 0;
  for (let t = 0; 3 * t < a.length; t++) r = Math.max(r, Math.hypot(a[3 * t], a[3 * t + 1], a[3 * t + 2]));
  return r * CINE_SIGNAL_SCALE_MM;
}

/** Median and 90th percentile of a list (for the dataset summary). */
export function quantiles(xs: number[]): { n: number; median: number; p90: number } {
  const s = sortedCopy(xs);
  const q = (f: number) => quantileRankSorted(s, f); // rank ⌊f · n⌋: the upper middle for the median
  return { n: s.length, median: +q(0.5).toFixed(2), p90: +q(0.9).toFixed(2) };
}
