import { CSS_PX_PER_MM } from '../grid/layout';

/**
 * The beat panel's geometry: the model's window (one beat, QRS onset + 400 ms) of all 12 leads stacked, fitted to the
 * panel. Paper speed follows from the width (≈ 100 mm/s in a 151 px-wide plot); gain keeps the grid's ratio (25 mm/s ↔
 * 10 mm/mV, so 100 mm/s ↔ 40 mm/mV: the same shapes, enlarged), capped so that ±1.1 mV stays inside a row. A z-scored
 * array ('SD': standard deviations per lead, a QRS spans several) keeps the grid's 2.5 mm/SD ratio and ±4.4 SD.
 */
export interface BeatLayout {
  width: number;
  height: number;
  /** Plot area, CSS px. */
  left: number;
  right: number;
  top: number;
  bottom: number;
  rowHeight: number;
  windowMs: number;
  pxPerMs: number;
  pxPerMv: number;
  /** The scale in paper units, for the legend. */
  mmPerS: number;
  mmPerMv: number;
}

export const BEAT_LABEL_WIDTH = 34;
export const BEAT_AXIS_HEIGHT = 18;

export function beatLayout(
  width: number,
  height: number,
  windowMs: number,
  leads = 12,
  units: 'mV' | 'SD' = 'mV',
): BeatLayout {
  const left = BEAT_LABEL_WIDTH;
  const right = Math.max(left + 1, width - 8);
  const top = 4;
  const bottom = Math.max(top + leads, height - BEAT_AXIS_HEIGHT);
  const rowHeight = (bottom - top) / leads;
  const pxPerMs = (right - left) / windowMs;
  const mmPerS = (pxPerMs * 1000) / CSS_PX_PER_MM;
  const [gridGain, halfRange] = units === 'SD' ? [2.5, 4.4] : [10, 1.1];
  const wantedPxPerMv = mmPerS * (gridGain / 25) * CSS_PX_PER_MM; // the grid's gain at 25 mm/s, scaled with the speed
  const pxPerMv = Math.min(wantedPxPerMv, rowHeight / (2 * halfRange));
  return {
    width,
    height,
    left,
    right,
    top,
    bottom,
    rowHeight,
    windowMs,
    pxPerMs,
    pxPerMv,
    mmPerS,
    mmPerMv: pxPerMv / CSS_PX_PER_MM,
  };
}

export const beatX = (l: BeatLayout, ms: number): number => l.left + ms * l.pxPerMs;
export const beatMs = (l: BeatLayout, x: number): number => (x - l.left) / l.pxPerMs;
/** Baseline of row `i`: its middle. */
export const beatBaseline = (l: BeatLayout, i: number): number => l.top + (i + 0.5) * l.rowHeight;
