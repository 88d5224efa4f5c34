import { useEffect, useRef } from 'react';
import type { GridMetrics } from './layout';
import { leadsAtLeftEdge } from './stickyLeadLabels';

/**
 * Lead names that stay at the left edge of the scroll box once the paper's own labels have scrolled out of view (a
 * record opened at a late window, or scrolled by hand): a row is never unnamed. Written to the DOM on scroll, not
 * through React, so scrolling stays one composited layer move.
 */
export function StickyLeadLabels({ metrics }: { metrics: GridMetrics }) {
  const rail = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = rail.current;
    const scroller = el?.closest<HTMLElement>('.ecg-scroll');
    if (!el || !scroller) return;
    // The paper's labels sit 1.5 mm from its left edge: past 10 mm of scroll they are gone.
    const hideBelowPx = 10 * metrics.pxPerMm;
    const update = () => {
      const leads = leadsAtLeftEdge(metrics, scroller.scrollLeft, hideBelowPx);
      Array.from(el.children).forEach((span, i) => {
        span.textContent = leads[i] ?? '';
      });
    };
    update();
    scroller.addEventListener('scroll', update, { passive: true });
    return () => scroller.removeEventListener('scroll', update);
  }, [metrics]);
  return (
    <div ref={rail} className="lead-rail" aria-hidden="true" data-testid="lead-rail">
      {metrics.rows.map((row) => (
        <span key={row.index} style={{ top: `${row.baselineY - 1.5 * metrics.pxPerMm}px` }} />
      ))}
    </div>
  );
}
