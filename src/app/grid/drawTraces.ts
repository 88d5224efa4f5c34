import { type GridMetrics, msToX, mvToY } from './layout';
import { PAPER, STROKE } from './palette';

/** One lead's samples in mV at a fixed rate, starting at t = 0. */
export interface TraceInput {
  samplesMv: ArrayLike<number>;
  fsHz: number;
}

/**
 * Draws each lead on its row, from t = 0 to the end of the record (clipped to the ruled area, so a tall
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
  const n = Math.min(leads.length, m.rows.length);
  for (let i = 0; i < n; i++) {
    ctx.beginPath();
    traceLead(ctx, m, i, leads[i], devicePxPerCssPx);
    ctx.stroke();
  }
  ctx.restore();
}

function traceLead(
  ctx: CanvasRenderingContext2D,
  m: GridMetrics,
  rowIndex: number,
  lead: TraceInput,
  devicePxPerCssPx: number,
): void {
  const row = m.rows[rowIndex];
  const { samplesMv, fsHz } = lead;
  const msPerSample = 1000 / fsHz;
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
      const v = samplesMv[s];
      if (Number.isFinite(v)) to(msToX(m, s * msPerSample), mvToY(m, row, v));
      else started = false;
    }
    return;
  }
  // Min/max per device-pixel column, drawn in the order they occur so the stroke stays continuous.
  const originDevice = m.originX * devicePxPerCssPx;
  let s0 = 0;
  while (s0 < samplesMv.length) {
    const column = Math.floor(originDevice + s0 * devicePxPerSample);
    let s1 = s0 + 1;
    while (s1 < samplesMv.length && Math.floor(originDevice + s1 * devicePxPerSample) === column) s1++;
    let iMin = -1;
    let iMax = -1;
    for (let s = s0; s < s1; s++) {
      const v = samplesMv[s];
      if (!Number.isFinite(v)) continue;
      if (iMin < 0 || v < samplesMv[iMin]) iMin = s;
      if (iMax < 0 || v > samplesMv[iMax]) iMax = s;
    }
    s0 = s1;
    if (iMin < 0) {
      started = false;
      continue;
    }
    const [a, b] = iMin <= iMax ? [iMin, iMax] : [iMax, iMin];
    to(msToX(m, a * msPerSample), mvToY(m, row, samplesMv[a]));
    if (b !== a) to(msToX(m, b * msPerSample), mvToY(m, row, samplesMv[b]));
  }
}
