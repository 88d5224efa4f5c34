import { type GridMetrics, xToMs } from './layout';

export interface Point {
  x: number;
  y: number;
}

export interface CaliperReading {
  /** Horizontal distance as time, ms (always ≥ 0). */
  dtMs: number;
  /** Vertical distance as voltage, mV: positive when the end is above the start. */
  dMv: number;
  /** 60 000 / Δt: the heart rate if the two points are successive R waves; null for Δt under 1 ms. */
  bpm: number | null;
}

/** What a pair of calipers placed at `a` and `b` (CSS px on the paper) reads, at the paper's calibration. */
export function caliperReading(m: GridMetrics, a: Point, b: Point): CaliperReading {
  const dtMs = Math.abs(xToMs(m, b.x) - xToMs(m, a.x));
  const dMv = (a.y - b.y) / m.pxPerMv;
  return { dtMs, dMv, bpm: dtMs >= 1 ? 60_000 / dtMs : null };
}

export function describeCaliper(r: CaliperReading): string {
  return `Δt ${Math.round(r.dtMs)} ms${r.bpm ? ` (${Math.round(r.bpm)} bpm)` : ''} · ΔV ${r.dMv >= 0 ? '+' : '−'}${Math.abs(r.dMv).toFixed(2)} mV`;
}

/** Rough width of the caliper text at 12 px (about 34 characters). */
const CALIPER_TEXT_PX = 230;

/**
 * Where the caliper's text goes: right of the caliper, or left of it when that would run off the paper; never over the
 * lead labels and calibration pulses in the left margin (x < originX).
 */
export function caliperTextPlace(
  m: { originX: number; widthPx: number },
  ax: number,
  bx: number,
): { x: number; textAnchor: 'start' | 'end' } {
  const right = Math.max(ax, bx) + 6;
  const left = Math.min(ax, bx) - 6;
  if (right + CALIPER_TEXT_PX <= m.widthPx || left - CALIPER_TEXT_PX < m.originX)
    return { x: Math.max(right, m.originX + 4), textAnchor: 'start' };
  return { x: left, textAnchor: 'end' };
}
