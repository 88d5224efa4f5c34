import { type GridMetrics, msToX, snapToDevicePixel } from './layout';
import { PAPER, PAPER_FONT, STROKE } from './palette';

export interface WindowMarker {
  startMs: number;
  durationMs: number;
  label: string;
}

/** x extent (CSS px) of the window band. */
export function windowBandX(m: GridMetrics, w: Pick<WindowMarker, 'startMs' | 'durationMs'>): [number, number] {
  return [msToX(m, w.startMs), msToX(m, w.startMs + w.durationMs)];
}

/**
 * The model's input window as a translucent band over every row, with crisp edges and a label in the
 * strip above the grid. Drawn after the traces: the tint is light enough that they stay legible.
 */
export function drawWindowMarker(
  ctx: CanvasRenderingContext2D,
  m: GridMetrics,
  w: WindowMarker,
  devicePxPerCssPx = 1,
): void {
  const [x0, x1] = windowBandX(m, w);
  ctx.save();
  ctx.fillStyle = PAPER.windowFill;
  ctx.fillRect(x0, m.gridTop, x1 - x0, m.gridBottom - m.gridTop);

  ctx.strokeStyle = PAPER.windowEdge;
  ctx.lineWidth = STROKE.windowEdge;
  ctx.beginPath();
  for (const x of [x0, x1]) {
    const sx = snapToDevicePixel(x, devicePxPerCssPx);
    ctx.moveTo(sx, m.gridTop);
    ctx.lineTo(sx, m.gridBottom);
  }
  ctx.stroke();

  // Label above the band, left-aligned with it; 4 mm above the grid keeps it clear of the onset ticks.
  ctx.fillStyle = PAPER.windowText;
  ctx.font = `600 11px ${PAPER_FONT}`;
  ctx.textBaseline = 'alphabetic';
  ctx.textAlign = 'left';
  ctx.fillText(w.label, x0 + 2, m.gridTop - 4.5 * m.pxPerMm);
  ctx.restore();
}

/** Short ticks just above the grid at every detected QRS onset. */
export function drawQrsOnsetTicks(
  ctx: CanvasRenderingContext2D,
  m: GridMetrics,
  onsetsMs: readonly number[],
  devicePxPerCssPx = 1,
): void {
  const tickTop = m.gridTop - 3 * m.pxPerMm;
  ctx.save();
  ctx.strokeStyle = PAPER.qrsTick;
  ctx.lineWidth = STROKE.qrsTick;
  ctx.beginPath();
  for (const ms of onsetsMs) {
    if (!(ms >= 0) || msToX(m, ms) > m.endX || msToX(m, ms) < m.originX) continue;
    const x = snapToDevicePixel(msToX(m, ms), devicePxPerCssPx);
    ctx.moveTo(x, tickTop);
    ctx.lineTo(x, m.gridTop - 0.5 * m.pxPerMm);
  }
  ctx.stroke();
  ctx.restore();
}
