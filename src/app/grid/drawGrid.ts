import { type GridMetrics, snapToDevicePixel } from './layout';
import { PAPER } from './palette';

/**
 * Paper background and the 1 mm / 5 mm ruling over the grid area (full width, gridTop..gridBottom).
 * Lines are counted from t = 0 and from the first baseline, so every fifth line is a major one there.
 * `devicePxPerCssPx` keeps the hairlines one device pixel wide and sharp.
 */
export function drawEcgGrid(ctx: CanvasRenderingContext2D, m: GridMetrics, devicePxPerCssPx = 1): void {
  ctx.save();
  ctx.fillStyle = PAPER.background;
  ctx.fillRect(0, 0, m.widthPx, m.heightPx);

  const hairline = 1 / devicePxPerCssPx;
  const minor = new Path2DLike();
  const major = new Path2DLike();
  const mm = m.pxPerMm;
  const firstBaseline = m.rows.length > 0 ? m.rows[0].baselineY : m.gridTop;

  // Vertical lines: k mm from t = 0, covering the whole width (margins too).
  const kMin = Math.ceil(-m.originX / mm - 1e-9);
  const kMax = Math.floor((m.widthPx - m.originX) / mm + 1e-9);
  for (let k = kMin; k <= kMax; k++) {
    const x = snapToDevicePixel(m.originX + k * mm, devicePxPerCssPx);
    (k % 5 === 0 ? major : minor).segment(x, m.gridTop, x, m.gridBottom);
  }
  // Horizontal lines: k mm from the first baseline, within the ruled area.
  const jMin = Math.ceil((m.gridTop - firstBaseline) / mm - 1e-9);
  const jMax = Math.floor((m.gridBottom - firstBaseline) / mm + 1e-9);
  for (let j = jMin; j <= jMax; j++) {
    const y = snapToDevicePixel(firstBaseline + j * mm, devicePxPerCssPx);
    (j % 5 === 0 ? major : minor).segment(0, y, m.widthPx, y);
  }

  ctx.lineWidth = hairline;
  ctx.strokeStyle = PAPER.minorLine;
  minor.stroke(ctx);
  ctx.strokeStyle = PAPER.majorLine;
  major.stroke(ctx);
  ctx.restore();
}

/** Batches line segments into one path per colour (one stroke call instead of hundreds). */
class Path2DLike {
  private readonly coords: number[] = [];

  segment(x0: number, y0: number, x1: number, y1: number): void {
    this.coords.push(x0, y0, x1, y1);
  }

  stroke(ctx: CanvasRenderingContext2D): void {
    ctx.beginPath();
    for (let i = 0; i < this.coords.length; i += 4) {
      ctx.moveTo(this.coords[i], this.coords[i + 1]);
      ctx.lineTo(this.coords[i + 2], this.coords[i + 3]);
    }
    ctx.stroke();
  }
}
