import { createStore } from 'zustand/vanilla';
import type { Highlight } from '../../core/tour/templates';
import { findTour } from '../../core/tour/tours';

/**
 * Which tour runs, at which step, and how it is presented. Its own small store (the app store holds the case and
 * the computed results; the tour only steers them), read by the tour band, the grid highlight, the heart and the URL.
 */
export interface TourState {
  tourId: string | null;
  step: number;
  /** Presenter mode: large type, high-contrast trajectory colours, the band on top. */
  presenter: boolean;
  /** The 3D view alone, filling the screen (presenter's "full-screen 3D"). */
  fullscreen3d: boolean;
  /** The step was restored from the address: its view (cursor, camera) is the address's, not the step's. */
  restored: boolean;
  /** What the current step highlights on the grid and the beat panel (set by the tour band once computed). */
  highlight: Highlight | null;
  start: (tourId: string, step?: number, options?: { restored?: boolean }) => boolean;
  setHighlight: (h: Highlight | null) => void;
  stop: () => void;
  next: () => void;
  previous: () => void;
  setPresenter: (on: boolean) => void;
  setFullscreen3d: (on: boolean) => void;
}

const stepsOf = (id: string | null) => (id ? (findTour(id)?.steps.length ?? 0) : 0);
const clampStep = (id: string, step: number) =>
  Math.min(stepsOf(id) - 1, Math.max(0, Math.round(Number.isFinite(step) ? step : 0)));

export const createTourStore = () =>
  createStore<TourState>()((set, get) => ({
    tourId: null,
    step: 0,
    presenter: false,
    fullscreen3d: false,
    restored: false,
    highlight: null,
    start: (tourId, step = 0, options = {}) => {
      if (!findTour(tourId)) return false;
      const next = clampStep(tourId, step);
      if (get().tourId === tourId && get().step === next) return true;
      set({ tourId, step: next, restored: !!options.restored, highlight: null });
      return true;
    },
    setHighlight: (highlight) => set({ highlight }),
    stop: () => set({ tourId: null, step: 0, presenter: false, fullscreen3d: false, restored: false, highlight: null }),
    next: () => {
      const { tourId, step } = get();
      if (tourId && step < stepsOf(tourId) - 1) set({ step: step + 1, restored: false, highlight: null });
    },
    previous: () => {
      const { tourId, step } = get();
      if (tourId && step > 0) set({ step: step - 1, restored: false, highlight: null });
    },
    setPresenter: (presenter) => set({ presenter, ...(presenter ? {} : { fullscreen3d: false }) }),
    setFullscreen3d: (fullscreen3d) => set({ fullscreen3d }),
  }));

export type TourStore = ReturnType<typeof createTourStore>;
