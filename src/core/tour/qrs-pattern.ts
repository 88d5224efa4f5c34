/**
 * QRS morphology of one lead in the usual letters (q, R, S, R′ …): the deflections between QRS onset and offset (the
 * global delineation of waves.ts), each measured from the lead's level just before QRS onset.
 *
 * A deflection is a run of one sign whose peak reaches MIN_WAVE_MV (smaller wiggles are merged into their
 * neighbours); negative before the first positive is Q, positives are R, R′, negatives after an R are S, S′. A wave
 * is written in capitals when it is at least half the lead's largest deflection, in small letters otherwise (the
 * common relative convention). A lead with one negative deflection only is QS.
 */

/** Smallest deflection counted as a wave, mV (half a small box at 10 mm/mV). */
export const MIN_WAVE_MV = 0.05;
/** A wave at least this fraction of the lead's largest is written in capitals. */
export const CAPITAL_FRACTION = 0.5;

export interface QrsWave {
  letter: string;
  /** Signed peak, mV from the pre-QRS level. */
  peakMv: number;
  /** ms after QRS onset. */
  peakMs: number;
  startMs: number;
  endMs: number;
}

export interface QrsPattern {
  /** e.g. "qR", "rS", "rSR′", "QS"; "" when no deflection reaches MIN_WAVE_MV. */
  pattern: string;
  waves: QrsWave[];
}

interface Run {
  sign: 1 | -1;
  from: number;
  to: number;
  peak: number;
  peakAt: number;
}

/** Sign runs of x (values already relative to the baseline). Zero samples join the run before them. */
function signRuns(x: ArrayLike<number>): Run[] {
  const runs: Run[] = [];
  for (let t = 0; t < x.length; t++) {
    const sign: 1 | -1 = x[t] > 0 ? 1 : x[t] < 0 ? -1 : (runs.at(-1)?.sign ?? 1);
    const last = runs.at(-1);
    if (last && last.sign === sign) {
      last.to = t + 1;
      if (Math.abs(x[t]) > Math.abs(last.peak)) [last.peak, last.peakAt] = [x[t], t];
    } else runs.push({ sign, from: t, to: t + 1, peak: x[t], peakAt: t });
  }
  return runs;
}

/** Merges runs under the minimum into a neighbour, then joins neighbours of the same sign. */
function significant(runs: Run[]): Run[] {
  const kept = runs.filter((r) => Math.abs(r.peak) >= MIN_WAVE_MV);
  const out: Run[] = [];
  for (const r of kept) {
    const last = out.at(-1);
    if (last && last.sign === r.sign) {
      last.to = r.to;
      if (Math.abs(r.peak) > Math.abs(last.peak)) [last.peak, last.peakAt] = [r.peak, r.peakAt];
    } else out.push({ ...r });
  }
  return out;
}

/**
 * The pattern of `lead` over samples [from, to) (QRS onset to offset), relative to `baselineMv`.
 * `fsHz` turns samples into ms after `from`.
 */
export function qrsPattern(
  lead: ArrayLike<number>,
  from: number,
  to: number,
  baselineMv: number,
  fsHz: number,
): QrsPattern {
  if (!(from >= 0 && to <= lead.length && to > from))
    throw new Error(`QRS span [${from}, ${to}) lies outside the lead (${lead.length} samples)`);
  const x = Float64Array.from({ length: to - from }, (_, i) => lead[from + i] - baselineMv);
  const runs = significant(signRuns(x));
  if (runs.length === 0) return { pattern: '', waves: [] };
  const largest = Math.max(...runs.map((r) => Math.abs(r.peak)));
  const ms = (i: number) => (i * 1000) / fsHz;
  if (runs.length === 1 && runs[0].sign < 0) {
    const r = runs[0];
    return {
      pattern: 'QS',
      waves: [{ letter: 'QS', peakMv: r.peak, peakMs: ms(r.peakAt), startMs: ms(r.from), endMs: ms(r.to) }],
    };
  }
  let rCount = 0;
  let sCount = 0;
  const waves = runs.map((r): QrsWave => {
    let base: string;
    if (r.sign > 0) base = 'R' + '′'.repeat(rCount++);
    else if (rCount === 0) base = 'Q';
    else base = 'S' + '′'.repeat(sCount++);
    const letter = Math.abs(r.peak) >= CAPITAL_FRACTION * largest ? base : base.toLowerCase();
    return { letter, peakMv: r.peak, peakMs: ms(r.peakAt), startMs: ms(r.from), endMs: ms(r.to) };
  });
  return { pattern: waves.map((w) => w.letter).join(''), waves };
}

/**
 * Whether a pattern shows the named shape: "qR" (a small q, then a dominant R; a small s after it allowed), "rS" (a
 * small r, then a dominant S; a small r′ after it allowed), "rsR′" (RBBB's M shape in any size of letters), or an exact
 * pattern otherwise.
 */
export function patternMatches(pattern: string, shape: string): boolean {
  if (shape === 'qR') return /^qR(s)?$/.test(pattern);
  if (shape === 'rS') return /^rS(r′)?$/.test(pattern);
  if (shape === 'rsR′') return /^[rR][sS][rR]′/.test(pattern);
  return pattern === shape;
}
