/**
 * The annotation protocol of paper 3.5 and the step from segments to binary ground-truth masks.
 * Time base as in study-format.ts: ms from the start of the 400 ms model window.
 */
import {
  ANNOTATION_POINT_TOLERANCE_MS,
  ANNOTATION_WINDOW_QRS_MS,
  ANNOTATION_WINDOW_REST_MS,
  MODEL_FS_HZ,
  QRS_REGION_MS,
  WINDOW_MS,
  WINDOW_SAMPLES,
} from '../constants';
import type { Segment } from './study-format';

/**
 * What the tool stores when an expert marks [startMs, endMs] (either order): a point (point flag, or start = end)
 * becomes ±10 ms; a drag shorter than the minimal window (25 ms when its centre lies in the QRS region 0–150 ms,
 * 50 ms after) is widened about its centre. The result is clipped to [0, WINDOW_MS]; other fields (id, lead, point…)
 * are kept, so the app can pass a whole Segment.
 */
export function applyProtocol<S extends { startMs: number; endMs: number; point?: boolean }>(mark: S): S {
  const lo = Math.min(mark.startMs, mark.endMs);
  const hi = Math.max(mark.startMs, mark.endMs);
  const centre = (lo + hi) / 2;
  let half: number;
  if (mark.point || lo === hi) half = ANNOTATION_POINT_TOLERANCE_MS;
  else half = Math.max((hi - lo) / 2, minimalWindowMs(centre) / 2);
  const clip = (v: number) => Math.min(WINDOW_MS, Math.max(0, v));
  return { ...mark, startMs: clip(centre - half), endMs: clip(centre + half) };
}

/** The protocol's minimal window at a time: 25 ms inside the QRS region (centre < 150 ms), 50 ms from there on. */
export function minimalWindowMs(centreMs: number): number {
  return centreMs < QRS_REGION_MS ? ANNOTATION_WINDOW_QRS_MS : ANNOTATION_WINDOW_REST_MS;
}

/**
 * Per-lead 0/1 masks, one per entry of `leads` (a lead name, or 'trajectory'), each of T samples: sample t covers
 * [t·1000/fs, (t+1)·1000/fs) ms and is marked when a segment of that lead has startMs ≤ t·1000/fs < endMs.
 * Segments of other leads are ignored, so the caller picks the modality by the lead names it asks for.
 */
export function segmentsToMask(
  segments: readonly Pick<Segment, 'lead' | 'startMs' | 'endMs'>[],
  leads: readonly string[],
  T: number = WINDOW_SAMPLES,
  fs: number = MODEL_FS_HZ,
): Uint8Array[] {
  const dt = 1000 / fs;
  return leads.map((lead) => {
    const m = new Uint8Array(T);
    for (const s of segments) {
      if (s.lead !== lead) continue;
      for (let t = 0; t < T; t++) if (s.startMs <= t * dt && t * dt < s.endMs) m[t] = 1;
    }
    return m;
  });
}
