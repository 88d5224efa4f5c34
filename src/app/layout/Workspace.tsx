import { type KeyboardEvent, type PointerEvent, type ReactNode, useRef, useState } from 'react';
import { clampSplit, loadSplit, MAX_SPLIT, MIN_SPLIT, saveSplit, splitAfterKey } from './splitFraction';

const storage = (): Storage | null => {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
};

/**
 * The workstation: the grid side and the heart side next to each other, with a splitter between them (a WAI-ARIA
 * window splitter: drag, or focus it and use the arrow keys). The split is remembered in localStorage. On narrow or
 * portrait screens CSS stacks the two sides and hides the splitter.
 */
export function Workspace({ left, right, overlay }: { left: ReactNode; right: ReactNode; overlay?: ReactNode }) {
  const [split, setSplit] = useState(() => loadSplit(storage()));
  const box = useRef<HTMLDivElement>(null);
  const dragging = useRef(false);
  const commit = (f: number) => {
    setSplit(f);
    saveSplit(storage(), f);
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    dragging.current = true;
    e.currentTarget.setPointerCapture(e.pointerId);
    e.preventDefault();
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const r = box.current?.getBoundingClientRect();
    if (!dragging.current || !r || r.width === 0) return;
    setSplit(clampSplit((e.clientX - r.left) / r.width));
  };
  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    if (!dragging.current) return;
    dragging.current = false;
    e.currentTarget.releasePointerCapture(e.pointerId);
    commit(split);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const next = splitAfterKey(split, e.key);
    if (next === null) return;
    e.preventDefault();
    commit(next);
  };
  const pct = Math.round(split * 100);
  return (
    <div
      ref={box}
      className="workspace"
      style={{ ['--split' as string]: `${split * 100}%` }}
      data-split={split.toFixed(3)}
    >
      <div className="workspace-side workspace-grid">{left}</div>
      <div
        className="workspace-splitter"
        role="separator"
        tabIndex={0}
        aria-orientation="vertical"
        aria-label="Resize: ECG grid | 3D heart"
        aria-valuemin={Math.round(MIN_SPLIT * 100)}
        aria-valuemax={Math.round(MAX_SPLIT * 100)}
        aria-valuenow={pct}
        aria-valuetext={`ECG grid ${pct}% of the width`}
        title="Drag (or focus and use ← →) to share the width between the grid and the heart"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        onKeyDown={onKeyDown}
        onDoubleClick={() => commit(clampSplit(0.56))}
      />
      <div className="workspace-side workspace-heart">{right}</div>
      {overlay}
    </div>
  );
}
