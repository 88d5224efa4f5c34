import { useEffect, useMemo, useRef, useState } from 'react';
import { WINDOW_MS } from '../../core/constants';
import { drawEcgGrid } from '../grid/drawGrid';
import { drawLeadLabels } from '../grid/drawLabels';
import { drawEcgTraces } from '../grid/drawTraces';
import { useDevicePixelRatio } from '../grid/useDevicePixelRatio';
import type { MarkingProps } from './markingProps';
import {
  ANNOTATION_MM_PER_MV,
  ANNOTATION_MM_PER_S,
  annotationLayout,
  drawAnnotationTimeAxis,
  hitTest,
} from './annotationGridLayout';
import { drawMarks } from './drawMarks';
import { useElementSize } from '../layout/useElementSize';

/** Below this many CSS px of pointer travel a press is a click (a point mark), not a drag. */
const CLICK_PX = 4;

export interface AnnotationGridProps extends MarkingProps {
  windowLeadsMv: readonly Float32Array[];
  fsHz: number;
}

/**
 * The 12 leads of the 400 ms window, a row each, on which the expert marks: drag on a lead for a segment, click for a
 * point (±10 ms), click inside a mark to select it. Keyboard: arrows move a cursor (Shift: 10 ms), Enter starts and
 * ends a mark, Escape cancels, Delete removes the selected mark.
 */
