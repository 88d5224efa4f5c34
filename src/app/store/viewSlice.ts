import type { StateCreator } from 'zustand/vanilla';
import { CSS_PX_PER_MM } from '../grid/layout';
import type { AttributionDisplay } from '../explain/attributionView';
import type { PaperLayout } from '../grid/paperLayouts';
import type { AppState } from './appStore';

/** Which signal the grid draws: band-passed 0.5–40 Hz (default, as the model sees it) or as recorded. */
export type TraceKind = 'filtered' | 'recorded';

/** The gains an ECG machine offers; 2.5 mm/mV also fits z-scored arrays (SD units), whose QRS spans several units. */
export const GAINS_MM_PER_MV = [2.5, 5, 10, 20] as const;
export type GainMmPerMv = (typeof GAINS_MM_PER_MV)[number];

export interface ViewSlice {
  trace: TraceKind;
  paperLayout: PaperLayout;
  /** Paper speed and gain: the calibration the grid is drawn at (the pulse and legend follow). */
  mmPerS: 25 | 50;
  mmPerMv: GainMmPerMv;
  setPaperLayout: (layout: PaperLayout) => void;
  setMmPerS: (v: 25 | 50) => void;
  setMmPerMv: (v: GainMmPerMv) => void;
  /** How attributions are shown on the grid and the map: signed Φ, or paper 3.6's post-processing. */
  attributionDisplay: AttributionDisplay;
  /** Attribution overlay on the 12-lead grid on/off. */
  showOverlay: boolean;
  /** The attribution map as a heat map, or as per-lead curves with a threshold line (paper Fig. 3). */
  mapStyle: 'heat' | 'curves';
  /** Threshold of the curves view, in [0, 1] by 0.01 (the paper sweeps it so for IoU/Dice). */
  threshold: number;
  setMapStyle: (s: 'heat' | 'curves') => void;
  setThreshold: (t: number) => void;
  /** Calipers mode on the grid: dragging measures instead of moving the time cursor. */
  calipers: boolean;
  setCalipers: (on: boolean) => void;
  setAttributionDisplay: (d: AttributionDisplay) => void;
  setShowOverlay: (on: boolean) => void;
  /** CSS px per paper millimetre; the grid's only scale. */
  pxPerMm: number;
  setTrace: (trace: TraceKind) => void;
  setPxPerMm: (pxPerMm: number) => void;
}

export const MIN_PX_PER_MM = 2;
export const MAX_PX_PER_MM = 12;

export const createViewSlice: StateCreator<AppState, [], [], ViewSlice> = (set) => ({
  trace: 'filtered',
  paperLayout: '12x1',
  mmPerS: 25,
  mmPerMv: 10,
  setPaperLayout: (paperLayout) => set({ paperLayout }),
  setMmPerS: (mmPerS) => set({ mmPerS }),
  setMmPerMv: (mmPerMv) => set({ mmPerMv }),
  attributionDisplay: 'signed',
  showOverlay: true,
  calipers: false,
  mapStyle: 'heat',
  threshold: 0.5,
  setMapStyle: (mapStyle) => set({ mapStyle }),
  setThreshold: (t) => {
    if (Number.isFinite(t)) set({ threshold: Math.round(Math.min(1, Math.max(0, t)) * 100) / 100 });
  },
  setCalipers: (calipers) => set({ calipers }),
  setAttributionDisplay: (attributionDisplay) => set({ attributionDisplay }),
  setShowOverlay: (showOverlay) => set({ showOverlay }),
  pxPerMm: CSS_PX_PER_MM,
  setTrace: (trace) => set({ trace }),
  setPxPerMm: (pxPerMm) => {
    if (Number.isFinite(pxPerMm)) set({ pxPerMm: Math.min(MAX_PX_PER_MM, Math.max(MIN_PX_PER_MM, pxPerMm)) });
  },
});
