import type { GridMetrics, RowMetrics } from './layout';
import { PAPER, STROKE } from './palette';

/** The standard 1 mV × 200 ms calibration pulse, placed in the left margin just before t = 0. */
export const CALIBRATION_MV = 1;
export const CALIBRATION_MS = 200;

/** Where the pulse sits in the left margin, in mm from the canvas' left edge. */
const LEAD_IN_START_MM = 9;
const RISE_AT_MM = 10;
const TAIL_END_MM = 17;

export interface PulseGeometry {
  /** Polyline (CSS px): lead-in, rise, 200 ms top, fall, tail. */
  points: Array<[number, number]>;
  riseX: number;
  fallX: number;
  topY: number;
  baselineY: number;
}

/** Geometry of one row's pulse; pure so tests can check it is 10 mm tall and 5 mm wide. */
export function calibrationPulseGeometry(m: GridMetrics, row: RowMetrics): PulseGeometry {
  const mm = m.pxPerMm;
  const riseX = RISE_AT_MM * mm;
  const fallX = riseX + CALIBRATION_MS * m.pxPerMs;
  const baselineY = row.baselineY;
  const topY = baselineY - CALIBRATION_MV * m.pxPerMv;
  const tailEnd = Math.min(TAIL_END_MM * mm, m.originX);
  return {
    points: [
      [LEAD_IN_START_MM * mm, baselineY],
      [riseX, baselineY],
      [riseX, topY],
      [fallX, topY],
      [fallX, baselineY],
      [Math.max(fallX, tailEnd), baselineY],
    ],
    riseX,
    fallX,
    topY,
    baselineY,
  };
}

/** Draws the pulse at the start of every row. */
export function drawCalibrationPulse(ctx: CanvasRenderingContext2D, m: GridMetrics): void {
  ctx.save();
  ctx.strokeStyle = PAPER.trace;
  ctx.lineWidth = STROKE.calibration;
  ctx.lineJoin = 'miter';
  ctx.beginPath();
  for (const row of m.rows) {
    const { points } = calibrationPulseGeometry(m, row);
    points.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
  }
  ctx.stroke();
  ctx.restore();
}
