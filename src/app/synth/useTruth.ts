import { useMemo } from 'react';
import { STANDARD_LEADS } from '../../core/ecg/types';
import { selectShownTruth } from '../store/synthSlice';
import { useAppStore } from '../store/useAppStore';
import type { TruthOverlay } from './drawTruthMask';
import { truthInWindowUnion } from './synthTruth';

/** The open synthetic case's truth for the grid (by lead index), or null when none is open or it is toggled off. */
export function useTruthOverlay(): TruthOverlay | null {
  const truth = useAppStore(selectShownTruth);
  return useMemo(
    () => (truth ? { fsHz: truth.fsHz, rangesByLead: STANDARD_LEADS.map((name) => truth.mask[name] ?? []) } : null),
    [truth],
  );
}

/** The truth along the trajectory: 1 per window sample where any lead's mask has it (null when none is shown or none falls in the window). */
export function useTruthInWindow(): Uint8Array | null {
  const truth = useAppStore(selectShownTruth);
  const prepared = useAppStore((s) => s.prepared);
  return useMemo(() => {
    if (!truth || !prepared) return null;
    const start = Math.round((prepared.windowStartMs * truth.fsHz) / 1000);
    const union = truthInWindowUnion(truth, start, prepared.windowSamples);
    return union.includes(1) ? union : null;
  }, [truth, prepared]);
}
