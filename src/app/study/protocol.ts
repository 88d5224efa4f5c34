/**
 * The annotation protocol of paper 3.5 as the tool applies it to every mark, before it is stored.
 *
 * Written here because the evaluation core (`src/core/eval/protocol.ts`, branch wt-eval) was not merged when study
 * mode was built; the rule and signature are the same, so switching is a one-line import change in this file.
 */
import { ANNOTATION_POINT_TOLERANCE_MS, ANNOTATION_WINDOW_QRS_MS, ANNOTATION_WINDOW_REST_MS, QRS_REGION_MS, WINDOW_MS } from '../../core/constants';

/** The minimal window at a time: 25 ms when the mark's centre lies in the QRS region (0–150 ms), 50 ms after. */
export function minimalWindowMs(centreMs: number): number {
  return centreMs < QRS_REGION_MS ? ANNOTATION_WINDOW_QRS_MS : ANNOTATION_WINDOW_REST_MS;
}

/**
 * A drag [startMs, endMs] (either order) shorter than the minimal window is widened about its centre; a point (the
 * flag, or start = end) becomes ±10 ms. The result is clipped to the window [0, WINDOW_MS].
 */
export function applyProtocol(mark: { startMs: number; endMs: number; point?: boolean }): { startMs: number; endMs: number } {
  const lo = Math.min(mark.startMs, mark.endMs);
  const hi = Math.max(mark.startMs, mark.endMs);
  const centre = (lo + hi) / 2;
  const half = mark.point || lo === hi ? ANNOTATION_POINT_TOLERANCE_MS : Math.max((hi - lo) / 2, minimalWindowMs(centre) / 2);
  const clip = (v: number) => Math.min(WINDOW_MS, Math.max(0, v));
  return { startMs: clip(centre - half), endMs: clip(centre + half) };
}
