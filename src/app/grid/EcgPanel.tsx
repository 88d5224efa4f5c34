import { useEffect, useRef, useState } from 'react';
import { BANDPASS_HIGH_HZ, BANDPASS_LOW_HZ, WINDOW_MS } from '../../core/constants';
import type { PreparedEcg } from '../../core/ecg/prepare.types';
import { BeatPanel } from '../beat/BeatPanel';
import { RadioGroup } from '../controls/RadioGroup';
import { useAttributionView } from '../explain/useAttributionView';
import { useAppStore, useAppStoreApi } from '../store/useAppStore';
import type { TraceKind } from '../store/viewSlice';
import { windowCaption } from './describe';
import { EcgGridCanvas } from './EcgGridCanvas';
import { type CaliperReading, describeCaliper } from './calipers';
import { PaperControls } from './PaperControls';
import { scrollToWindow } from './scrollToWindow';
import { PanelBoundary } from '../faults/PanelBoundary';
import { usePrintMedia } from './usePrintMedia';
import { TruthLegend } from '../synth/TruthLegend';
import { useTruthOverlay } from '../synth/useTruth';

const TRACE_CHOICES: Array<{ value: TraceKind; label: string }> = [
  { value: 'filtered', label: `Filtered ${BANDPASS_LOW_HZ}–${BANDPASS_HIGH_HZ} Hz` },
  { value: 'recorded', label: 'As recorded' },
];

/**
 * The 12-lead grid with its toolbar (trace, layout, speed, gain, zoom, calipers, overlay, go to window), the paper
 * scrolling inside its own box, and beside it the explained beat enlarged (BeatPanel). A record whose window lies
 * beyond the first screen opens scrolled to it. Printing uses the 3×4 + II printout so that one page holds it all.
 */
export function EcgPanel({ prepared, caseTitle }: { prepared: PreparedEcg; caseTitle: string }) {
  const appStore = useAppStoreApi();
  const trace = useAppStore((s) => s.trace);
  const pxPerMm = useAppStore((s) => s.pxPerMm);
  const chosenLayout = useAppStore((s) => s.paperLayout);
  const mmPerS = useAppStore((s) => s.mmPerS);
  const mmPerMv = useAppStore((s) => s.mmPerMv);
  const showOverlay = useAppStore((s) => s.showOverlay);
  const view = useAttributionView();
  const truth = useTruthOverlay();
  const calipers = useAppStore((s) => s.calipers);
  const printing = usePrintMedia();
  const layout = printing && chosenLayout === '12x1' ? '3x4' : chosenLayout;
  const [reading, setReading] = useState<CaliperReading | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const windowMs = (prepared.windowSamples / prepared.fsHz) * 1000 || WINDOW_MS;
  const beat = prepared.beat;

  // A z-scored array (SD units; a QRS spans several) opens at 2.5 mm per SD, where 10 would pile the rows up; the next
  // mV record goes back to 10 unless the user picked a gain meanwhile.
  const zscored = prepared.record.preprocessed === 'bandpassed-zscored';
  const autoGain = useRef(false);
  useEffect(() => {
    const s = appStore.getState();
    if (zscored && s.mmPerMv !== 2.5) {
      autoGain.current = true;
      s.setMmPerMv(2.5);
    } else if (!zscored && autoGain.current) {
      autoGain.current = false;
      if (s.mmPerMv === 2.5) s.setMmPerMv(10);
    }
  }, [prepared, zscored, appStore]);

  // A new record (or layout/speed) whose window is off screen: bring the window into view.
  useEffect(() => {
    if (scroller.current) scrollToWindow(scroller.current);
  }, [prepared, layout, mmPerS, pxPerMm]);

  return (
    <section className="panel ecg-panel" aria-labelledby="ecg-panel-title">
      <div className="panel-toolbar ecg-toolbar">
        <h2 id="ecg-panel-title" className="panel-title">
          12-lead ECG
        </h2>
        <p
          className="calibration-legend"
          title="Calibrated in CSS millimetres (96 px per inch); true size on screen depends on your display."
        >
          {zscored ? (
            <span data-testid="zscored-legend" title="A z-scored array: its values are standard deviations per lead">
              {mmPerS} mm/s · {mmPerMv} mm/SD · 1 SD pulse · z-scores, not mV
            </span>
          ) : (
            <>
              {mmPerS} mm/s · {mmPerMv} mm/mV · 1 mV pulse
            </>
          )}
        </p>
        <RadioGroup
          label="Signal shown"
          value={trace}
          options={TRACE_CHOICES}
          onChange={(v) => appStore.getState().setTrace(v)}
        />
        <PaperControls />
        <button
          type="button"
          className="button"
          aria-pressed={calipers}
          onClick={() => appStore.getState().setCalipers(!calipers)}
          title="Drag on the paper between two points to read Δt, heart rate and ΔV (shortcut C)"
        >
          Calipers
        </button>
        <button
          type="button"
          className="button"
          onClick={() => scroller.current && scrollToWindow(scroller.current, 'smooth')}
          title="Scroll the paper to the model's 400 ms window"
        >
          Go to window
        </button>
        {view && (
          <label className="toggle">
            <input
              type="checkbox"
              checked={showOverlay}
              onChange={(e) => appStore.getState().setShowOverlay(e.target.checked)}
            />{' '}
            Attribution overlay
          </label>
        )}
      </div>
      <p
        className="window-caption"
        data-testid="window-caption"
        title={`The model's input, starting at QRS onset of beat ${beat.beatIndex + 1} of ${prepared.qrsOnsetsMs.length} (most typical beat, r = ${beat.correlationWithMedian.toFixed(3)} with the median beat). Ticks above the grid mark every detected QRS onset.`}
      >
        <span className="window-swatch" aria-hidden="true" />
        <strong>{windowCaption(prepared.windowStartMs, windowMs)}</strong>
        <span className="muted">
          {' '}
          — the model's input: beat {beat.beatIndex + 1} of {prepared.qrsOnsetsMs.length}, the most typical (r ={' '}
          {beat.correlationWithMedian.toFixed(3)} with the median beat); ticks mark every QRS onset.
        </span>
      </p>
      <TruthLegend />
      <div className="ecg-body">
        <div ref={scroller} className="ecg-scroll" tabIndex={0} aria-label="ECG paper, scroll to see the whole record">
          <PanelBoundary panel="grid" label="The 12-lead grid">
            <EcgGridCanvas
              prepared={prepared}
              caseTitle={caseTitle}
              trace={trace}
              pxPerMm={pxPerMm}
              overlayView={showOverlay ? view : null}
              layout={layout}
              mmPerS={mmPerS}
              mmPerMv={mmPerMv}
              calipers={calipers}
              onCaliper={setReading}
              truth={truth}
            />
          </PanelBoundary>
        </div>
        <PanelBoundary panel="beat" label="The beat panel">
          <BeatPanel prepared={prepared} view={showOverlay ? view : null} />
        </PanelBoundary>
        {calipers && (
          <p className="caliper-readout" role="status" aria-live="polite" data-testid="caliper-readout">
            {reading ? describeCaliper(reading) : 'Calipers: drag on the paper between two points.'}
          </p>
        )}
      </div>
    </section>
  );
}
