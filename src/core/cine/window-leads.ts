/**
 * The 12 leads over the model window as the CineECG walks read them (measured from their level just before QRS
 * onset), and the window's QRS end. Shared by the display's trajectory (cine-signal.ts) and the twin model's signal
 * (twin-signal.ts).
 */
import type { PreparedEcg } from '../ecg/prepare.types';
import { delineateBeat } from '../ecg/waves';

/** What the CineECG needs of a prepared record. */
export type CineInput = Pick<PreparedEcg, 'fsHz' | 'filteredMv' | 'windowStartMs' | 'windowSamples'>;

/** First sample of the model window (windowStartMs is a whole number of samples by construction). */
export function windowStartSample(input: Pick<CineInput, 'fsHz' | 'windowStartMs'>): number {
  return Math.round((input.windowStartMs * input.fsHz) / 1000);
}

/** Isoelectric reference: the mean of each lead over the BASELINE_MS before QRS onset (the PR segment's end). */
export const BASELINE_MS = 10;

/**
 * The 12 leads over the model window, each measured from its own isoelectric level just before QRS onset — the
 * origin point of the heart vector (Perez-Alday et al., Comput Biol Med 2019;104:127–38). The 0.5 Hz high-pass
 * leaves PR/TP levels a few tens of µV off zero, and with a fixed step such an offset alone would walk the mTSI
 * through the ST segment.
 */
export function windowLeads(input: CineInput): Float64Array[] {
  const start = windowStartSample(input);
  const nBase = Math.min(start, Math.round((BASELINE_MS * input.fsHz) / 1000));
  return input.filteredMv.map((lead) => {
    if (start + input.windowSamples > lead.length)
      throw new Error(`the window ends after the record (${lead.length} samples)`);
    let base = 0;
    for (let t = start - nBase; t < start; t++) base += lead[t];
    base = nBase > 0 ? base / nBase : lead[start];
    return Float64Array.from({ length: input.windowSamples }, (_, t) => lead[start + t] - base);
  });
}

/**
 * The QRS end of the beat that starts the window, ms after the window start: waves.ts's J point from the spatial
 * velocity of the band-passed leads (the same estimate the app's QRS/ST/T split uses; always in [60, 180] ms).
 */
export function windowQrsOffsetMs(input: CineInput): number {
  return delineateBeat(input.filteredMv, input.fsHz, windowStartSample(input)).qrsOffsetMs;
}
