import { median } from '../../quantile';
import type { WfdbAnnotation } from './annotations';

/**
 * Waves from LUDB's per-lead annotation files (one file per lead: N.i, N.ii, ... N.v6).
 *
 * LUDB marks each wave with three annotations: '(' onset, a peak symbol ('p' P wave,
 * 'N' QRS, 't' T wave) and ')' offset. Most of the database follows that pattern exactly,
 * but a few leads do not, and the reader below tolerates what the files really contain:
 *  - a peak with no '(' (paced records 34, 95, 104 and QS complexes in record 7, 111:
 *    the 'N' sits on the onset itself), so `onsetSample` is left undefined;
 *  - a '(' one or two samples *after* its peak ("N ( )"), taken as that wave's onset,
 *    so `onsetSample` may exceed `peakSample` by up to LATE_ONSET_SAMPLES;
 *  - a '(' ... ')' pair with no peak at all (record 8 V5): the wave type is unknown,
 *    so it is dropped;
 *  - stacked duplicate marks "((((tttt))))" (record 116 V1, V2), paired first-to-first.
 */
export type WaveKind = 'P' | 'QRS' | 'T';

export interface Wave {
  wave: WaveKind;
  onsetSample?: number;
  peakSample: number;
  offsetSample?: number;
}

/** A '(' this close after a peak that still lacks an onset is that peak's (late) onset. */
export const LATE_ONSET_SAMPLES = 5;

// Every beat type of ecgcodes.h marks a QRS complex; LUDB itself only uses 'N'.
const QRS_SYMBOLS = new Set(['N', 'L', 'R', 'a', 'V', 'F', 'J', 'A', 'S', 'E', 'j', '/', 'Q', 'e', 'n', 'f', 'r', 'B']);

function waveKind(symbol: string): WaveKind | undefined {
  if (symbol === 'p') return 'P';
  if (symbol === 't') return 'T';
  return QRS_SYMBOLS.has(symbol) ? 'QRS' : undefined;
}

/** Waves of one lead, sorted by peak. Other annotations (notes, 'u', rhythm) are ignored. */
export function extractWaves(annotations: readonly WfdbAnnotation[]): Wave[] {
  // Time order; the sort is stable, so marks at the same sample keep their file order.
  const marks = [...annotations].sort((a, b) => a.sample - b.sample);
  const done: Wave[] = [];
  const pendingOnsets: number[] = []; // '(' not yet given to a peak
  let open: Wave[] = []; // waves with a peak, waiting for their ')'
  const flush = (keep: (w: Wave) => boolean) => {
    for (const w of open) if (!keep(w)) done.push(w);
    open = open.filter(keep);
  };

  for (const m of marks) {
    if (m.symbol === '(') {
      const last = open[open.length - 1];
      if (
        last &&
        last.onsetSample === undefined &&
        pendingOnsets.length === 0 &&
        m.sample - last.peakSample <= LATE_ONSET_SAMPLES
      ) {
        last.onsetSample = m.sample;
        continue;
      }
      // A new wave starts: whatever is still open will never get its ')'.
      flush(() => false);
      pendingOnsets.push(m.sample);
    } else if (m.symbol === ')') {
      const w = open.shift();
      if (w) {
        w.offsetSample = m.sample;
        done.push(w);
      } else {
        pendingOnsets.shift(); // '(' ')' without a peak (or a stray ')'): type unknown, dropped
      }
    } else {
      const kind = waveKind(m.symbol);
      if (!kind) continue;
      // Open waves of another kind lost their ')'. Same-kind waves stay open only while
      // stacked '(' remain for the new peak (the duplicate-mark case); otherwise they end too.
      flush((w) => w.wave === kind && pendingOnsets.length > 0);
      open.push({ wave: kind, onsetSample: pendingOnsets.shift(), peakSample: m.sample });
    }
  }
  flush(() => false);
  return done.map((w) => stripUndefined(w)).sort((a, b) => a.peakSample - b.peakSample);
}

function stripUndefined(w: Wave): Wave {
  const out: Wave = { wave: w.wave, peakSample: w.peakSample };
  if (w.onsetSample !== undefined) out.onsetSample = w.onsetSample;
  if (w.offsetSample !== undefined) out.offsetSample = w.offsetSample;
  return out;
}

/** One QRS complex seen across the leads. Lead indices follow the `perLead` argument. */
export interface QrsAcrossLeads {
  /** Peak per lead; undefined where that lead has no QRS for this beat. */
  peakByLead: (number | undefined)[];
  /** Onset per lead; undefined where that lead has no QRS or its QRS has no '('. */
  onsetByLead: (number | undefined)[];
  /** Median of the peaks present: a stable position for matching a detector's beats. */
  medianPeakSample: number;
  /**
   * The global QRS onset: the earliest onset over all leads. This is the usual convention
   * (CSE working party; a wave starts when it starts in any lead, since a lead that sees
   * the depolarisation front end-on shows it late), so compare a detector's onset with it.
   * Undefined when no lead has an onset.
   */
  earliestOnsetSample?: number;
  /** Median of the per-lead onsets: less sensitive to a single lead's stray mark. */
  medianOnsetSample?: number;
}

/**
 * Groups the QRS complexes of several leads into beats by peak proximity: sorted by peak,
 * a QRS joins the current beat when its peak is within `toleranceSamples` of the previous
 * peak and its lead is not in the beat yet. Chaining (rather than measuring from the beat's
 * first peak) matters: in wide or fragmented complexes the annotated peaks of one beat
 * spread over more than 100 ms across the leads, while consecutive gaps stay small.
 * 50 samples = 100 ms at LUDB's 500 Hz, far below any RR interval.
 */
export function qrsOnsetsAcrossLeads(perLead: readonly (readonly Wave[])[], toleranceSamples = 50): QrsAcrossLeads[] {
  const all = perLead
    .flatMap((waves, lead) => waves.filter((w) => w.wave === 'QRS').map((w) => ({ lead, w })))
    .sort((a, b) => a.w.peakSample - b.w.peakSample);
  const groups: { lead: number; w: Wave }[][] = [];
  for (const item of all) {
    const g = groups[groups.length - 1];
    const fits =
      g !== undefined &&
      item.w.peakSample - g[g.length - 1].w.peakSample <= toleranceSamples &&
      !g.some((x) => x.lead === item.lead);
    if (fits) g.push(item);
    else groups.push([item]);
  }
  return groups.map((g) => {
    const peakByLead: (number | undefined)[] = perLead.map(() => undefined);
    const onsetByLead: (number | undefined)[] = perLead.map(() => undefined);
    for (const { lead, w } of g) {
      peakByLead[lead] = w.peakSample;
      onsetByLead[lead] = w.onsetSample;
    }
    const onsets = onsetByLead.filter((x): x is number => x !== undefined);
    const out: QrsAcrossLeads = { peakByLead, onsetByLead, medianPeakSample: median(g.map((x) => x.w.peakSample)) };
    if (onsets.length > 0) {
      out.earliestOnsetSample = Math.min(...onsets);
      out.medianOnsetSample = median(onsets);
    }
    return out;
  });
}
