import { type GridMetrics, xToMs } from './layout';

/**
 * The lead shown at the left edge of a scrolled paper, per row: the label of the cell whose time span holds the
 * first visible millisecond (a 3×4 row shows I, aVR, V1, V4 in turn), or null while the paper's own labels at the
 * far left are still in view (`scrollLeft` under `hideBelowPx`).
 */
export function leadsAtLeftEdge(m: GridMetrics, scrollLeft: number, hideBelowPx: number): Array<string | null> {
  if (scrollLeft < hideBelowPx) return m.rows.map(() => null);
  const ms = xToMs(m, scrollLeft);
  return m.rows.map((row) => (row.cells.find((c) => ms >= c.fromMs && ms < c.toMs) ?? row.cells.at(-1))?.label ?? null);
}
