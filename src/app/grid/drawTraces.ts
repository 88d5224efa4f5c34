import { type Cell, type GridMetrics, type RowMetrics, msToX, mvToY } from './layout';
import { PAPER, STROKE } from './palette';

/** One lead's samples in mV at a fixed rate, starting at t = 0. */
export interface TraceInput {
  samplesMv: ArrayLike<number>;
  fsHz: number;
}

/**
 * Draws each row's cells (a lead over a stretch of time; one full-length cell per lead in 12×1), from t = 0 to the end of the record (clipped to the ruled area, so a tall
 * R wave may cross into the neighbouring row as on paper but never into the label strips).
 * Where there are several samples per device pixel, only each column's min and max are drawn:
 * the picture is the same and the path is 5–10× shorter.
 */
export function drawEcgTraces(
  ctx: CanvasRenderingContext2D,
  m: GridMetrics,
  leads: readonly TraceInput[],
  devicePxPerCssPx = 1,
): void {
  ctx.save();
  ctx.beginPath();
  ctx.rect(m.originX, m.gridTop, m.endX - m.originX, m.gridBottom - m.gridTop);
  ctx.clip();
  ctx.strokeStyle = PAPER.trace;
  ctx.lineWidth = STROKE.trace;
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';
  for (const row of m.rows) {
    for (const cell of row.cells) {
      const lead = leads[cell.lead];
      if (!lead) continue;
      ctx.beginPath();
      traceCell(ctx, m, row, cell, lead, devicePxPerCssPx);
      ctx.stroke();
    }
  }
  ctx.restore();
}

/** One lead's stretch [cell.fromMs, cell.toMs) on its row. */
function traceCell(
  ctx: CanvasRenderingContext2D,
  m: GridMetrics,
  row: RowMetrics,
  cell: Cell,
  lead: TraceInput,
  devicePxPerCssPx: number,
): void {
  const { fsHz } = lead;
  const msPerSample = 1000 / fsHz;
  const first = Math.max(0, Math.ceil(cell.fromMs / msPerSample - 1e-9));
  const last = Math.min(lead.samplesMv.length, Math.ceil(cell.toMs / msPerSample - 1e-9));
  // Index s of `samplesMv` is sample first + s of the lead: the rest of the function works on this stretch.
  const samplesMv = { length: Math.max(0, last - first), at: (s: number) => lead.samplesMv[first + s] };
  const tMs = (s: number) => (first + s) * msPerSample;
  const devicePxPerSample = msPerSample * m.pxPerMs * devicePxPerCssPx;
  let started = false;
  const to = (x: number, y: number): void => {
    if (started) ctx.lineTo(x, y);
    else {
      ctx.moveTo(x, y);
      started = true;
    }
  };
  if (devicePxPerSample > 0.5) {
    // Fewer than two samples per device pixel: draw them all.
    for (let s = 0; s < samplesMv.length; s++) {
      const v = samplesMv.at(s);
      if (Number.isFinite(v)) to(msToX(m, tMs(s)), mvToY(m, row, v));
      else started = false;
    }
    return;
  }
  // Min/max per device-pixel column, drawn in the order they occur so the stroke stays continuous.
  const column = (s: number) => Math.floor(msToX(m, tMs(s)) * devicePxPerCssPx);
  let s0 = 0;
  while (s0 < samplesMv.length) {
    const col = column(s0);
    let s1 = s0 + 1;
    while (s1 < samplesMv.length && column(s1) === col) s1++;
    let iMin = -1;
    let iMax = -1;
    for (let s = s0; s < s1; s++) {
      const v = samplesMv.at(s);
      if (!Number.isFinite(v)) continue;
      if (iMin < 0 || v < samplesMv.at(iMin)) iMin = s;
      if (iMax < 0 || v > samplesMv.at(iMax)) iMax = s;
    }
    s0 = s1;
    if (iMin < 0) {
      started = false;
      continue;
    }
    const [a, b] = iMin <= iMax ? [iMin, iMax] : [iMax, iMin];
    to(msToX(m, tMs(a)), mvToY(m, row, samplesMv.at(a)));
    if (b !== a) to(msToX(m, tMs(b)), mvToY(m, row, samplesMv.at(b)));
  }
}
