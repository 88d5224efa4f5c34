import { useEffect, useRef } from 'react';
import { useAppStore, useAppStoreApi } from '../store/useAppStore';
import { PLAYBACK_SLOWDOWN } from './trajectoryStyle';

export const formatCursor = (ms: number | null): string => (ms === null ? '– ms' : `${Math.round(ms)} ms`);

/**
 * Play/pause and the time slider, both bound to the shared cursor. The slider is uncontrolled and written from a
 * store subscription: during playback the cursor moves every frame, and routing that through React state would
 * re-render the panel 60 times a second.
 */
export function TimeControls({ endMs, stepMs, disabled }: { endMs: number; stepMs: number; disabled?: boolean }) {
  const appStore = useAppStoreApi();
  const playing = useAppStore((s) => s.playing);
  const slider = useRef<HTMLInputElement>(null);
  const readout = useRef<HTMLOutputElement>(null);

  useEffect(() => {
    const show = (ms: number | null) => {
      const text = formatCursor(ms);
      if (slider.current) {
        slider.current.value = String(ms ?? 0);
        slider.current.setAttribute('aria-valuetext', ms === null ? 'no time selected' : text);
      }
      if (readout.current) readout.current.textContent = text;
    };
    show(appStore.getState().cursorMs);
    return appStore.subscribe((s, prev) => s.cursorMs !== prev.cursorMs && show(s.cursorMs));
  }, [endMs]);

  const onScrub = (e: React.FormEvent<HTMLInputElement>) => {
    const s = appStore.getState();
    s.setPlaying(false); // the user takes the cursor: playback would fight the hand
    s.setCursorMs(Number(e.currentTarget.value));
  };

  // With no cursor the thumb rests at 0, where Home or a click on the thumb changes nothing and fires no input
  // event: touching the slider at all shows the cursor where the thumb is.
  const onEngage = (e: React.SyntheticEvent<HTMLInputElement>) => {
    if (appStore.getState().cursorMs === null) appStore.getState().setCursorMs(Number(e.currentTarget.value));
  };

  return (
    <div className="heart-time">
      <button
        type="button"
        className="button heart-play"
        disabled={disabled}
        title={`Slow motion: the ${Math.round(endMs)} ms window over ${((endMs * PLAYBACK_SLOWDOWN) / 1000).toFixed(0)} s`}
        onClick={() => appStore.getState().setPlaying(!playing)}
      >
        {playing ? 'Pause' : 'Play'}
      </button>
      <label className="heart-slider">
        <span className="heart-slider-label">Time after QRS onset</span>
        <input
          ref={slider}
          type="range"
          min={0}
          max={endMs}
          step={stepMs}
          defaultValue={0}
          disabled={disabled}
          aria-label="Time after QRS onset (ms)"
          onInput={onScrub}
          onKeyDown={onEngage}
          onPointerDown={onEngage}
        />
      </label>
      <output ref={readout} className="heart-readout" aria-live="off">
        – ms
      </output>
    </div>
  );
}
