import { useEffect, useRef, useState } from 'react';
import { QRS_REGION_MS, WINDOW_MS } from '../../core/constants';
import { TRAJECTORY_LEAD } from '../../core/eval/study-format';
import { useAppStoreApi } from '../store/useAppStore';
import type { MarkingProps } from './markingProps';

const CLICK_PX = 4;
const TICKS = [0, 50, 100, 150, 200, 250, 300, 350, 400];

export type CineTimelineProps = MarkingProps;

/**
 * Marking the CineECG (lead 'trajectory'): a time track of the 400 ms window under the 3D view. Hovering or moving
 * the keyboard cursor moves the shared time cursor, so the marker on the trajectory shows where the time is; drag
 * to mark a segment, click for a point (±10 ms), click a mark to select it; Enter starts and ends a mark.
 */
export function CineTimeline({ segments, selectedId, enabled, onMark, onSelect, onDelete }: CineTimelineProps) {
  const appStore = useAppStoreApi();
  const track = useRef<HTMLDivElement>(null);
  const [draft, setDraft] = useState<{ startMs: number; endMs: number; x0: number; moved: boolean } | null>(null);
  const [anchorMs, setAnchorMs] = useState<number | null>(null);
  const [cursorMs, setCursorMs] = useState<number | null>(null);
  useEffect(() => appStore.subscribe((s, p) => s.cursorMs !== p.cursorMs && setCursorMs(s.cursorMs)), []);

  const msAt = (clientX: number) => {
    const r = track.current!.getBoundingClientRect();
    return Math.min(WINDOW_MS, Math.max(0, ((clientX - r.left) / r.width) * WINDOW_MS));
  };
  const pct = (ms: number) => `${(ms / WINDOW_MS) * 100}%`;
  const cursor = (ms: number | null) => appStore.getState().setCursorMs(ms);

  const onPointerDown = (e: React.PointerEvent<HTMLDivElement>) => {
    if (!enabled || e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    const ms = msAt(e.clientX);
    appStore.getState().setPlaying(false);
    setDraft({ startMs: ms, endMs: ms, x0: e.clientX, moved: false });
  };
  const onPointerMove = (e: React.PointerEvent<HTMLDivElement>) => {
    const ms = msAt(e.clientX);
    cursor(ms);
    if (draft) setDraft({ ...draft, endMs: ms, moved: draft.moved || Math.abs(e.clientX - draft.x0) >= CLICK_PX });
  };
  const onPointerUp = () => {
    if (!draft) return;
    setDraft(null);
    if (draft.moved)
      return onMark({ modality: 'cinecg', lead: TRAJECTORY_LEAD, startMs: draft.startMs, endMs: draft.endMs });
    const inside = segments.find((s) => s.startMs <= draft.startMs && draft.startMs <= s.endMs);
    if (inside) return onSelect(inside.id === selectedId ? null : inside.id);
    onMark({ modality: 'cinecg', lead: TRAJECTORY_LEAD, startMs: draft.startMs, endMs: draft.startMs, point: true });
  };
  const onKeyDown = (e: React.KeyboardEvent<HTMLDivElement>) => {
    const now = appStore.getState().cursorMs ?? 0;
    const step = e.shiftKey ? 10 : 2;
    if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      e.preventDefault();
      cursor(Math.min(WINDOW_MS, Math.max(0, now + (e.key === 'ArrowLeft' ? -step : step))));
    } else if (e.key === 'Enter' && enabled) {
      e.preventDefault();
      if (anchorMs === null) setAnchorMs(now);
      else {
        onMark({
          modality: 'cinecg',
          lead: TRAJECTORY_LEAD,
          startMs: anchorMs,
          endMs: now,
          ...(anchorMs === now ? { point: true } : {}),
        });
        setAnchorMs(null);
      }
    } else if (e.key === 'Escape') setAnchorMs(null);
    else if ((e.key === 'Delete' || e.key === 'Backspace') && selectedId && enabled) {
      e.preventDefault();
      onDelete(selectedId);
    }
  };

  const band = draft?.moved
    ? [draft.startMs, draft.endMs]
    : anchorMs !== null && cursorMs !== null
      ? [anchorMs, cursorMs]
      : null;
  return (
    <div className="cine-timeline">
      <div
        ref={track}
        className="cine-track"
        role="slider"
        tabIndex={0}
        aria-label="CineECG time for marking (ms after QRS onset). Drag to mark a segment, click for a point; arrows move, Enter starts and ends a mark."
        aria-valuemin={0}
        aria-valuemax={WINDOW_MS}
        aria-valuenow={Math.round(cursorMs ?? 0)}
        aria-valuetext={`${Math.round(cursorMs ?? 0)} ms${anchorMs !== null ? `, marking from ${Math.round(anchorMs)} ms` : ''}`}
        aria-disabled={!enabled}
        data-testid="cine-track"
        data-marks={segments.map((s) => `${s.startMs}-${s.endMs}`).join(';')}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={() => setDraft(null)}
        onPointerLeave={() => !draft && cursor(null)}
        onKeyDown={onKeyDown}
      >
        <div className="cine-qrs-region" style={{ width: pct(QRS_REGION_MS) }} aria-hidden="true" />
        {segments.map((s) => (
          <div
            key={s.id}
            className={`cine-mark${s.id === selectedId ? ' selected' : ''}`}
            style={{ left: pct(s.startMs), width: pct(s.endMs - s.startMs) }}
            aria-hidden="true"
          />
        ))}
        {band && (
          <div
            className="cine-draft"
            style={{ left: pct(Math.min(band[0], band[1])), width: pct(Math.abs(band[1] - band[0])) }}
            aria-hidden="true"
          />
        )}
        {cursorMs !== null && <div className="cine-cursor" style={{ left: pct(cursorMs) }} aria-hidden="true" />}
      </div>
      <div className="cine-ticks" aria-hidden="true">
        {TICKS.map((t) => (
          <span key={t} style={{ left: pct(t) }}>
            {t}
          </span>
        ))}
      </div>
    </div>
  );
}
