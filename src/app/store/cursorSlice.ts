import type { StateCreator } from 'zustand/vanilla';
import { WINDOW_MS } from '../../core/constants';
import type { AppState } from './appStore';

/**
 * One time cursor shared by the 12-lead grid and the 3D heart view: milliseconds from the window start (the
 * QRS onset of the model's 400 ms window), or null when nothing is picked.
 *
 * `cursorMs` changes every animation frame while playing or scrubbing, so never read it with a React selector
 * (`useAppStore((s) => s.cursorMs)` would re-render per frame): read `appStore.getState().cursorMs` in `useFrame`
 * or draw code, and `appStore.subscribe` to write the DOM directly. `playing` changes rarely; selectors are fine.
 */
export interface CursorSlice {
  cursorMs: number | null;
  playing: boolean;
  /** Clamped to [0, WINDOW_MS]; NaN/±Infinity clear the cursor. */
  setCursorMs: (ms: number | null) => void;
  setPlaying: (playing: boolean) => void;
}

export const createCursorSlice: StateCreator<AppState, [], [], CursorSlice> = (set, get) => ({
  cursorMs: null,
  playing: false,
  setCursorMs: (ms) => {
    const next = ms === null || !Number.isFinite(ms) ? null : Math.min(WINDOW_MS, Math.max(0, ms));
    // Hover and playback call this per frame: skip no-op updates so subscribers are not woken for nothing.
    if (next !== get().cursorMs) set({ cursorMs: next });
  },
  setPlaying: (playing) => {
    if (playing !== get().playing) set({ playing });
  },
});
