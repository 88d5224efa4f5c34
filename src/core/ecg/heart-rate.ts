/** Heart rate from the median RR interval of the detected beats; null with fewer than two beats. */
export function heartRateBpm(qrsOnsetsMs: readonly number[]): number | null {
  const rr = qrsOnsetsMs
    .slice(1)
    .map((t, i) => t - qrsOnsetsMs[i])
    .sort((a, b) => a - b);
  if (rr.length === 0) return null;
  const mid = rr.length >> 1;
  const median = rr.length % 2 ? rr[mid] : (rr[mid - 1] + rr[mid]) / 2;
  return median > 0 ? Math.round(60_000 / median) : null;
}

/** Heart rates outside this range (bpm) make a sampling rate the file does not state worth a second look. */
export const PLAUSIBLE_BPM: readonly [number, number] = [40, 150];

/**
 * For a record whose sampling rate the user gave or the reader assumed (a .npy stores none): when the heart rate at
 * that rate is implausible, a sentence naming the rate that would give a usual one (a 250 Hz array read at 500 Hz
 * doubles every rate and halves every interval). Null when the rate looks right or cannot be judged.
 */
export function rateCheck(fsHz: number, qrsOnsetsMs: readonly number[]): string | null {
  const bpm = heartRateBpm(qrsOnsetsMs);
  if (bpm === null || (bpm >= PLAUSIBLE_BPM[0] && bpm <= PLAUSIBLE_BPM[1])) return null;
  const factor = bpm < PLAUSIBLE_BPM[0] ? 2 : 0.5;
  return (
    `At ${fsHz} Hz the heart rate is ${bpm} bpm: if that is not this patient's, check the sampling rate ` +
    `(at ${fsHz * factor} Hz it would be ${Math.round(bpm * factor)} bpm). Times, the window and the prediction all ` +
    `depend on it.`
  );
}
