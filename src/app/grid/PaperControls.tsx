import { RadioGroup } from '../controls/RadioGroup';
import { useAppStore, useAppStoreApi } from '../store/useAppStore';
import { GAINS_MM_PER_MV, type GainMmPerMv, MAX_PX_PER_MM, MIN_PX_PER_MM } from '../store/viewSlice';
import { CSS_PX_PER_MM } from './layout';
import { PAPER_LAYOUTS } from './paperLayouts';

const ZOOM_STEP = 1.25;

/** Layout, paper speed, gain and zoom of the 12-lead grid: the controls of an electrocardiograph's printout. */
export function PaperControls() {
  const appStore = useAppStoreApi();
  const layout = useAppStore((s) => s.paperLayout);
  const mmPerS = useAppStore((s) => s.mmPerS);
  const mmPerMv = useAppStore((s) => s.mmPerMv);
  const pxPerMm = useAppStore((s) => s.pxPerMm);
  // A z-scored array (a .npy opened as "already z-scored") has no mV: its gain is per standard deviation.
  const zscored = useAppStore((s) => s.prepared?.record.preprocessed === 'bandpassed-zscored');
  const st = appStore.getState;
  return (
    <div className="paper-controls">
      <RadioGroup label="Layout" value={layout} options={PAPER_LAYOUTS} onChange={(v) => st().setPaperLayout(v)} />
      <label className="inline-select">
        <span>Speed</span>
        <select
          aria-label="Paper speed"
          value={mmPerS}
          onChange={(e) => st().setMmPerS(Number(e.target.value) as 25 | 50)}
        >
          <option value={25}>25 mm/s</option>
          <option value={50}>50 mm/s</option>
        </select>
      </label>
      <label className="inline-select">
        <span>Gain</span>
        <select
          aria-label="Gain"
          value={mmPerMv}
          onChange={(e) => st().setMmPerMv(Number(e.target.value) as GainMmPerMv)}
        >
          {GAINS_MM_PER_MV.map((g) => (
            <option key={g} value={g}>
              {g} mm/{zscored ? 'SD' : 'mV'}
            </option>
          ))}
        </select>
      </label>
      <div className="zoom" role="group" aria-label="Zoom">
        <button
          type="button"
          className="button"
          aria-label="Zoom out"
          disabled={pxPerMm <= MIN_PX_PER_MM}
          onClick={() => st().setPxPerMm(pxPerMm / ZOOM_STEP)}
        >
          −
        </button>
        <span className="muted" aria-live="polite">
          {Math.round((pxPerMm / CSS_PX_PER_MM) * 100)}%
        </span>
        <button
          type="button"
          className="button"
          aria-label="Zoom in"
          disabled={pxPerMm >= MAX_PX_PER_MM}
          onClick={() => st().setPxPerMm(pxPerMm * ZOOM_STEP)}
        >
          +
        </button>
      </div>
    </div>
  );
}
