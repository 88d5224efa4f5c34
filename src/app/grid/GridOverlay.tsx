import { useEffect, useRef, useState } from 'react';
import { useAppStoreApi } from '../store/useAppStore';
import { type CaliperReading, type Point, caliperReading, caliperTextPlace, describeCaliper } from './calipers';
import { type GridMetrics, msToX, xToMs } from './layout';

interface Props {
  metrics: GridMetrics;
  windowStartMs: number;
  windowMs: number;
  calipers: boolean;
  onReading: (r: CaliperReading | null) => void;
}

/** One sample at 500 Hz: the arrow keys move the cursor by this much. */
const KEY_STEP_MS = 2;

/**
 * Interaction layer over the ECG paper (an SVG the size of the canvas): the shared time cursor, set by hovering
 * or scrubbing inside the model's window and drawn as a line on every row; and, when on, calipers dragged
 * between two points. The cursor line is moved by a store subscription, not by React renders (it changes per frame).
 */
export function GridOverlay({ metrics: m, windowStartMs, windowMs, calipers, onReading }: Props) {
  const appStore = useAppStoreApi();
  const line = useRef<SVGLineElement>(null);
  const [drag, setDrag] = useState<{ a: Point; b: Point } | null>(null);
  const [fixed, setFixed] = useState<{ a: Point; b: Point } | null>(null);
  // A drag that starts outside the model's window pans the paper (its scroll container); inside, it scrubs time.
  const pan = useRef<{ clientX: number; scrollLeft: number; scroller: HTMLElement } | null>(null);

  useEffect(() => {
    const place = (cursorMs: number | null) => {
      const el = line.current;
      if (!el) return;
      const visible =
        cursorMs !== null &&
        msToX(m, windowStartMs + cursorMs) >= m.originX &&
        msToX(m, windowStartMs + cursorMs) <= m.endX;
      el.style.display = visible ? '' : 'none';
      if (visible) {
        const x = String(msToX(m, windowStartMs + cursorMs));
        el.setAttribute('x1', x);
        el.setAttribute('x2', x);
      }
      el.parentElement?.setAttribute('data-cursor-ms', cursorMs === null ? '' : cursorMs.toFixed(1));
    };
    place(appStore.getState().cursorMs);
    return appStore.subscribe((s, prev) => s.cursorMs !== prev.cursorMs && place(s.cursorMs));
  }, [m, windowStartMs]);

  useEffect(() => {
    // A new layout or calibration invalidates a caliper placed on the old paper.
    setFixed(null);
    onReading(null);
  }, [m, onReading]);

  const local = (e: React.PointerEvent<SVGSVGElement>): Point => {
    const r = e.currentTarget.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };
  const setCursorAt = (x: number) => {
    if (appStore.getState().playing) return;
    const ms = xToMs(m, x) - windowStartMs;
    appStore.getState().setCursorMs(ms >= 0 && ms <= windowMs ? ms : null);
  };

  const shown = drag ?? fixed;
  const reading = shown ? caliperReading(m, shown.a, shown.b) : null;

  return (
    <svg
      className={`grid-overlay${calipers ? ' calipers-on' : ''}`}
      width={m.widthPx}
      height={m.heightPx}
      role="slider"
      tabIndex={0}
      aria-label="Time cursor in the model's window (arrow keys move it)"
      aria-valuemin={0}
      aria-valuemax={windowMs}
      aria-valuenow={appStore.getState().cursorMs ?? undefined}
      data-testid="grid-overlay"
      onPointerMove={(e) => {
        const p = local(e);
        if (pan.current) {
          pan.current.scroller.scrollLeft = pan.current.scrollLeft - (e.clientX - pan.current.clientX);
          return;
        }
        if (drag) setDrag({ a: drag.a, b: p });
        else if (!calipers || e.buttons === 0) setCursorAt(p.x);
      }}
      onPointerDown={(e) => {
        const p = local(e);
        if (calipers) {
          e.currentTarget.setPointerCapture(e.pointerId);
          setDrag({ a: p, b: p });
          return;
        }
        const ms = xToMs(m, p.x) - windowStartMs;
        const scroller = e.currentTarget.closest('.ecg-scroll') as HTMLElement | null;
        if ((ms < 0 || ms > windowMs) && scroller && scroller.scrollWidth > scroller.clientWidth) {
          e.currentTarget.setPointerCapture(e.pointerId);
          pan.current = { clientX: e.clientX, scrollLeft: scroller.scrollLeft, scroller };
        } else setCursorAt(p.x);
      }}
      onPointerUp={() => {
        pan.current = null;
        if (!drag) return;
        setFixed(drag);
        onReading(caliperReading(m, drag.a, drag.b));
        setDrag(null);
      }}
      onKeyDown={(e) => {
        if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
        e.preventDefault();
        const cur = appStore.getState().cursorMs ?? 0;
        appStore.getState().setCursorMs(cur + (e.key === 'ArrowRight' ? KEY_STEP_MS : -KEY_STEP_MS));
      }}
    >
      <line ref={line} className="grid-cursor" y1={m.gridTop} y2={m.gridBottom} style={{ display: 'none' }} />
      {shown && reading && (
        <g className="caliper">
          <line x1={shown.a.x} y1={shown.a.y} x2={shown.b.x} y2={shown.a.y} />
          <line x1={shown.b.x} y1={shown.a.y} x2={shown.b.x} y2={shown.b.y} />
          {[shown.a, shown.b].map((p, i) => (
            <line key={i} x1={p.x} y1={p.y - 8} x2={p.x} y2={p.y + 8} />
          ))}
          <text {...caliperTextPlace(m, shown.a.x, shown.b.x)} y={Math.min(shown.a.y, shown.b.y) - 6}>
            {describeCaliper(reading)}
          </text>
        </g>
      )}
    </svg>
  );
}
