import { describe, expect, it } from 'vitest';
import { WINDOW_MS } from '../../core/constants';
import { createAppStore } from '../store/appStore';
import { advance, connectPlayback, MAX_FRAME_WALL_MS, type PlaybackClock } from './playback';
import { PLAYBACK_SLOWDOWN } from './trajectoryStyle';

/** A clock the test advances by hand: one pending frame at a time, like requestAnimationFrame. */
function manualClock() {
  let pending: ((now: number) => void) | null = null;
  let now = 0;
  const clock: PlaybackClock = {
    raf: (cb) => ((pending = cb), 1),
    caf: () => void (pending = null),
  };
  const frame = (dtMs: number) => {
    now += dtMs;
    const cb = pending;
    pending = null;
    cb?.(now);
  };
  return { clock, frame, isRunning: () => pending !== null };
}

describe('cursor slice', () => {
  it('clamps to the window and clears on null or non-finite values', () => {
    const s = createAppStore();
    expect(s.getState().cursorMs).toBeNull();
    s.getState().setCursorMs(120);
    expect(s.getState().cursorMs).toBe(120);
    s.getState().setCursorMs(-3);
    expect(s.getState().cursorMs).toBe(0);
    s.getState().setCursorMs(1e6);
    expect(s.getState().cursorMs).toBe(WINDOW_MS);
    s.getState().setCursorMs(Number.NaN);
    expect(s.getState().cursorMs).toBeNull();
  });

  it('does not notify subscribers when nothing changes', () => {
    const s = createAppStore();
    let calls = 0;
    s.subscribe(() => calls++);
    s.getState().setCursorMs(50);
    s.getState().setCursorMs(50);
    s.getState().setPlaying(false);
    expect(calls).toBe(1);
  });
});

describe('playback', () => {
  it('advances in slow motion (400 ms of signal over 4 s) and stops at the end', () => {
    expect(PLAYBACK_SLOWDOWN).toBe(10);
    expect(advance(0, 50, 398)).toEqual({ ms: 5, done: false });
    expect(advance(396, 50, 398)).toEqual({ ms: 398, done: true });
    expect(advance(10, 5000, 398).ms).toBe(10 + MAX_FRAME_WALL_MS / PLAYBACK_SLOWDOWN); // a stalled tab does not jump
  });

  it('moves the shared cursor frame by frame while playing, from 0, and ends paused at the end', () => {
    const store = createAppStore();
    const { clock, frame, isRunning } = manualClock();
    const disconnect = connectPlayback(store, () => 398, clock);
    store.getState().setPlaying(true);
    expect(store.getState().cursorMs).toBe(0);
    frame(16); // the first frame only takes the time
    frame(40);
    expect(store.getState().cursorMs).toBeCloseTo(4, 9);
    for (let i = 0; i < 200 && store.getState().playing; i++) frame(50);
    expect(store.getState().cursorMs).toBe(398);
    expect(store.getState().playing).toBe(false);
    expect(isRunning()).toBe(false);
    store.getState().setPlaying(true); // at the end: restarts from 0
    expect(store.getState().cursorMs).toBe(0);
    disconnect();
    expect(isRunning()).toBe(false);
  });

  it('pause keeps the cursor where it is; play continues from there', () => {
    const store = createAppStore();
    const { clock, frame } = manualClock();
    connectPlayback(store, () => 398, clock);
    store.getState().setCursorMs(100);
    store.getState().setPlaying(true);
    frame(0);
    frame(50);
    store.getState().setPlaying(false);
    frame(50);
    expect(store.getState().cursorMs).toBeCloseTo(105, 9);
    store.getState().setPlaying(true);
    frame(0);
    frame(100);
    expect(store.getState().cursorMs).toBeCloseTo(115, 9);
  });
});
