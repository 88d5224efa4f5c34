import type { PreparedEcg } from './prepare.types';
import { INDEPENDENT_LEADS, movingAverage, spatialVelocity } from './qrs/spatial-velocity';

/**
 * QRS offset (J point), T-wave onset, peak and offset of one beat, from all leads at once (no per-lead
 * delineation, no learning; deterministic).
 *
 * Two global curves over the 8 independent leads (I, II, V1–V6):
 *  - v(t): the spatial velocity (spatial-velocity.ts), smoothed over 10 ms: high over the QRS, low over ST and T;
 *  - m(t) = sqrt(Σ_lead (x(t) − x(ST))²): the spatial distance from the ST anchor (the v minimum in the 60 ms after
 *    the J point), smoothed over 10 ms. It is ~0 over the ST segment whatever the ST elevation and rises with the T
 *    wave, whatever its polarity in each lead.
 *
 * QRS offset: from the last sample (up to 180 ms) where v exceeds 25 % of its QRS peak, forward to where v falls
 * within 8 % of the way from its post-QRS minimum to that peak; clamped to [60, 180] ms.
 *
 * T wave: the peak is m's maximum between the ST anchor and 450 ms·√RR after QRS onset (Bazett-scaled). Onset and
 * offset by the trapezium-area method (Zhang et al., IEEE TBME 2006;53:2257), on m: with m's steepest point on
 * that side of the peak, the boundary is the sample that maximises the area of the trapezium it forms with the
 * steepest point and a fixed point 100 ms further out. The offset is searched up to 550 ms·√RR after QRS onset and
 * at most until 100 ms before the next QRS onset. No T wave (null) when m stays below 0.05 mV or has no interior
 * maximum (the T wave is flat, or cut by the next beat or the record end).
 *
 * The constants were chosen on the odd-numbered LUDB records and are checked on the even-numbered ones by
 * scripts/validate-waves.ts (npm run validate:waves), which also reports the errors against the experts.
 */
export const WAVE_PARAMS = {
  /** Smoothing of the spatial velocity and of the spatial magnitude, ms. */
  smoothMs: 10,
  /** The QRS offset lies in this range (ms after QRS onset); estimates outside are clamped. */
  qrsOffsetMinMs: 60,
  qrsOffsetMaxMs: 180,
  /** The QRS is where v exceeds this fraction of its QRS peak. */
  qrsHighFraction: 0.25,
  /** J point: v back within this fraction of the way from its post-QRS minimum to its QRS peak. */
  qrsOffsetFraction: 0.08,
  /** v's post-QRS minimum (the floor of that threshold) is searched until this long after qrsOffsetMaxMs. */
  qrsLowSearchMs: 100,
  /** The ST anchor (v's minimum) is searched from the J point over this many ms. */
  stAnchorSearchMs: 60,
  /** The T peak is searched until this long after QRS onset at RR = 1 s, scaled by √(RR / 1 s) ... */
  tPeakMaxMs: 450,
  /** ... the T offset until this long, likewise scaled ... */
  tSearchEndMs: 550,
  /** ... and never closer than this to the next QRS onset (its P wave). */
  nextBeatMarginMs: 100,
  /** The trapezium's fixed point lies this far from m's steepest point, away from the T peak. */
  trapeziumSpanMs: 100,
  /** A T wave smaller than this (mV, spatial magnitude from the ST anchor) is not delineated. */
  tMinMv: 0.05,
};

export type WaveParams = typeof WAVE_PARAMS;

export interface BeatWaves {
  /** QRS offset (J point), ms after QRS onset, always within [qrsOffsetMinMs, qrsOffsetMaxMs]. */
  qrsOffsetMs: number;
  /** True when the J point was not found in range (or was before it) and the value is a clamp. */
  qrsOffsetClamped: boolean;
  /** T-wave onset, peak and offset, ms after QRS onset (onset < peak < offset); all null when no T wave was found. */
  tOnsetMs: number | null;
  tPeakMs: number | null;
  tOffsetMs: number | null;
}

export interface BeatContext {
  /** The next beat's QRS onset (sample): the T wave ends before it. Undefined for the last beat. */
  nextOnset?: number;
  /** The RR interval (ms) that scales the T-wave search; default: the distance to nextOnset, else 1000 ms. */
  rrMs?: number;
}

