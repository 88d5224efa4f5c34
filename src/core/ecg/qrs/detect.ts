import { movingAverage, percentile, spatialVelocity } from './spatial-velocity';

export interface QrsDetection {
  /** Sample of peak QRS energy per beat. */
  peaks: number[];
  /** Global QRS onset per beat (earliest activity over all leads), samples. */
  onsets: number[];
}

/**
 * Tunables. onsetFraction and onsetSmoothMs were chosen on the odd-numbered LUDB records (band-passed
 * input) and are checked on the even-numbered ones by scripts/validate-qrs-ludb.ts.
 */
export const QRS_PARAMS = {
  /** Integration window for the detection envelope, ms: about a QRS width. */
  integrationMs: 80,
  /** A beat is a run of the envelope above this fraction of the local reference level. */
  detectFraction: 0.3,
  /** Search-back fraction for gaps longer than 1.66 × the median RR. */
  searchBackFraction: 0.15,
  /** Two detections closer than this are one beat (ms): the ventricular refractory period. */
  refractoryMs: 200,
  /** Onset: where spatial velocity falls below noise + this fraction of (peak − noise). */
  onsetFraction: 0.02,
  /** Spatial velocity is smoothed over this many ms before the onset search (suppresses EMG noise). */
  onsetSmoothMs: 6,
  /** Onset search reaches back at most this far from the velocity peak (ms). */
  onsetSearchMs: 120,
  /** Window before the velocity peak in which the isoelectric noise level is measured (ms). */
  noiseWindowMs: [300, 120] as const,
};

/**
 * Find QRS complexes in multi-lead ECG (12 standard leads, any rate; band-passed input works best).
 * Detection: the spatial-velocity envelope against a reference level taken per 5 s block (robust to
 * amplitude changes over long records), with refractory merging and a Pan–Tompkins style search-back.
 */
export function detectQrs(leads: Float32Array[], fsHz: number, params = QRS_PARAMS): QrsDetection {
  const v = spatialVelocity(leads, fsHz);
  const ms = (x: number) => Math.round((x * fsHz) / 1000);
  const env = movingAverage(v, ms(params.integrationMs));
  const ref = blockReference(env, Math.round(5 * fsHz));

  let peaks = runsAbove(env, (t) => params.detectFraction * ref[t]);
  peaks = mergeClose(peaks, env, ms(params.refractoryMs));
  peaks = searchBack(peaks, env, ref, params.searchBackFraction, ms(params.refractoryMs));
  const vSmooth = movingAverage(v, Math.max(1, ms(params.onsetSmoothMs)));
  const onsets = peaks.map((p) => qrsOnset(vSmooth, p, fsHz, params));
  return { peaks, onsets };
}

/** 99th percentile of the envelope in the 10 s around each 5 s block: the typical QRS peak level. */
function blockReference(env: Float64Array, block: number): Float64Array {
  const ref = new Float64Array(env.length);
  for (let start = 0; start < env.length; start += block) {
    const lo = Math.max(0, start - block / 2);
    const hi = Math.min(env.length, start + 1.5 * block);
    const level = percentile(env.subarray(lo, hi), 99);
    ref.fill(level, start, Math.min(env.length, start + block));
  }
  return ref;
}

function runsAbove(env: Float64Array, threshold: (t: number) => number): number[] {
  const peaks: number[] = [];
  let best = -1;
  for (let t = 0; t < env.length; t++) {
    if (env[t] > threshold(t)) {
      if (best < 0 || env[t] > env[best]) best = t;
    } else if (best >= 0) {
      peaks.push(best);
      best = -1;
    }
  }
  if (best >= 0) peaks.push(best);
  return peaks;
}

function mergeClose(peaks: number[], env: Float64Array, minGap: number): number[] {
  const out: number[] = [];
  for (const p of peaks) {
    const last = out[out.length - 1];
    if (last !== undefined && p - last < minGap) {
      if (env[p] > env[last]) out[out.length - 1] = p;
    } else out.push(p);
  }
  return out;
}

function searchBack(peaks: number[], env: Float64Array, ref: Float64Array, fraction: number, minGap: number): number[] {
  if (peaks.length < 3) return peaks;
  const rr = peaks.slice(1).map((p, k) => p - peaks[k]);
  const medianRr = percentile(rr, 50);
  const out = [peaks[0]];
  for (let k = 1; k < peaks.length; k++) {
    const a = peaks[k - 1];
    const b = peaks[k];
    if (b - a > 1.66 * medianRr) {
      let best = -1;
      for (let t = a + minGap; t < b - minGap; t++)
        if (env[t] > fraction * ref[t] && (best < 0 || env[t] > env[best])) best = t;
      if (best >= 0) out.push(best);
    }
    out.push(b);
  }
  return out;
}

/**
 * Global QRS onset: from the spatial-velocity maximum near the detected peak, walk back until the
 * velocity is within a small fraction of the way from the isoelectric noise level to that maximum.
 */
function qrsOnset(v: Float64Array, peak: number, fsHz: number, params: typeof QRS_PARAMS): number {
  const ms = (x: number) => Math.round((x * fsHz) / 1000);
  const lo = Math.max(0, peak - ms(params.integrationMs));
  const hi = Math.min(v.length - 1, peak + ms(params.integrationMs / 2));
  let vmax = lo;
  for (let t = lo; t <= hi; t++) if (v[t] > v[vmax]) vmax = t;
  const n0 = Math.max(0, vmax - ms(params.noiseWindowMs[0]));
  const n1 = Math.max(n0 + 1, vmax - ms(params.noiseWindowMs[1]));
  const noise = percentile(v.subarray(n0, n1), 50);
  const threshold = noise + params.onsetFraction * (v[vmax] - noise);
  const stop = Math.max(0, vmax - ms(params.onsetSearchMs));
  let t = vmax;
  while (t > stop && v[t - 1] > threshold) t--;
  return t;
}
