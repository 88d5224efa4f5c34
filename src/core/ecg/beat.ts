import type { BeatChoice } from './prepare.types';
import { pearson as pearsonOrNull } from '../correlation';

/**
 * Choose the beat whose 400 ms window the model sees: the best single beat.
 *
 * Why not the median beat itself: a median beat exists nowhere in the record, so its attributions could
 * not be drawn on the signal the cardiologist reads, and `windowStartMs` would point at nothing. We
 * still use the median beat, as the template: among beats with a complete window, the one whose
 * window correlates best (mean Pearson r over the 12 leads) with the sample-wise median of all of them
 * is chosen. That rejects ectopic beats, beats hit by noise or baseline jumps, and edge beats distorted
 * by filtering, while keeping a real, traceable segment of the record.
 */
export function chooseBeat(leads: Float32Array[], onsets: number[], windowSamples: number): BeatChoice | null {
  const n = leads[0].length;
  const candidates = onsets.map((o, k) => ({ o, k })).filter(({ o }) => o >= 0 && o + windowSamples <= n);
  if (candidates.length === 0) return null;
  if (candidates.length <= 2) {
    // With one or two beats there is no majority to define "typical": take the first complete one.
    return {
      method: 'best-single-beat',
      beatIndex: candidates[0].k,
      correlationWithMedian: 1,
      candidateBeats: candidates.length,
    };
  }
  const template = leads.map((x) =>
    medianBeat(
      x,
      candidates.map((c) => c.o),
      windowSamples,
    ),
  );
  let best = candidates[0];
  let bestR = -Infinity;
  for (const c of candidates) {
    let r = 0;
    leads.forEach((x, l) => (r += pearson(x.subarray(c.o, c.o + windowSamples), template[l])));
    r /= leads.length;
    // Typical beats correlate at ~0.998 with each other. Comparing on a 1e-3 grid (earliest beat wins
    // ties) keeps the choice identical in Node and every browser, whose last-ulp arithmetic may differ.
    if (quantise(r) > quantise(bestR)) ((bestR = r), (best = c));
  }
  return {
    method: 'best-single-beat',
    beatIndex: best.k,
    correlationWithMedian: bestR,
    candidateBeats: candidates.length,
  };
}

const quantise = (r: number) => Math.round(r * 1000);

/** Sample-wise median over beats aligned on their onsets. */
export function medianBeat(x: Float32Array, starts: number[], length: number): Float64Array {
  const out = new Float64Array(length);
  const column = new Float64Array(starts.length);
  for (let t = 0; t < length; t++) {
    starts.forEach((s, b) => (column[b] = x[s + t]));
    column.sort();
    const m = column.length >> 1;
    out[t] = column.length % 2 ? column[m] : (column[m - 1] + column[m]) / 2;
  }
  return out;
}

/** Pearson correlation; 0 when either side is constant (no shape to compare). */
export function pearson(a: ArrayLike<number>, b: ArrayLike<number>): number {
  return pearsonOrNull(a, b) ?? 0;
}