/** Delineates the beat whose QRS starts at sample `onset` of `leads` (12 standard leads, band-passed mV, at fsHz). */
export function delineateBeat(
  leads: Float32Array[],
  fsHz: number,
  onset: number,
  context: BeatContext = {},
  params: WaveParams = WAVE_PARAMS,
): BeatWaves {
  const ms = (x: number) => Math.round((x * fsHz) / 1000);
  const toMs = (s: number) => ((s - onset) * 1000) / fsHz;
  const n = leads[0].length;
  const { nextOnset } = context;
  const rrMs = context.rrMs ?? (nextOnset === undefined ? 1000 : ((nextOnset - onset) * 1000) / fsHz);
  const bazett = Math.sqrt(Math.min(2, Math.max(0.3, rrMs / 1000)));
  const end = Math.min(
    n - 1,
    onset + ms(params.tSearchEndMs * bazett),
    nextOnset === undefined ? Infinity : nextOnset - ms(params.nextBeatMarginMs),
  );
  const jMin = onset + ms(params.qrsOffsetMinMs);
  const jMax = onset + ms(params.qrsOffsetMaxMs);
  const noT = { tOnsetMs: null, tPeakMs: null, tOffsetMs: null };
  const smooth = Math.max(1, ms(params.smoothMs));

  // Only the beat's stretch is needed (with a margin for the derivative and the smoothing).
  const pad = ms(50);
  const a = Math.max(0, onset - pad);
  const lowEnd = Math.min(n - 1, jMax + ms(params.qrsLowSearchMs));
  const b = Math.min(n, Math.max(end, lowEnd) + pad);
  if (onset < 0 || jMax >= n) return { qrsOffsetMs: params.qrsOffsetMaxMs, qrsOffsetClamped: true, ...noT };
  const v = movingAverage(
    spatialVelocity(
      leads.map((x) => x.subarray(a, b)),
      fsHz,
    ),
    smooth,
  );
  const vAt = (s: number) => v[s - a];

  // QRS offset.
  let peak = onset;
  for (let s = onset; s <= jMax; s++) if (vAt(s) > vAt(peak)) peak = s;
  let low = Infinity;
  for (let s = peak; s <= lowEnd; s++) low = Math.min(low, vAt(s));
  let last = peak;
  for (let s = peak; s <= jMax; s++) if (vAt(s) > params.qrsHighFraction * vAt(peak)) last = s;
  const threshold = low + params.qrsOffsetFraction * (vAt(peak) - low);
  let j = last;
  while (j < jMax && vAt(j) > threshold) j++;
  const found = vAt(peak) > 0 && vAt(j) <= threshold;
  const clamped = !found || j < jMin;
  j = Math.min(jMax, Math.max(jMin, j));
  const qrs = { qrsOffsetMs: toMs(j), qrsOffsetClamped: clamped };

  // ST anchor: the velocity minimum shortly after the J point.
  let st = j;
  for (let s = j; s <= Math.min(j + ms(params.stAnchorSearchMs), end); s++) if (vAt(s) < vAt(st)) st = s;
  if (end - st < ms(80)) return { ...qrs, ...noT };

  // Spatial distance from the ST anchor.
  const m0 = new Float64Array(end - st + 1);
  for (const k of INDEPENDENT_LEADS) {
    const x = leads[k];
    const ref = x[st];
    for (let s = st; s <= end; s++) m0[s - st] += (x[s] - ref) ** 2;
  }
  for (let i = 0; i < m0.length; i++) m0[i] = Math.sqrt(m0[i]);
  const m = movingAverage(m0, smooth);

  const tpEnd = Math.min(m.length - 1, onset + ms(params.tPeakMaxMs * bazett) - st);
  let tp = 0;
  for (let i = 0; i <= tpEnd; i++) if (m[i] > m[tp]) tp = i;
  if (m[tp] < params.tMinMv || tp === 0 || tp >= tpEnd) return { ...qrs, ...noT };
  const span = ms(params.trapeziumSpanMs);
  const tOn = trapezium(m, 0, tp, +1, span);
  const tOff = trapezium(m, tp, m.length - 1, -1, span);
  if (tOn === null || tOff === null) return { ...qrs, ...noT };
  return { ...qrs, tOnsetMs: toMs(st + tOn), tPeakMs: toMs(st + tp), tOffsetMs: toMs(st + tOff) };
}

/**
 * Trapezium-area boundary of a wave in m over [lo, hi] (indices): the T peak is hi for the onset (dir = +1, m rising
 * towards it), lo for the offset (dir = −1). With s the steepest point and r the fixed point `span` beyond it (away
 * from the peak, within the range), the boundary is the i between r and s maximising the trapezium area
 * ½·(m[s] − m[i])·|2r − i − s|. Null when m never moves towards the peak there.
 */
function trapezium(m: Float64Array, lo: number, hi: number, dir: 1 | -1, span: number): number | null {
  if (hi - lo < 2) return null;
  let steep = -1;
  let slope = 0;
  for (let i = lo + 1; i < hi; i++) {
    const d = (dir * (m[i + 1] - m[i - 1])) / 2;
    if (d > slope) ((slope = d), (steep = i));
  }
  if (steep < 0) return null;
  const far = dir > 0 ? Math.max(lo, steep - span) : Math.min(hi, steep + span);
  let best = steep;
  let bestArea = -Infinity;
  for (let i = Math.min(far, steep); i <= Math.max(far, steep); i++) {
    const area = 0.5 * (m[steep] - m[i]) * Math.abs(2 * far - i - steep);
    if (area > bestArea) ((bestArea = area), (best = i));
  }
  return best;
}

/**
 * The waves of the beat in the model window (it starts at PreparedEcg.windowStartMs), ms after its QRS onset, from the
 * band-passed leads. The T-wave search stops before the next detected QRS onset; the RR interval that scales it is
 * the distance to that onset, or the record's median RR for the last beat.
 */
export function modelBeatWaves(
  prepared: Pick<PreparedEcg, 'fsHz' | 'filteredMv' | 'windowStartMs' | 'qrsOnsetsMs'>,
  params: WaveParams = WAVE_PARAMS,
): BeatWaves {
  const { fsHz, windowStartMs } = prepared;
  const sample = (t: number) => Math.round((t * fsHz) / 1000);
  const onsets = prepared.qrsOnsetsMs;
  const next = onsets.find((t) => t > windowStartMs + 200);
  const rr = onsets
    .slice(1)
    .map((t, k) => t - onsets[k])
    .sort((x, y) => x - y);
  const rrMs = next !== undefined ? next - windowStartMs : rr.length ? rr[rr.length >> 1] : undefined;
  return delineateBeat(
    prepared.filteredMv,
    fsHz,
    sample(windowStartMs),
    { nextOnset: next === undefined ? undefined : sample(next), rrMs },
    params,
  );
}
