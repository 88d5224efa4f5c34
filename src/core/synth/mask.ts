/**
 * The ground truth of a synthetic record: a sample of a lead is in the mask exactly when |record − twin| ≥ 0.02 mV.
 * Computed on the stored digital values (gain 1000/mV: 1 unit = 1 µV), so the rule holds exactly for the files a
 * reader gets back, with no rounding between what is written and what is judged.
 */
import { STANDARD_LEADS } from '../ecg/types';

/** |record − twin| ≥ 0.02 mV. */
export const MASK_THRESHOLD_MV = 0.02;

/** Half-open [start, end) sample ranges. */
export type SampleRange = [number, number];

/** Ranges where |a − b| ≥ threshold (digital units), for one lead. */
export function differenceRanges(a: ArrayLike<number>, b: ArrayLike<number>, thresholdDigital: number): SampleRange[] {
  if (a.length !== b.length) throw new Error(`record and twin differ in length: ${a.length} vs ${b.length}`);
  const out: SampleRange[] = [];
  let start = -1;
  for (let s = 0; s <= a.length; s++) {
    const inside = s < a.length && Math.abs(a[s] - b[s]) >= thresholdDigital;
    if (inside && start < 0) start = s;
    else if (!inside && start >= 0) (out.push([start, s]), (start = -1));
  }
  return out;
}

/** The mask of every standard lead, by lead name (empty list: nothing differs). */
export function truthMask(
  record: readonly ArrayLike<number>[],
  twin: readonly ArrayLike<number>[],
  gainPerMv: number,
): Record<string, SampleRange[]> {
  const threshold = Math.round(MASK_THRESHOLD_MV * gainPerMv);
  return Object.fromEntries(STANDARD_LEADS.map((name, l) => [name, differenceRanges(record[l], twin[l], threshold)]));
}

/** Ranges → 0/1 per sample of [from, from + length) (e.g. the model window), one array per lead. */
export function maskInWindow(mask: Record<string, SampleRange[]>, from: number, length: number): Uint8Array[] {
  return STANDARD_LEADS.map((name) => {
    const m = new Uint8Array(length);
    for (const [a, b] of mask[name] ?? [])
      for (let s = Math.max(a, from); s < Math.min(b, from + length); s++) m[s - from] = 1;
    return m;
  });
}