export function AnnotationGrid({
  windowLeadsMv,
  fsHz,
  segments,
  selectedId,
  enabled,
  onMark,
  onSelect,
  onDelete,
}: AnnotationGridProps) {
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const size = useElementSize(box);
  const dpr = useDevicePixelRatio();
  const m = useMemo(() => annotationLayout(size.width, size.height), [size.width, size.height]);
  const [draft, setDraft] = useState<{
    row: number;
    startMs: number;
    endMs: number;
    x0: number;
    moved: boolean;
  } | null>(null);
  const [cursor, setCursor] = useState<{ row: number; ms: number; anchorMs: number | null } | null>(null);
  const bw = Math.floor(m.widthPx * dpr);
  const bh = Math.floor(m.heightPx * dpr);

  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    drawEcgGrid(ctx, m, dpr);
    drawLeadLabels(ctx, m);
    drawAnnotationTimeAxis(ctx, m);
    drawEcgTraces(
      ctx,
      m,
      windowLeadsMv.map((samplesMv) => ({ samplesMv, fsHz })),
      dpr,
    );
    drawMarks(ctx, m, { segments, selectedId, draft: draft?.moved ? draft : null, cursor });
  }, [m, dpr, bw, bh, windowLeadsMv, fsHz, segments, selectedId, draft, cursor]);

  const at = (e: React.PointerEvent) => {
    const r = canvas.current!.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };
  const leadOf = (row: number) => m.rows[row].lead;
  const markAt = (row: number, ms: number) =>
    segments.find((s) => s.lead === leadOf(row) && s.startMs <= ms && ms <= s.endMs) ?? null;

  const onPointerDown = (e: React.PointerEvent<HTMLCanvasElement>) => {
    if (!enabled || e.button !== 0) return;
    const p = at(e);
    const hit = hitTest(m, p.x, p.y);
    if (!hit) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    setDraft({ row: hit.row, startMs: hit.ms, endMs: hit.ms, x0: p.x, moved: false });
  };
  const onPointerMove = (e: React.PointerEvent<HTMLCanvasElement>) => {
    if (!draft) return;
    const p = at(e);
    const ms = Math.min(WINDOW_MS, Math.max(0, (p.x - m.originX) / m.pxPerMs));
    setDraft({ ...draft, endMs: ms, moved: draft.moved || Math.abs(p.x - draft.x0) >= CLICK_PX });
  };
  const onPointerUp = () => {
    if (!draft) return;
    setDraft(null);
    const lead = leadOf(draft.row);
    // The keyboard cursor continues from where the pointer left off.
    setCursor({ row: draft.row, ms: Math.round(draft.moved ? draft.endMs : draft.startMs), anchorMs: null });
    if (draft.moved) return onMark({ modality: '12-lead', lead, startMs: draft.startMs, endMs: draft.endMs });
    const inside = markAt(draft.row, draft.startMs);
    if (inside) return onSelect(inside.id === selectedId ? null : inside.id);
    onMark({ modality: '12-lead', lead, startMs: draft.startMs, endMs: draft.startMs, point: true });
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLCanvasElement>) => {
    const c = cursor ?? { row: 0, ms: 0, anchorMs: null };
    const step = e.shiftKey ? 10 : 2;
    const move = (next: Partial<typeof c>) => {
      e.preventDefault();
      setCursor({ ...c, ...next });
    };
    switch (e.key) {
      case 'ArrowLeft':
        return move({ ms: Math.max(0, c.ms - step) });
      case 'ArrowRight':
        return move({ ms: Math.min(WINDOW_MS, c.ms + step) });
      case 'ArrowUp':
        return move({ row: Math.max(0, c.row - 1), anchorMs: null });
      case 'ArrowDown':
        return move({ row: Math.min(m.rows.length - 1, c.row + 1), anchorMs: null });
      case 'Enter':
        if (!enabled) return;
        e.preventDefault();
        if (!cursor || c.anchorMs === null) return setCursor({ ...c, anchorMs: c.ms });
        onMark({
          modality: '12-lead',
          lead: leadOf(c.row),
          startMs: c.anchorMs,
          endMs: c.ms,
          ...(c.anchorMs === c.ms ? { point: true } : {}),
        });
        return setCursor({ ...c, anchorMs: null });
      case 'Escape':
        if (c.anchorMs !== null) move({ anchorMs: null });
        return;
      case 'Delete':
      case 'Backspace':
        if (selectedId && enabled) {
          e.preventDefault();
          onDelete(selectedId);
        }
        return;
    }
  };

  const cursorText = cursor
    ? `Cursor: lead ${leadOf(cursor.row)}, ${Math.round(cursor.ms)} ms${cursor.anchorMs !== null ? `, marking from ${Math.round(cursor.anchorMs)} ms (Enter to end)` : ''}`
    : '';

  return (
    <div className="annot-grid">
      <div className="annot-grid-box" ref={box}>
        <canvas
          ref={canvas}
          className="annot-grid-canvas"
          width={bw}
          height={bh}
          style={{ width: `${bw / dpr}px`, height: `${bh / dpr}px` }}
          tabIndex={0}
          role="img"
          aria-label={`12-lead ECG, the 400 ms window, ${ANNOTATION_MM_PER_S} mm/s, ${ANNOTATION_MM_PER_MV} mm/mV, a row per lead. ${segments.length} marks. Drag on a lead to mark a segment, click for a point; keyboard: arrows move the cursor, Enter starts and ends a mark.`}
          aria-describedby="annot-grid-help"
          data-testid="annotation-grid"
          data-enabled={enabled}
          data-origin-x={m.originX}
          data-px-per-ms={m.pxPerMs}
          data-row-baselines-y={m.rows.map((r) => r.baselineY.toFixed(2)).join(',')}
          data-marks={segments.map((s) => `${s.lead}:${s.startMs}-${s.endMs}`).join(';')}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={() => setDraft(null)}
          onKeyDown={onKeyDown}
          onBlur={() => setCursor((c) => (c ? { ...c, anchorMs: null } : c))}
        />
      </div>
      <p
        id="annot-grid-help"
        className={`annot-cursor-readout${cursorText ? ' active' : ''}`}
        aria-live="polite"
        data-testid="grid-cursor"
      >
        {cursorText ||
          'Drag along a lead to mark a segment, click for a point (±10 ms), click a mark to select it. Keys: ↑↓ lead, ←→ time, Enter starts/ends a mark, Delete.'}
      </p>
    </div>
  );
}
