import { type PointerEvent, useEffect, useMemo, useRef } from 'react';
import { WINDOW_MS } from '../../core/constants';
import type { PreparedEcg } from '../../core/ecg/prepare.types';
import { STANDARD_LEADS } from '../../core/ecg/types';
import type { AttributionView } from '../explain/attributionView';
import { useDevicePixelRatio } from '../grid/useDevicePixelRatio';
import { segmentsOf } from '../heart/waveSegments';
import { segmentSpans } from '../heart/trajectoryStyle';
import { useAppStore, useAppStoreApi } from '../store/useAppStore';
import { beatLayout, beatMs, beatX } from './beatLayout';
import { drawBeat } from './drawBeat';
import { useElementSize } from '../layout/useElementSize';
import { TourBeatHighlight } from '../tour/TourHighlights';

/**
 * The explained beat enlarged, as clinical viewers show the representative beat: the model's 400 ms window of all 12
 * leads at ≈ 100 mm/s, shaded by the attributions with the Fig. 3 curves, the QRS / ST / T boundaries, and the shared
 * time cursor (hover or drag here moves it in the grid and the heart too).
 */
export function BeatPanel({ prepared, view }: { prepared: PreparedEcg; view: AttributionView | null }) {
  const appStore = useAppStoreApi();
  const trace = useAppStore((s) => s.trace);
  const threshold = useAppStore((s) => s.threshold);
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const cursor = useRef<HTMLDivElement>(null);
  const dpr = useDevicePixelRatio();
  const { width, height } = useElementSize(box);
  const windowMs = (prepared.windowSamples / prepared.fsHz) * 1000 || WINDOW_MS;
  const units = prepared.record.preprocessed === 'bandpassed-zscored' ? 'SD' : 'mV';
  const layout = useMemo(
    () => beatLayout(Math.max(width, 60), Math.max(height, 120), windowMs, 12, units),
    [width, height, windowMs, units],
  );
  const segments = useMemo(() => segmentsOf(prepared), [prepared]);
  const leadsMv = useMemo(() => {
    const start = Math.round((prepared.windowStartMs / 1000) * prepared.fsHz);
    const src = trace === 'filtered' ? prepared.filteredMv : prepared.leadsMv;
    return src.map((x) => x.subarray(start, start + prepared.windowSamples + 1));
  }, [prepared, trace]);

  useEffect(() => {
    const el = canvas.current;
    const ctx = el?.getContext('2d');
    if (!el || !ctx || width === 0) return;
    el.width = Math.round(layout.width * dpr);
    el.height = Math.round(layout.height * dpr);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    drawBeat(ctx, layout, { names: STANDARD_LEADS, leadsMv, fsHz: prepared.fsHz, view, threshold, segments });
  }, [layout, dpr, leadsMv, prepared.fsHz, view, threshold, segments, width]);

  // The shared cursor, moved by store subscription (playback updates it every frame).
  useEffect(() => {
    const show = (ms: number | null) => {
      const el = cursor.current;
      if (!el) return;
      el.style.visibility = ms === null ? 'hidden' : 'visible';
      if (ms !== null) el.style.transform = `translateX(${beatX(layout, ms)}px)`;
      el.dataset.ms = ms === null ? '' : String(Math.round(ms));
    };
    show(appStore.getState().cursorMs);
    return appStore.subscribe((s, prev) => s.cursorMs !== prev.cursorMs && show(s.cursorMs));
  }, [layout]);

  const onPointer = (e: PointerEvent<HTMLDivElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    const ms = beatMs(layout, e.clientX - r.left);
    if (ms >= 0 && ms <= windowMs) appStore.getState().setCursorMs(ms);
  };
  const spans = segments ? segmentSpans(prepared.windowSamples, prepared.fsHz, segments) : [];
  const scale = `≈ ${Math.round(layout.mmPerS)} mm/s, ${layout.mmPerMv.toFixed(layout.mmPerMv < 10 ? 1 : 0)} mm/${units}`;

  return (
    <section
      className="beat-panel"
      aria-labelledby="beat-title"
      data-testid="beat-panel"
      data-mm-per-s={layout.mmPerS.toFixed(1)}
      data-overlay={view ? view.display : 'none'}
    >
      <h3
        id="beat-title"
        className="beat-title"
        title={`The model's window (QRS onset + ${Math.round(windowMs)} ms) of all 12 leads at ${scale}; time in ms after QRS onset`}
      >
        Beat <span className="muted">{scale}</span>
      </h3>
      <div className="beat-segments" aria-hidden="true">
        {spans.map((s) => (
          <span
            key={s.name}
            data-segment={s.name}
            style={{
              left: beatX(layout, s.startMs),
              width: Math.max(0, beatX(layout, s.endMs) - beatX(layout, s.startMs)),
            }}
          >
            {s.name}
          </span>
        ))}
      </div>
      <div ref={box} className="beat-stage" onPointerMove={onPointer} onPointerDown={onPointer}>
        <canvas
          ref={canvas}
          className="beat-canvas"
          role="img"
          style={{ width: `${layout.width}px`, height: `${layout.height}px` }}
          aria-label={`Explained beat: the ${Math.round(windowMs)} ms model window of leads ${STANDARD_LEADS.join(', ')}, ${scale}${view ? ', shaded by the attributions with their magnitude curves' : ''}${segments ? `; QRS ends at ${Math.round(segments.qrsEndMs)} ms` : ''}.`}
        />
        <TourBeatHighlight layout={layout} />
        <div ref={cursor} className="beat-cursor" aria-hidden="true" />
      </div>
    </section>
  );
}
