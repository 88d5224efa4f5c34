import type { StoreApi } from 'zustand/vanilla';
import type { CursorSlice } from '../store/cursorSlice';
import { PLAYBACK_SLOWDOWN } from './trajectoryStyle';

/** A frame longer than this (a background tab, a debugger pause) advances playback by this much only. */
export const MAX_FRAME_WALL_MS = 100;

/** One step of slow-motion playback: where the cursor goes after `wallMs` of real time, and whether it ended. */
export function advance(
  ms: number,
  wallMs: number,
  endMs: number,
  slowdown = PLAYBACK_SLOWDOWN,
): { ms: number; done: boolean } {
  const next = ms + Math.min(MAX_FRAME_WALL_MS, Math.max(0, wallMs)) / slowdown;
  return next >= endMs ? { ms: endMs, done: true } : { ms: next, done: false };
}

export interface PlaybackClock {
  raf: (cb: (now: number) => void) => number;
  caf: (id: number) => void;
}

const browserClock: PlaybackClock = {
  raf: (cb) => requestAnimationFrame(cb),
  caf: (id) => cancelAnimationFrame(id),
};

/**
 * Drives `cursorMs` while `playing` is true, one step per animation frame, outside React: the store changes, the
 * views that care (3D marker, slider, grid) subscribe. Starting at the end (or with no cursor) restarts from 0;
 * reaching `endMs()` stops. Anyone may set `playing` (a button, a key); scrubbing moves the cursor under the loop,
 * which simply continues from there. Returns the disconnect function (also stops a running loop).
 */
export function connectPlayback(
  store: StoreApi<CursorSlice>,
  endMs: () => number,
  clock: PlaybackClock = browserClock,
): () => void {
  let frame: number | null = null;
  let last: number | null = null;

  const stop = () => {
    if (frame !== null) clock.caf(frame);
    frame = null;
    last = null;
  };
  const tick = (now: number) => {
    const s = store.getState();
    if (!s.playing) return stop();
    const step = advance(s.cursorMs ?? 0, last === null ? 0 : now - last, endMs());
    last = now;
    s.setCursorMs(step.ms);
    if (step.done) {
      frame = null;
      s.setPlaying(false);
      return;
    }
    frame = clock.raf(tick);
  };
  const start = () => {
    if (frame !== null) return;
    const s = store.getState();
    if (s.cursorMs === null || s.cursorMs >= endMs()) s.setCursorMs(0);
    last = null;
    frame = clock.raf(tick);
  };

  if (store.getState().playing) start();
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.playing && !prev.playing) start();
    else if (!s.playing && prev.playing) stop();
  });
  return () => {
    unsubscribe();
    stop();
  };
}
