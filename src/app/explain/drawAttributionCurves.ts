import { PAPER_FONT } from '../grid/palette';
import type { AttributionView } from './attributionView';
import { MAP_LAYOUT, sampleX } from './drawAttributionMap';

/** Taller rows than the heat map: each holds a curve. */
export const CURVE_ROW_HEIGHT = 34;

export function curvesHeight(C: number): number {
  return C * CURVE_ROW_HEIGHT + MAP_LAYOUT.axisHeight + 4;
}

/** The value a curve plots: post-processed values as they are (in [0, 1]); signed Φ as its magnitude. */
const magnitude = (v: number) => Math.min(1, Math.abs(v));

/**
 * The expert-style view of the paper's Fig. 3: per lead, the attribution magnitude over the window as a filled blue
 * curve, the lead's own signal faintly behind it, and the threshold as a dotted line; stretches above the threshold
 * (what a binary mask at this threshold keeps) are drawn darker. Pure: ctx in, pixels out.
 */
export function drawAttributionCurves(
  ctx: CanvasRenderingContext2D,
  v: AttributionView,
  leadNames: readonly string[],
  input: Float32Array | null,
  fsHz: number,
  width: number,
  threshold: number,
): void {
  const L = MAP_LAYOUT;
  const H = CURVE_ROW_HEIGHT;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, curvesHeight(v.C));
  const cellW = (width - L.labelWidth - L.right) / v.T;
  ctx.font = `11px ${PAPER_FONT}`;
  ctx.textBaseline = 'middle';
  for (let c = 0; c < v.C; c++) {
    const top = c * H;
    const base = top + H - 3;
    const yOf = (u: number) => base - u * (H - 6);
    ctx.fillStyle = '#374151';
    ctx.textAlign = 'right';
    ctx.fillText(leadNames[c] ?? `ch ${c + 1}`, L.labelWidth - 6, top + H / 2);
    if (input) {
      // The signal, scaled into the row, as context (z-scores: ±3 spans the row).
      ctx.strokeStyle = 'rgba(17, 24, 39, 0.25)';
      ctx.lineWidth = 1;
      ctx.beginPath();
      for (let t = 0; t < v.T; t++) {
        const y = top + H / 2 - (Math.max(-3, Math.min(3, input[t * v.C + c])) / 3) * (H / 2 - 2);
        if (t === 0) ctx.moveTo(sampleX(t, v.T, width), y);
        else ctx.lineTo(sampleX(t, v.T, width), y);
      }
      ctx.stroke();
    }
    for (let t = 0; t < v.T; t++) {
      const u = magnitude(v.cells[t * v.C + c]);
      ctx.fillStyle = u > threshold ? 'rgba(29, 78, 216, 0.85)' : 'rgba(96, 165, 250, 0.45)';
      ctx.fillRect(sampleX(t, v.T, width), yOf(u), cellW + 0.5, base - yOf(u));
    }
    ctx.strokeStyle = '#111827';
    ctx.setLineDash([3, 3]);
    ctx.beginPath();
    ctx.moveTo(L.labelWidth, yOf(threshold));
    ctx.lineTo(width - L.right, yOf(threshold));
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = '#e5e7eb';
    ctx.fillRect(L.labelWidth, base, width - L.labelWidth - L.right, 1);
  }
  const axisY = v.C * H + 4;
  ctx.textBaseline = 'top';
  ctx.fillStyle = '#6b7280';
  const windowMs = (v.T / fsHz) * 1000;
  for (let ms = 0; ms <= windowMs + 1e-9; ms += 50) {
    const last = ms + 50 > windowMs + 1e-9;
    ctx.textAlign = last ? 'right' : 'center';
    const x = sampleX((ms / 1000) * fsHz, v.T, width);
    ctx.fillText(last ? `${ms} ms` : `${ms}`, last ? x + 4 : x, axisY);
  }
}

/** Share of samples (over all leads) above the threshold: what a mask at this threshold keeps. */
export function fractionAbove(v: AttributionView, threshold: number): number {
  let n = 0;
  for (const x of v.cells) if (magnitude(x) > threshold) n++;
  return v.cells.length ? n / v.cells.length : 0;
}
