import { QRS_REGION_MS } from '../../core/constants';
import { divergingColor, type Rgb } from '../color/diverging';

/**
 * Where the beat's waves start, ms after QRS onset (the window start), as estimated by src/core/ecg/waves.ts:
 * QRS = 0 → qrsEndMs, ST = qrsEndMs → tOnsetMs, T = tOnsetMs → the window's end. tEndMs is shown in the legend only.
 * Without a T onset the view keeps the paper's fixed split (QRS 0–QRS_REGION_MS, ST-T after).
 */
export interface SegmentBounds {
  qrsEndMs: number;
  tOnsetMs: number | null;
  tEndMs: number | null;
}

/** The trajectory as the view needs it: [T × 3] points in the LPS heart frame (mm), their sample rate, and its waves. */
export interface TrajectoryView {
  points: Float32Array;
  fsHz: number;
  /** Null (or absent) when the waves could not be estimated: the fixed QRS/ST-T split is drawn. */
  segments?: SegmentBounds | null;
}

/** Neutral grey for a trajectory without an explanation (darker than the 0 of the diverging scale, which is near-white). */
export const NEUTRAL_RGB: Rgb = [96, 104, 116];
/**
 * Tube radii, mm, so the segments read apart even in grey (colour stays Φ_d's): QRS thick, ST thin, T medium; with the
 * fixed split, QRS thick and ST-T thin.
 */
export const QRS_RADIUS_MM = 1.6;
export const ST_RADIUS_MM = 0.5;
export const T_RADIUS_MM = 1.0;
export const STT_RADIUS_MM = 0.85;
/** Millisecond labels every LABEL_STEP_MS, as in the paper's Fig. 4. */
export const LABEL_STEP_MS = 50;
/** Slow motion: 400 ms of signal over 4 s. */
export const PLAYBACK_SLOWDOWN = 10;

export const sampleCount = (t: TrajectoryView): number => t.points.length / 3;
export const sampleMs = (i: number, fsHz: number): number => (i * 1000) / fsHz;
/** Time of the last sample: the end of the slider and of playback. */
export const lastSampleMs = (t: TrajectoryView): number => sampleMs(Math.max(0, sampleCount(t) - 1), t.fsHz);

