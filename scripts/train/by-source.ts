/**
 * Test metrics per data source (issue 14: where the model is weak), with the same 95% BCa intervals as the split's.
 * The prepared PTB-XL arrays are reported together and per set; a group with records of one class only gets its
 * accuracy (macro-F1 and AUROC need both classes) and says so.
 */
import { bcaInterval, type Interval } from '../../src/core/eval/bootstrap';
import { mulberry32 } from '../../src/core/random';
import type { DatasetEntry } from '../dataset/build';
import type { SourceName } from '../dataset/sources';
import { labelIndex } from './data';
import { splitMetrics, type SplitMetrics } from './evaluate';

export const SOURCE_GROUPS: { key: string; title: string; sources: SourceName[] }[] = [
  { key: 'ptbxl', title: 'PTB-XL raw WFDB (mV)', sources: ['ptbxl'] },
  {
    key: 'ptbxl-prepared',
    title: 'PTB-XL prepared arrays (both z-scored sets)',
    sources: ['ptbxl-zscored', 'ptbxl-zscored-250'],
  },
  { key: 'ptbxl-zscored', title: 'PTB-XL z-scored, 500 Hz float32', sources: ['ptbxl-zscored'] },
  {
    key: 'ptbxl-zscored-250',
    title: 'PTB-XL z-scored, 250 Hz float16 (resampled to 500 Hz)',
    sources: ['ptbxl-zscored-250'],
  },
  { key: 'ludb', title: 'LUDB', sources: ['ludb'] },
  { key: 'cinc', title: 'PhysioNet/CinC Challenge 2021 (incl. its PTB-XL HR* records)', sources: ['cinc'] },
];

export type SourceMetrics =
  | SplitMetrics
  | { n: number; normal: number; abnormal: number; accuracy: Interval; macroF1: null; auroc: null; note: string };

/** `p` is p(abnormal) per entry, in the order of `entries`. Groups with no record in `entries` are left out. */
export function metricsBySource(entries: DatasetEntry[], p: Float64Array): Record<string, SourceMetrics> {
  const out: Record<string, SourceMetrics> = {};
  for (const g of SOURCE_GROUPS) {
    const idx = entries.flatMap((e, k) => (g.sources.includes(e.source) ? [k] : []));
    if (!idx.length) continue;
    const sub = idx.map((k) => entries[k]);
    const ps = Float64Array.from(idx, (k) => p[k]);
    const y = sub.map(labelIndex);
    const normal = y.filter((v) => v === 0).length;
    if (normal >= 2 && sub.length - normal >= 2) {
      out[g.key] = splitMetrics(sub, ps);
      continue;
    }
    const correct = y.map((v, k) => (v === (ps[k] >= 0.5 ? 1 : 0) ? 1 : 0));
    const acc = bcaInterval(sub.length, (ii) => ii.reduce((s, i) => s + correct[i], 0) / ii.length, {
      random: mulberry32(2),
    });
    out[g.key] = {
      n: sub.length,
      normal,
      abnormal: sub.length - normal,
      accuracy: acc,
      macroF1: null,
      auroc: null,
      note: 'fewer than two records of one class: accuracy only',
    };
  }
  return out;
}
