import { WINDOW_MS } from '../../core/constants';
import { STANDARD_LEADS } from '../../core/ecg/types';
import { CSS_PX_PER_MM, DEFAULT_GRID_SPEC, type GridMetrics, computeGridLayout, xToMs } from '../grid/layout';

/**
 * The annotation view of the 400 ms window: one row per lead, 250 mm/s (a small box is 4 ms, a large one 20 ms, so
 * the 25 ms protocol window is about one large box) and the standard 10 mm/mV, scaled as a whole to fit the panel
 * (never below true CSS millimetres). Time 0 is the window start, as in the annotation files.
 */
export const ANNOTATION_MM_PER_S = 250;
export const ANNOTATION_MM_PER_MV = 10;
const SPEC = { ...DEFAULT_GRID_SPEC, mmPerS: ANNOTATION_MM_PER_S, mmPerMv: ANNOTATION_MM_PER_MV, rowSpacingMm: 9, leftMarginMm: 9, rightMarginMm: 3, topStripMm: 1, gridPadMm: 5, bottomStripMm: 5 };
const WIDTH_MM = SPEC.leftMarginMm + (WINDOW_MS * ANNOTATION_MM_PER_S) / 1000 + SPEC.rightMarginMm;
const HEIGHT_MM = SPEC.topStripMm + 2 * SPEC.gridPadMm + (STANDARD_LEADS.length - 1) * SPEC.rowSpacingMm + SPEC.bottomStripMm;
const MAX_ZOOM = 3;

export function annotationLayout(availableWidthPx: number, availableHeightPx: number): GridMetrics {
  const fit = Math.min(availableWidthPx / WIDTH_MM, availableHeightPx / HEIGHT_MM);
  const pxPerMm = Math.min(MAX_ZOOM * CSS_PX_PER_MM, Math.max(CSS_PX_PER_MM, Number.isFinite(fit) ? fit : CSS_PX_PER_MM));
  return computeGridLayout({ ...SPEC, pxPerMm, durationMs: WINDOW_MS, leads: STANDARD_LEADS, offsetMs: 0 });
}

/** Where a pointer is: the row (lead) under it and the time, clamped to the window; null outside the rows. */
export function hitTest(m: GridMetrics, x: number, y: number): { row: number; ms: number } | null {
  const row = m.rows.findIndex((r) => y >= r.top && y < r.bottom);
  if (row < 0) return null;
  return { row, ms: Math.min(WINDOW_MS, Math.max(0, xToMs(m, x))) };
}