/** sRGB byte → linear [0, 1]: three.js blends vertex colours in linear space and encodes sRGB on output. */
export function srgbToLinear(byte: number): number {
  const c = byte / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/**
 * Per-sample colours [T × 3], linear RGB: Φ_d(t) (eq. 2, in [−1, 1]) through the diverging scale, or neutral grey
 * without one. Φ_d of the model's window has one value per sample of the same window; if the lengths ever differ
 * the nearest value in time is used.
 */
export function trajectoryColors(
  T: number,
  phi: ArrayLike<number> | null,
  colorOf: (v: number) => Rgb = divergingColor,
): Float32Array {
  const out = new Float32Array(3 * T);
  for (let i = 0; i < T; i++) {
    const rgb =
      phi && phi.length > 0
        ? colorOf(phi[Math.min(phi.length - 1, Math.round((i * phi.length) / Math.max(1, T)))])
        : NEUTRAL_RGB;
    out[3 * i] = srgbToLinear(rgb[0]);
    out[3 * i + 1] = srgbToLinear(rgb[1]);
    out[3 * i + 2] = srgbToLinear(rgb[2]);
  }
  return out;
}

export type SegmentName = 'QRS' | 'ST' | 'T' | 'ST-T';

/** The estimated waves, or null when they cannot be drawn (no T onset): then the fixed split applies. */
const usable = (segments: SegmentBounds | null | undefined): SegmentBounds | null =>
  segments && segments.tOnsetMs !== null && Number.isFinite(segments.qrsEndMs) && Number.isFinite(segments.tOnsetMs)
    ? segments
    : null;

/** First sample of each segment (boundaries snapped to the nearest sample, so labels, radii and legend agree). */
export function segmentStarts(fsHz: number, segments?: SegmentBounds | null): { name: SegmentName; sample: number }[] {
  const s = usable(segments);
  const at = (ms: number) => Math.max(0, Math.round((ms * fsHz) / 1000));
  if (!s)
    return [
      { name: 'QRS', sample: 0 },
      { name: 'ST-T', sample: at(QRS_REGION_MS) },
    ];
  const st = Math.max(1, at(s.qrsEndMs));
  return [
    { name: 'QRS', sample: 0 },
    { name: 'ST', sample: st },
    { name: 'T', sample: Math.max(st + 1, at(s.tOnsetMs!)) },
  ];
}

/**
 * The segment of sample i: with estimated waves QRS (0 → QRS offset), ST (→ T onset), T (→ end); without them the
 * paper's QRS region (0–150 ms after onset, paper 3.5) and ST-T for the rest of the window.
 */
export function segmentOfSample(i: number, fsHz: number, segments?: SegmentBounds | null): SegmentName {
  return segmentIn(segmentStarts(fsHz, segments), i);
}

function segmentIn(starts: { name: SegmentName; sample: number }[], i: number): SegmentName {
  let name = starts[0].name;
  for (const s of starts) if (i >= s.sample) name = s.name;
  return name;
}

export interface SegmentSpan {
  name: SegmentName;
  /** First and last sample time of the segment inside the window, ms after QRS onset. */
  startMs: number;
  endMs: number;
}

/** The segments that the window of T samples contains, in order (the legend's lines). */
export function segmentSpans(T: number, fsHz: number, segments?: SegmentBounds | null): SegmentSpan[] {
  const starts = segmentStarts(fsHz, segments).filter((s) => s.sample < T);
  return starts.map((s, k) => ({
    name: s.name,
    startMs: sampleMs(s.sample, fsHz),
    endMs: sampleMs((starts[k + 1]?.sample ?? T) - 1, fsHz),
  }));
}

const RADIUS: Record<SegmentName, number> = {
  QRS: QRS_RADIUS_MM,
  ST: ST_RADIUS_MM,
  T: T_RADIUS_MM,
  'ST-T': STT_RADIUS_MM,
};

/**
 * The legend's sentence on the tube: which thickness is which segment, over which times (ms after QRS onset), e.g.
 * "Tube: thick (3.2 mm) = QRS, 0–84 ms; thin (0.9 mm) = ST, 84–174 ms; medium (2.0 mm) = T, from 174 ms (ends ≈ 342 ms)."
 */
export function segmentLegend(spans: SegmentSpan[], segments?: SegmentBounds | null): string {
  const words: Record<SegmentName, string> = { QRS: 'thick', ST: 'thin', T: 'medium', 'ST-T': 'thin' };
  const r = Math.round;
  const tEnd = segments?.tEndMs;
  const parts = spans.map((s, k) => {
    const range =
      s.name === 'ST-T'
        ? ''
        : k > 0 && k === spans.length - 1
          ? `, from ${r(s.startMs)} ms`
          : `, ${r(s.startMs)}–${r(spans[k + 1]?.startMs ?? s.endMs)} ms`;
    const end = s.name === 'T' && tEnd != null ? ` (ends ≈ ${r(tEnd)} ms)` : '';
    return `${words[s.name]} (${(2 * RADIUS[s.name]).toFixed(1)} mm) = ${s.name}${range}${end}`;
  });
  const text = `Tube: ${parts.join('; ')}.`;
  if (!spans.some((s) => s.name === 'ST' || s.name === 'T')) return text;
  const tOnset = segments?.tOnsetMs;
  const later =
    !spans.some((s) => s.name === 'T') && tOnset != null
      ? ` The T wave starts after the window (≈ ${r(tOnset)} ms).`
      : '';
  return `${text} QRS offset and T onset of this beat, estimated from all leads.${later}`;
}

export function trajectoryRadii(T: number, fsHz: number, segments?: SegmentBounds | null): Float32Array {
  const starts = segmentStarts(fsHz, segments);
  return Float32Array.from({ length: T }, (_, i) => RADIUS[segmentIn(starts, i)]);
}

export interface TimeLabel {
  sample: number;
  ms: number;
  text: string;
  /** The label opens a segment: "QRS · 0", then "ST · <ms>" and "T · <ms>" (or "ST-T · 150" with the fixed split). */
  segment?: SegmentName;
}

/**
 * Labels every 50 ms that fall on a sample of the window, plus one at the start of each segment inside the window,
 * named ("QRS · 0", "ST · 84", "T · 174"), in time order. A segment start on a 50 ms tick takes that tick's place.
 */
export function timeLabels(
  T: number,
  fsHz: number,
  segments?: SegmentBounds | null,
  stepMs = LABEL_STEP_MS,
): TimeLabel[] {
  const bySample = new Map<number, TimeLabel>();
  for (let ms = 0; ; ms += stepMs) {
    const sample = Math.round((ms * fsHz) / 1000);
    if (sample >= T) break;
    bySample.set(sample, { sample, ms, text: String(ms) });
  }
  for (const { name, sample } of segmentStarts(fsHz, segments)) {
    if (sample >= T) continue;
    const ms = bySample.get(sample)?.ms ?? Math.round(sampleMs(sample, fsHz));
    bySample.set(sample, { sample, ms, text: `${name} · ${ms}`, segment: name });
  }
  return [...bySample.values()].sort((a, b) => a.sample - b.sample);
}

/** Point at time `ms` (linear between samples, clamped to the window), written into `out`. */
export function pointAtMs(
  points: ArrayLike<number>,
  fsHz: number,
  ms: number,
  out: [number, number, number] = [0, 0, 0],
): [number, number, number] {
  const T = points.length / 3;
  if (T === 0) return out;
  const x = Math.min(T - 1, Math.max(0, (ms * fsHz) / 1000));
  const i = Math.max(0, Math.min(T - 2, Math.floor(x)));
  const f = T > 1 ? x - i : 0;
  for (let a = 0; a < 3; a++) out[a] = points[3 * i + a] + (f && f * (points[3 * (i + 1) + a] - points[3 * i + a]));
  return out;
}
