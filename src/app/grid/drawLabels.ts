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
    row.cells.forEach((cell, k) => {
      if (k === 0) return void ctx.fillText(cell.label, 1.5 * m.pxPerMm, row.baselineY - 1.5 * m.pxPerMm);
      // Later cells: the name just after the boundary, high in the row, and a short boundary mark as printed ECGs have.
      const x = msToX(m, cell.fromMs);
      ctx.fillText(cell.label, x + 1 * m.pxPerMm, row.top + 3.5 * m.pxPerMm);
      ctx.fillRect(x - 0.5, row.baselineY - 2.5 * m.pxPerMm, 1, 5 * m.pxPerMm);
    });
  }
  ctx.restore();
}

/** Record time under the grid (0 s, 1 s, … or every 100 ms for a short window) and the calibration legend. */
export function drawTimeAxis(ctx: CanvasRenderingContext2D, m: GridMetrics): void {
  const short = m.spec.durationMs < 2000;
  const stepMs = short ? 100 : 1000;
  const y = m.gridBottom + 4 * m.pxPerMm;
  ctx.save();
  ctx.fillStyle = PAPER.axisText;
  ctx.font = `11px ${PAPER_FONT}`;
  ctx.textBaseline = 'alphabetic';
  ctx.textAlign = 'center';
  const end = m.offsetMs + m.spec.durationMs;
  for (let t = Math.ceil(m.offsetMs / stepMs - 1e-9) * stepMs; t <= end + 1e-9; t += stepMs) {
    ctx.fillText(short ? `${Math.round(t)} ms` : `${Math.round(t / 1000)} s`, msToX(m, t), y);
  }
  ctx.textAlign = 'left';
  ctx.fillText(`${m.spec.mmPerS} mm/s`, 1.5 * m.pxPerMm, y);
  ctx.restore();
}
