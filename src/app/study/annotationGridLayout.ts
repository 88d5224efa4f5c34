import { WINDOW_MS } from '../../core/constants';
import { STANDARD_LEADS } from '../../core/ecg/types';
import { CSS_PX_PER_MM, DEFAULT_GRID_SPEC, type GridMetrics, computeGridLayout, xToMs } from '../grid/layout';

/**
 * The annotation view of the 400 ms window: one row per lead, 250 mm/s (a small box is 4 ms, a large one 20 ms, so
 * the 25 ms protocol window is about one large box) and the standard 10 mm/mV, scaled as a whole to fit the panel
 * (between 0.8 and 3 CSS millimetres per paper millimetre). Time 0 is the window start, as in the annotation files.
 */
export const ANNOTATION_MM_PER_S = 250;
export const ANNOTATION_MM_PER_MV = 10;
const SPEC = {
  ...DEFAULT_GRID_SPEC,
  mmPerS: ANNOTATION_MM_PER_S,
  mmPerMv: ANNOTATION_MM_PER_MV,
  rowSpacingMm: 9,
  leftMarginMm: 9,
  rightMarginMm: 3,
  topStripMm: 1,
  gridPadMm: 5,
  bottomStripMm: 5,
};
const WIDTH_MM = SPEC.leftMarginMm + (WINDOW_MS * ANNOTATION_MM_PER_S) / 1000 + SPEC.rightMarginMm;
const HEIGHT_MM =
  SPEC.topStripMm + 2 * SPEC.gridPadMm + (STANDARD_LEADS.length - 1) * SPEC.rowSpacingMm + SPEC.bottomStripMm;
const MAX_ZOOM = 3;
/** Smallest scale: 0.8 of a CSS millimetre keeps rows ~27 px apart, so all 12 leads fit a 1280×720 screen. */
const MIN_ZOOM = 0.8;

export function annotationLayout(availableWidthPx: number, availableHeightPx: number): GridMetrics {
  const fit = Math.min(availableWidthPx / WIDTH_MM, availableHeightPx / HEIGHT_MM);
  const pxPerMm = Math.min(
    MAX_ZOOM * CSS_PX_PER_MM,
    Math.max(MIN_ZOOM * CSS_PX_PER_MM, Number.isFinite(fit) ? fit : CSS_PX_PER_MM),
  );
  return computeGridLayout({ ...SPEC, pxPerMm, durationMs: WINDOW_MS, leads: STANDARD_LEADS, offsetMs: 0 });
}

/** Where a pointer is: the row (lead) under it and the time, clamped to the window; null outside the rows. */
export function hitTest(m: GridMetrics, x: number, y: number): { row: number; ms: number } | null {
  const row = m.rows.findIndex((r) => y >= r.top && y < r.bottom);
  if (row < 0) return null;
  return { row, ms: Math.min(WINDOW_MS, Math.max(0, xToMs(m, x))) };
}

/** Time under the grid every 50 ms from the window start (the annotation time base), in place of record time. */
export function drawAnnotationTimeAxis(ctx: CanvasRenderingContext2D, m: GridMetrics): void {
  ctx.save();
  ctx.fillStyle = '#52606d';
  ctx.font = '11px system-ui, sans-serif';
  ctx.textBaseline = 'alphabetic';
  const y = m.gridBottom + 3.5 * m.pxPerMm;
  ctx.textAlign = 'center';
  for (let t = 0; t <= WINDOW_MS; t += 50) ctx.fillText(String(t), m.originX + t * m.pxPerMs, y);
  ctx.textAlign = 'left';
  ctx.fillText('ms', 1.5 * m.pxPerMm, y);
  ctx.restore();
}
