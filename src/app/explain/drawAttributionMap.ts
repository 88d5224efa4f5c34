import { css, divergingColor, sequentialColor } from '../color/diverging';
import { PAPER_FONT } from '../grid/palette';
import type { AttributionView } from './attributionView';

/** Geometry of the map in CSS px: one heat row per lead, then Φ_d(t) as a line, then the time axis. */
export const MAP_LAYOUT = {
  labelWidth: 44,
  rowHeight: 14,
  gap: 8,
  curveHeight: 64,
  axisHeight: 20,
  right: 12,
} as const;

export function mapHeight(C: number): number {
  const L = MAP_LAYOUT;
  return C * L.rowHeight + L.gap + L.curveHeight + L.axisHeight;
}

/** x of sample t (of T) in a map `width` px wide. */
export function sampleX(t: number, T: number, width: number): number {
  const L = MAP_LAYOUT;
  return L.labelWidth + ((width - L.labelWidth - L.right) * t) / T;
}

/**
 * Draws the attribution map (paper Fig. 3-like): per-lead colour rows on one shared scale, and eq. 2's Φ_d(t)
 * below, filled red above zero (evidence for abnormal) and blue below (for normal). Pure: ctx in, pixels out.
 */
export function drawAttributionMap(
  ctx: CanvasRenderingContext2D,
  v: AttributionView,
  leadNames: readonly string[],
  fsHz: number,
  width: number,
): void {
  const L = MAP_LAYOUT;
  const height = mapHeight(v.C);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  const color = v.display === 'signed' ? divergingColor : sequentialColor;
  const cellW = (width - L.labelWidth - L.right) / v.T;

  ctx.font = `11px ${PAPER_FONT}`;
  ctx.textBaseline = 'middle';
  for (let c = 0; c < v.C; c++) {
    const y = c * L.rowHeight;
    ctx.fillStyle = '#374151';
    ctx.textAlign = 'right';
    ctx.fillText(leadNames[c] ?? `ch ${c + 1}`, L.labelWidth - 6, y + L.rowHeight / 2);
    for (let t = 0; t < v.T; t++) {
      ctx.fillStyle = css(color(v.cells[t * v.C + c]));
      // +0.5 px overlap hides hairline seams between cells at fractional widths
      ctx.fillRect(sampleX(t, v.T, width), y, cellW + 0.5, L.rowHeight - 1);
    }
  }

  const top = v.C * L.rowHeight + L.gap;
  const mid = top + L.curveHeight / 2;
  const yOf = (u: number) => mid - (u * L.curveHeight) / 2;
  ctx.strokeStyle = '#d1d5db';
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(L.labelWidth, mid);
  ctx.lineTo(width - L.right, mid);
  ctx.stroke();
  for (let t = 0; t < v.T; t++) {
    const u = v.mapped[t];
    ctx.fillStyle = css(divergingColor(u), 0.9);
    const y = yOf(u);
    ctx.fillRect(sampleX(t, v.T, width), Math.min(y, mid), cellW + 0.5, Math.abs(y - mid));
  }
  ctx.fillStyle = '#374151';
  ctx.textAlign = 'right';
  ctx.fillText('Φd', L.labelWidth - 6, mid);
  ctx.font = `10px ${PAPER_FONT}`;
  ctx.fillText('+1', L.labelWidth - 6, top + 5);
  ctx.fillText('−1', L.labelWidth - 6, top + L.curveHeight - 5);

  // Time axis: ms from the window start (QRS onset).
  const axisY = top + L.curveHeight + 4;
  const windowMs = (v.T / fsHz) * 1000;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (let ms = 0; ms <= windowMs + 1e-9; ms += 50) {
    const x = sampleX((ms / 1000) * fsHz, v.T, width);
    const last = ms + 50 > windowMs + 1e-9;
    ctx.fillStyle = '#6b7280';
    ctx.fillRect(x, axisY - 3, 1, 3);
    // The last label carries the unit and is right-aligned so it stays inside the canvas.
    ctx.textAlign = last ? 'right' : 'center';
    ctx.fillText(last ? `${ms} ms` : `${ms}`, last ? x + 4 : x, axisY);
  }
}
