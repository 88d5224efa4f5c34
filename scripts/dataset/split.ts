import { mulberry32 } from '../../src/core/random';
import type { SourceRecord } from './sources';

export type Split = 'train' | 'val' | 'test';

/**
 * Patient-level 60/20/20 split, reproducible from a seed.
 * - PTB-XL (raw and pre-z-scored) by strat_fold: folds 1–6 train, 7–8 val, 9–10 test. PTB-XL's folds keep each
 *   patient in one fold and are stratified by diagnosis; 9 and 10 are its human-validated folds, which the
 *   PTB-XL authors recommend for evaluation.
 * - Other sources (one record per patient): shuffled with the seed within each (source, label) stratum,
 *   then cut 60/20/20, so both classes are represented in every split.
 */
export function assignSplits(records: SourceRecord[], seed: number): Map<string, Split> {
  const out = new Map<string, Split>();
  const strata = new Map<string, SourceRecord[]>();
  for (const r of records) {
    if (r.stratFold !== undefined) out.set(r.id, r.stratFold <= 6 ? 'train' : r.stratFold <= 8 ? 'val' : 'test');
    else strata.set(`${r.source}/${r.label}`, [...(strata.get(`${r.source}/${r.label}`) ?? []), r]);
  }
  const rand = mulberry32(seed);
  for (const key of [...strata.keys()].sort()) {
    const group = [...strata.get(key)!].sort((a, b) => (a.id < b.id ? -1 : 1));
    for (let i = group.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [group[i], group[j]] = [group[j], group[i]];
    }
    const nTrain = Math.round(group.length * 0.6);
    const nVal = Math.round(group.length * 0.2);
    group.forEach((r, k) => out.set(r.id, k < nTrain ? 'train' : k < nTrain + nVal ? 'val' : 'test'));
  }
  return out;
}
