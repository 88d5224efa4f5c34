import { type GridMetrics, msToX } from './layout';
import { PAPER, PAPER_FONT } from './palette';

/** Lead names at the left of each row, just above the baseline (left of the calibration pulse). */
export function drawLeadLabels(ctx: CanvasRenderingContext2D, m: GridMetrics): void {
  ctx.save();
  ctx.fillStyle = PAPER.label;
  ctx.font = `600 12px ${PAPER_FONT}`;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'alphabetic';
  for (const row of m.rows) {
    ctx.fillText(row.lead, 1.5 * m.pxPerMm, row.baselineY - 1.5 * m.pxPerMm);
  }
  ctx.restore();
}

/** Seconds under the grid (0 s, 1 s, …) and the calibration legend at the bottom left. */
export function drawTimeAxis(ctx: CanvasRenderingContext2D, m: GridMetrics): void {
  const durationS = Math.floor(m.spec.durationMs / 1000 + 1e-9);
  const y = m.gridBottom + 4 * m.pxPerMm;
  ctx.save();
  ctx.fillStyle = PAPER.axisText;
  ctx.font = `11px ${PAPER_FONT}`;
  ctx.textBaseline = 'alphabetic';
  ctx.textAlign = 'center';
  for (let s = 0; s <= durationS; s++) {
    ctx.fillText(`${s} s`, msToX(m, s * 1000), y);
  }
  ctx.textAlign = 'left';
  ctx.fillText(`${m.spec.mmPerS} mm/s`, 1.5 * m.pxPerMm, y);
  ctx.restore();
}
