import './tour.css';
import { STANDARD_LEADS } from '../../core/ecg/types';
import { type BeatLayout, beatX } from '../beat/beatLayout';
import { type GridMetrics, msToX } from '../grid/layout';
import { useTour } from './useTour';

/**
 * The tour step's highlight on the beat panel: a box over each named lead's row for the step's span (or, with no
 * leads named, a band over all rows). Pointer events pass through to the panel.
 */
export function TourBeatHighlight({ layout }: { layout: BeatLayout }) {
  const h = useTour((s) => s.highlight);
  if (!h) return null;
  const left = beatX(layout, h.fromMs);
  const width = Math.max(2, beatX(layout, h.toMs) - left);
  const rows = h.leads.length
    ? h.leads.map((l) => STANDARD_LEADS.indexOf(l as (typeof STANDARD_LEADS)[number])).filter((i) => i >= 0)
    : null;
  return (
    <div
      className="tour-highlight-layer"
      data-testid="tour-beat-highlight"
      data-leads={h.leads.join(',')}
      data-from-ms={Math.round(h.fromMs)}
      data-to-ms={Math.round(h.toMs)}
      aria-hidden="true"
    >
      {rows ? (
        rows.map((i) => (
          <span
            key={i}
            className="tour-highlight"
            style={{ left, width, top: layout.top + i * layout.rowHeight, height: layout.rowHeight }}
          />
        ))
      ) : (
        <span className="tour-highlight" style={{ left, width, top: layout.top, height: layout.bottom - layout.top }} />
      )}
    </div>
  );
}

/** The same highlight on the 12-lead paper: over every cell of a named lead that shows the window's span. */
export function TourGridHighlight({ metrics, windowStartMs }: { metrics: GridMetrics; windowStartMs: number }) {
  const h = useTour((s) => s.highlight);
  if (!h) return null;
  const [from, to] = [windowStartMs + h.fromMs, windowStartMs + h.toMs];
  const boxes = metrics.rows.flatMap((row) =>
    row.cells
      .filter((c) => (h.leads.length === 0 || h.leads.includes(c.label)) && c.fromMs < to && c.toMs > from)
      .map((c) => ({
        key: `${row.index}-${c.label}-${c.fromMs}`,
        left: msToX(metrics, Math.max(from, c.fromMs)),
        right: msToX(metrics, Math.min(to, c.toMs)),
        top: row.top,
        bottom: row.bottom,
      })),
  );
  return (
    <div
      className="tour-highlight-layer"
      data-testid="tour-grid-highlight"
      data-boxes={boxes.length}
      aria-hidden="true"
    >
      {boxes.map((b) => (
        <span
          key={b.key}
          className="tour-highlight"
          style={{ left: b.left, width: Math.max(2, b.right - b.left), top: b.top, height: b.bottom - b.top }}
        />
      ))}
    </div>
  );
}
