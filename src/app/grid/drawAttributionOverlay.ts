import { css, divergingColor, sequentialColor } from '../color/diverging';
import type { AttributionView } from '../explain/attributionView';
import { type GridMetrics, msToX } from './layout';

export interface AttributionOverlay {
  /** Where the explained window starts in the record, ms. */
  startMs: number;
  fsHz: number;
  view: AttributionView;
}

/** Opacity of the strongest cell: strong enough to read, light enough that the trace stays black on it. */
const MAX_ALPHA = 0.7;

/**
 * Shades each lead's row under its trace, inside the explained window, by that lead's attribution at each sample
 * (one shared colour scale for all leads). Drawn before the traces. Cells with no attribution stay unshaded.
 */
export function drawAttributionOverlay(ctx: CanvasRenderingContext2D, m: GridMetrics, o: AttributionOverlay): void {
  const { view } = o;
  const color = view.display === 'signed' ? divergingColor : sequentialColor;
  const dtMs = 1000 / o.fsHz;
  const w = dtMs * m.pxPerMs;
  ctx.save();
  for (const row of m.rows)
    for (const cell of row.cells) {
      const c = cell.lead;
      if (c >= view.C) continue;
      for (let t = 0; t < view.T; t++) {
        const ms = o.startMs + t * dtMs;
        if (ms < cell.fromMs || ms >= cell.toMs) continue; // this lead shows another stretch of time on this row
        const v = view.cells[t * view.C + c];
        const strength = Math.min(1, Math.abs(v));
        if (strength < 0.02) continue;
        ctx.fillStyle = css(color(v), MAX_ALPHA * Math.sqrt(strength));
        // +0.5 px hides seams between neighbouring samples at fractional widths
        ctx.fillRect(msToX(m, ms), row.top + 1, w + 0.5, row.bottom - row.top - 2);
      }
    }
  ctx.restore();
}
