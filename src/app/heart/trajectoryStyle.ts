import { QRS_REGION_MS } from '../../core/constants';
import { divergingColor, type Rgb } from '../color/diverging';

/** The trajectory as the view needs it: [T × 3] points in the LPS heart frame (mm) and their sample rate. */
export interface TrajectoryView {
  points: Float32Array;
  fsHz: number;
}

/** Neutral grey for a trajectory without an explanation (darker than the 0 of the diverging scale, which is near-white). */
export const NEUTRAL_RGB: Rgb = [96, 104, 116];
/** Tube radii, mm: QRS is drawn thicker so QRS and ST-T read apart even in grey. */
export const QRS_RADIUS_MM = 1.6;
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
export function trajectoryColors(T: number, phi: ArrayLike<number> | null): Float32Array {
  const out = new Float32Array(3 * T);
  for (let i = 0; i < T; i++) {
    const rgb = phi && phi.length > 0 ? divergingColor(phi[Math.min(phi.length - 1, Math.round((i * phi.length) / Math.max(1, T)))]) : NEUTRAL_RGB;
    out[3 * i] = srgbToLinear(rgb[0]);
    out[3 * i + 1] = srgbToLinear(rgb[1]);
    out[3 * i + 2] = srgbToLinear(rgb[2]);
  }
  return out;
}

/** QRS = the paper's QRS region (0–150 ms after onset, paper 3.5); ST-T = the rest of the window. */
export const segmentAt = (ms: number): 'QRS' | 'ST-T' => (ms < QRS_REGION_MS ? 'QRS' : 'ST-T');

export function trajectoryRadii(T: number, fsHz: number): Float32Array {
  return Float32Array.from({ length: T }, (_, i) => (segmentAt(sampleMs(i, fsHz)) === 'QRS' ? QRS_RADIUS_MM : STT_RADIUS_MM));
}

export interface TimeLabel {
  sample: number;
  ms: number;
  text: string;
  /** The label opens a segment (QRS at 0 ms, ST-T at 150 ms). */
  segment?: 'QRS' | 'ST-T';
}

/** Labels every 50 ms that fall on a sample of the window; the segment starts are named. */
export function timeLabels(T: number, fsHz: number, stepMs = LABEL_STEP_MS): TimeLabel[] {
  const labels: TimeLabel[] = [];
  for (let ms = 0; ; ms += stepMs) {
    const sample = Math.round((ms * fsHz) / 1000);
    if (sample >= T) break;
    const segment = ms === 0 ? 'QRS' : ms === QRS_REGION_MS ? 'ST-T' : undefined;
    labels.push({ sample, ms, text: segment ? `${segment} · ${ms}` : String(ms), ...(segment && { segment }) });
  }
  return labels;
}

/** Point at time `ms` (linear between samples, clamped to the window), written into `out`. */
export function pointAtMs(points: ArrayLike<number>, fsHz: number, ms: number, out: [number, number, number] = [0, 0, 0]): [number, number, number] {
  const T = points.length / 3;
  if (T === 0) return out;
  const x = Math.min(T - 1, Math.max(0, (ms * fsHz) / 1000));
  const i = Math.max(0, Math.min(T - 2, Math.floor(x)));
  const f = T > 1 ? x - i : 0;
  for (let a = 0; a < 3; a++) out[a] = points[3 * i + a] + (f && f * (points[3 * (i + 1) + a] - points[3 * i + a]));
  return out;
}
