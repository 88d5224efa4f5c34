import { mulberry32 } from '../../src/core/random';
import type { SourceRecord } from './sources';

export type Split = 'train' | 'val' | 'test';

/** PTB-XL strat_fold → split. Fold 10 (PTB-XL's own test fold) is not in the data; 9 is its other human-validated fold. */
export function ptbxlFoldSplit(fold: number): Split {
  if (!Number.isInteger(fold) || fold < 1 || fold > 9)
    throw new Error(`PTB-XL strat_fold ${fold} has no split (folds 1–9 are in the data)`);
  return fold <= 7 ? 'train' : fold === 8 ? 'val' : 'test';
}

export const SPLIT_RULE =
  'PTB-XL (raw, both z-scored array sets, Challenge HR*) by strat_fold: 1-7 train, 8 val, 9 test; other sources (one record per patient) stratified 60/20/20 by (source, label) with mulberry32(seed); a patient never spans splits (checked)';

/**
 * Patient-level split, reproducible from a seed.
 * - PTB-XL records by strat_fold (ptbxlFoldSplit). PTB-XL's folds keep each patient in one fold and are stratified
 *   by diagnosis; fold 9 is human-validated, as the PTB-XL authors recommend for evaluation.
 * - Other sources (one record per patient): shuffled with the seed within each (source, label) stratum,
 *   then cut 60/20/20, so both classes are represented in every split.
 * Throws if any patient key ends up in two splits.
 */
export function assignSplits(records: SourceRecord[], seed: number): Map<string, Split> {
  const out = new Map<string, Split>();
  const strata = new Map<string, SourceRecord[]>();
  for (const r of records) {
    if (r.stratFold !== undefined) out.set(r.id, ptbxlFoldSplit(r.stratFold));
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
  const patientSplit = new Map<string, { split: Split; id: string }>();
  for (const r of records) {
    const s = out.get(r.id)!;
    const seen = patientSplit.get(r.patient);
    if (seen && seen.split !== s)
      throw new Error(`patient ${r.patient} spans splits: ${seen.id} in ${seen.split}, ${r.id} in ${s}`);
    patientSplit.set(r.patient, { split: s, id: r.id });
  }
  return out;
}
