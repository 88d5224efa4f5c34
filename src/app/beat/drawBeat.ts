import { css, divergingColor, sequentialColor } from '../color/diverging';
import type { AttributionView } from '../explain/attributionView';
import { PAPER, PAPER_FONT } from '../grid/palette';
import type { SegmentBounds } from '../heart/trajectoryStyle';
import { type BeatLayout, beatBaseline, beatX } from './beatLayout';

export interface BeatContent {
  names: readonly string[];
  /** Per lead, mV, at fsHz, starting at the window's QRS onset (sample 0 = 0 ms). */
  leadsMv: Float32Array[];
  fsHz: number;
  /** The attribution view over the same window, or null before an explanation. */
  view: AttributionView | null;
  threshold: number;
  segments: SegmentBounds | null;
}

const BOUNDARY = '#334155';

/**
 * Draws the beat: per lead its row shaded by the attribution (the grid overlay's colours), the Fig. 3 curve of the
 * attribution magnitude along the row's bottom with the threshold dotted, the trace on top; QRS end / T onset / T end
 * as dashed lines with their names; a 20/100 ms time ruling. Pure: ctx in, pixels out.
 */
export function drawBeat(ctx: CanvasRenderingContext2D, l: BeatLayout, c: BeatContent): void {
  ctx.fillStyle = PAPER.background;
  ctx.fillRect(0, 0, l.width, l.height);
  // Time ruling: light every 20 ms, darker every 100 ms.
  for (let ms = 0; ms <= l.windowMs + 1e-6; ms += 20) {
    ctx.fillStyle = ms % 100 === 0 ? PAPER.majorLine : PAPER.minorLine;
    ctx.fillRect(Math.round(beatX(l, ms)), l.top, 1, l.bottom - l.top);
  }
  const { view } = c;
  const color = view?.display === 'signed' ? divergingColor : sequentialColor;
  ctx.font = `600 12px ${PAPER_FONT}`;
  ctx.textBaseline = 'middle';
  c.names.forEach((name, i) => {
    const y0 = beatBaseline(l, i);
    const rowTop = l.top + i * l.rowHeight;
    if (view && i < view.C) {
      const dt = l.windowMs / view.T;
      const curveH = l.rowHeight * 0.35;
      const base = rowTop + l.rowHeight - 1;
      for (let t = 0; t < view.T; t++) {
        const v = view.cells[t * view.C + i];
        const u = Math.min(1, Math.abs(v));
        const x = beatX(l, t * dt);
        const w = dt * l.pxPerMs + 0.5;
        if (u >= 0.02) {
          ctx.fillStyle = css(color(v), 0.55 * Math.sqrt(u));
          ctx.fillRect(x, rowTop + 0.5, w, l.rowHeight - 1);
        }
        // Fig. 3: the magnitude as a filled curve, darker above the threshold.
        ctx.fillStyle = u > c.threshold ? 'rgba(29, 78, 216, 0.85)' : 'rgba(96, 165, 250, 0.5)';
        ctx.fillRect(x, base - u * curveH, w, u * curveH);
      }
      ctx.strokeStyle = 'rgba(17, 24, 39, 0.7)';
      ctx.setLineDash([2, 3]);
      ctx.beginPath();
      ctx.moveTo(l.left, base - c.threshold * curveH);
      ctx.lineTo(l.right, base - c.threshold * curveH);
      ctx.stroke();
      ctx.setLineDash([]);
    }
    ctx.fillStyle = '#e5e7eb';
    ctx.fillRect(l.left, Math.round(rowTop + l.rowHeight) - 0.5, l.right - l.left, 1);
    ctx.fillStyle = PAPER.label;
    ctx.textAlign = 'left';
    ctx.fillText(name, 4, y0);
    const x = c.leadsMv[i];
    if (!x) return;
    const n = Math.min(x.length, Math.floor((l.windowMs / 1000) * c.fsHz) + 1);
    ctx.strokeStyle = PAPER.trace;
    ctx.lineWidth = 1.3;
    ctx.lineJoin = 'round';
    ctx.beginPath();
    for (let k = 0; k < n; k++) {
      const px = beatX(l, (k * 1000) / c.fsHz);
      const py = y0 - x[k] * l.pxPerMv;
      if (k === 0) ctx.moveTo(px, py);
      else ctx.lineTo(px, py);
    }
    ctx.stroke();
  });
  drawBoundaries(ctx, l, c.segments);
  ctx.fillStyle = PAPER.axisText;
  ctx.font = `11px ${PAPER_FONT}`;
  ctx.textBaseline = 'top';
  for (let ms = 0; ms <= l.windowMs + 1e-6; ms += 100) {
    const last = ms + 100 > l.windowMs + 1e-6;
    ctx.textAlign = last ? 'right' : ms === 0 ? 'left' : 'center';
    ctx.fillText(String(ms), beatX(l, ms), l.bottom + 3);
  }
}

/** The beat's wave boundaries (src/core/ecg/waves.ts), ms after QRS onset: what the QRS, ST and T labels sit between. */
export function boundaryMarks(s: SegmentBounds | null): Array<{ ms: number; label: string }> {
  if (!s) return [];
  const marks = [{ ms: s.qrsEndMs, label: 'QRS end' }];
  if (s.tOnsetMs !== null) marks.push({ ms: s.tOnsetMs, label: 'T on' });
  if (s.tEndMs !== null) marks.push({ ms: s.tEndMs, label: 'T end' });
  return marks;
}

function drawBoundaries(ctx: CanvasRenderingContext2D, l: BeatLayout, s: SegmentBounds | null): void {
  ctx.save();
  ctx.strokeStyle = BOUNDARY;
  ctx.fillStyle = BOUNDARY;
  ctx.setLineDash([5, 4]);
  ctx.lineWidth = 1;
  ctx.font = `600 10px ${PAPER_FONT}`;
  ctx.textBaseline = 'top';
  ctx.textAlign = 'center';
  for (const m of boundaryMarks(s)) {
    if (m.ms < 0 || m.ms > l.windowMs) continue;
    const x = Math.round(beatX(l, m.ms)) + 0.5;
    ctx.beginPath();
    ctx.moveTo(x, l.top);
    ctx.lineTo(x, l.bottom);
    ctx.stroke();
  }
  ctx.restore();
}
