import type { Segment } from '../../core/eval/study-format';
import { type GridMetrics, msToX } from '../grid/layout';

/** Colours of the expert's marks: a translucent blue band that reads on the pink paper without hiding the trace. */
export const MARK_FILL = 'rgba(37, 99, 235, 0.18)';
export const MARK_EDGE = 'rgba(29, 78, 216, 0.85)';
export const MARK_SELECTED_FILL = 'rgba(37, 99, 235, 0.32)';
export const DRAFT_FILL = 'rgba(234, 88, 12, 0.25)';
export const CURSOR_COLOR = '#c2410c';

export interface MarkLayer {
  segments: readonly Segment[];
  selectedId: string | null;
  /** The drag in progress, ms from the window start, on a row. */
  draft?: { row: number; startMs: number; endMs: number } | null;
  /** The keyboard cursor: a row and a time. */
  cursor?: { row: number; ms: number; anchorMs: number | null } | null;
}

/**
 * The expert's 12-lead marks on the annotation grid (ms 0 = window start = x of t = 0): a band over the marked
 * stretch of its lead's row, edged left and right; the selected one darker; the draft in orange; the keyboard cursor.
 */
export function drawMarks(ctx: CanvasRenderingContext2D, m: GridMetrics, layer: MarkLayer): void {
  ctx.save();
  const rowOf = new Map(m.rows.map((r) => [r.lead, r]));
  for (const s of layer.segments) {
    const row = rowOf.get(s.lead);
    if (!row) continue;
    const x0 = msToX(m, s.startMs);
    const x1 = msToX(m, s.endMs);
    const selected = s.id === layer.selectedId;
    ctx.fillStyle = selected ? MARK_SELECTED_FILL : MARK_FILL;
    ctx.fillRect(x0, row.top, x1 - x0, row.bottom - row.top);
    ctx.strokeStyle = MARK_EDGE;
    ctx.lineWidth = selected ? 2.5 : 1.25;
    ctx.beginPath();
    if (selected) ctx.rect(x0, row.top + 1, x1 - x0, row.bottom - row.top - 2);
    else {
      ctx.moveTo(x0, row.top);
      ctx.lineTo(x0, row.bottom);
      ctx.moveTo(x1, row.top);
      ctx.lineTo(x1, row.bottom);
    }
    ctx.stroke();
  }
  const d = layer.draft;
  if (d && m.rows[d.row]) {
    const row = m.rows[d.row];
    const [a, b] = [Math.min(d.startMs, d.endMs), Math.max(d.startMs, d.endMs)];
    ctx.fillStyle = DRAFT_FILL;
    ctx.fillRect(msToX(m, a), row.top, Math.max(2, msToX(m, b) - msToX(m, a)), row.bottom - row.top);
  }
  const c = layer.cursor;
  if (c && m.rows[c.row]) {
    const row = m.rows[c.row];
    if (c.anchorMs !== null) {
      ctx.fillStyle = DRAFT_FILL;
      ctx.fillRect(
        msToX(m, Math.min(c.anchorMs, c.ms)),
        row.top,
        Math.abs(msToX(m, c.ms) - msToX(m, c.anchorMs)),
        row.bottom - row.top,
      );
    }
    ctx.strokeStyle = CURSOR_COLOR;
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.moveTo(msToX(m, c.ms), row.top);
    ctx.lineTo(msToX(m, c.ms), row.bottom);
    ctx.stroke();
  }
  ctx.restore();
}
