import type { StateCreator } from 'zustand/vanilla';
import type { SynthTruth } from '../synth/synthTruth';
import type { AppState } from './appStore';

/** The truth of the open synthetic case (issue 16), and whether it is drawn. */
export interface SynthSlice {
  /** Set when a synthetic case loads; read through selectSynthTruth, which ignores it once another case is open. */
  synthTruth: SynthTruth | null;
  /** Truth drawn over the grid and along the trajectory (on by default: it is why these cases exist). */
  showTruth: boolean;
  synthTruthLoaded: (truth: SynthTruth) => void;
  setShowTruth: (on: boolean) => void;
}

export const createSynthSlice: StateCreator<AppState, [], [], SynthSlice> = (set) => ({
  synthTruth: null,
  showTruth: true,
  synthTruthLoaded: (synthTruth) => set({ synthTruth }),
  setShowTruth: (showTruth) => set({ showTruth }),
});

/** Derived: the truth of the case on screen, or null (a real case, local files, or still loading). */
export function selectSynthTruth(
  s: Pick<AppState, 'synthTruth' | 'caseId' | 'localFiles' | 'caseStatus'>,
): SynthTruth | null {
  const t = s.synthTruth;
  return t && s.caseStatus === 'ready' && s.localFiles === null && t.caseId === s.caseId ? t : null;
}

/** The truth to draw now: selectSynthTruth when the toggle is on. */
export function selectShownTruth(s: AppState): SynthTruth | null {
  return s.showTruth ? selectSynthTruth(s) : null;
}
