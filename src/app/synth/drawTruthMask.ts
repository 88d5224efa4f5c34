import { type GridMetrics, msToX } from '../grid/layout';

/** The truth's colour on the grid and the trajectory: green, apart from the attribution's blue–red and the red paper. */
export const TRUTH_RGB = '#0b7a53';
const HATCH_SPACING_PX = 6;

export interface TruthOverlay {
  fsHz: number;
  /** Per lead index (standard order): half-open sample ranges over the whole record. */
  rangesByLead: readonly (readonly [number, number][])[];
}

/** Rectangles (CSS px) of every truth range on the paper, clipped to the stretch of time each row shows of its lead. */
export function truthRects(
  m: GridMetrics,
  o: TruthOverlay,
): { lead: number; x: number; y: number; w: number; h: number }[] {
  const out: { lead: number; x: number; y: number; w: number; h: number }[] = [];
  const msPerSample = 1000 / o.fsHz;
  for (const row of m.rows)
    for (const cell of row.cells) {
      for (const [a, b] of o.rangesByLead[cell.lead] ?? []) {
        const from = Math.max(a * msPerSample, cell.fromMs);
        const to = Math.min(b * msPerSample, cell.toMs);
        if (to <= from) continue;
        const x = msToX(m, from);
        out.push({ lead: cell.lead, x, y: row.top + 2, w: Math.max(1, msToX(m, to) - x), h: row.bottom - row.top - 4 });
      }
    }
  return out;
}

/**
 * The truth mask over the paper: each range of a lead outlined on that lead's row and hatched with diagonal lines, so
 * it reads on its own and over the attribution's shading (drawn after the traces, thin and translucent).
 */
export function drawTruthMask(ctx: CanvasRenderingContext2D, m: GridMetrics, o: TruthOverlay): number {
  const rects = truthRects(m, o);
  ctx.save();
  ctx.strokeStyle = TRUTH_RGB;
  for (const r of rects) {
    ctx.globalAlpha = 0.9;
    ctx.lineWidth = 1.25;
    ctx.beginPath();
    ctx.rect(r.x, r.y, r.w, r.h);
    ctx.stroke();
    ctx.save();
    ctx.beginPath();
    ctx.rect(r.x, r.y, r.w, r.h);
    ctx.clip();
    ctx.globalAlpha = 0.45;
    ctx.lineWidth = 1;
    ctx.beginPath();
    for (let x = r.x - r.h; x < r.x + r.w; x += HATCH_SPACING_PX) {
      ctx.moveTo(x, r.y + r.h);
      ctx.lineTo(x + r.h, r.y);
    }
    ctx.stroke();
    ctx.restore();
  }
  ctx.restore();
  return rects.length;
}
