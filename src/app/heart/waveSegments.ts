import type { PreparedEcg } from '../../core/ecg/prepare.types';
import { modelBeatWaves } from '../../core/ecg/waves';
import type { SegmentBounds } from './trajectoryStyle';

// On its own file: the beat panel (in the page's first chunk) needs the waves but not the CineECG walk.
/**
 * QRS offset, T onset and T offset of the model window's beat (src/core/ecg/waves.ts), ms after its QRS onset; null
 * if the estimate fails, so that the view falls back to the fixed QRS/ST-T split rather than to an error.
 */
export function segmentsOf(prepared: PreparedEcg): SegmentBounds | null {
  try {
    const w = modelBeatWaves(prepared);
    return { qrsEndMs: w.qrsOffsetMs, tOnsetMs: w.tOnsetMs, tEndMs: w.tOffsetMs };
  } catch {
    return null;
  }
}
