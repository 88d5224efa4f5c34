/**
 * Inter-expert agreement on shared cases: the Dice between two experts' masks bounds what any explanation can
 * reach against either of them. Per modality, per case (mean over expert pairs) and pooled over all cases
 * (2 Σ|A∩B| / Σ(|A| + |B|), so long marks weigh more), on the same masks the pool uses.
 */
import { MODEL_FS_HZ, WINDOW_SAMPLES } from '../constants';
import { meanOf } from './agreement';
import { leadsOf } from './study-parse';
import { type AnnotationFile, type Modality } from './study-format';
import { segmentsToMask } from './protocol';

export interface InterExpertCase {
  caseId: string;
  experts: string[];
  /** Mean Dice over expert pairs; null when no pair marked anything in this modality. */
  dice: number | null;
}

export interface InterExpertModality {
  modality: Modality;
  cases: InterExpertCase[];
  /** Mean of the per-case values (nulls skipped). */
  meanDice: number | null;
  /** Dice of all pairs' marks pooled over cases. */
  pooledDice: number | null;
}

/** Dice of two masks over all their samples; null when both are empty. */
function overlap(a: Uint8Array, b: Uint8Array): { both: number; sum: number } {
  let both = 0;
  let sum = 0;
  for (let i = 0; i < a.length; i++) ((both += a[i] & b[i]), (sum += a[i] + b[i]));
  return { both, sum };
}

export function interExpertAgreement(files: readonly AnnotationFile[], T = WINDOW_SAMPLES): InterExpertModality[] {
  const caseIds = [...new Set(files.flatMap((f) => f.cases.map((c) => c.caseId)))];
  return (['12-lead', 'cinecg'] as const).map((modality) => {
    const leads = leadsOf(modality);
    // Flattened lead-after-lead masks: unmarked leads are zeros for both, which leaves Dice unchanged.
    const maskOf = (f: AnnotationFile, caseId: string) => {
      const a = f.cases.find((c) => c.caseId === caseId);
      if (!a) return null;
      const per = segmentsToMask(
        a.segments.filter((s) => s.modality === modality),
        leads,
        T,
        MODEL_FS_HZ,
      );
      const flat = new Uint8Array(T * leads.length);
      per.forEach((m, l) => flat.set(m, l * T));
      return flat;
    };
    let pooledBoth = 0;
    let pooledSum = 0;
    const cases: InterExpertCase[] = [];
    for (const caseId of caseIds) {
      const have: { id: string; mask: Uint8Array }[] = [];
      for (const f of files) {
        const mask = maskOf(f, caseId);
        if (mask) have.push({ id: f.expert.id, mask });
      }
      if (have.length < 2) continue;
      const pairDice: (number | null)[] = [];
      for (let i = 0; i < have.length; i++) {
        for (let j = i + 1; j < have.length; j++) {
          const o = overlap(have[i].mask, have[j].mask);
          pooledBoth += o.both;
          pooledSum += o.sum;
          pairDice.push(o.sum === 0 ? null : (2 * o.both) / o.sum);
        }
      }
      cases.push({ caseId, experts: have.map((h) => h.id), dice: meanOf(pairDice) });
    }
    return {
      modality,
      cases,
      meanDice: meanOf(cases.map((c) => c.dice)),
      pooledDice: pooledSum === 0 ? null : (2 * pooledBoth) / pooledSum,
    };
  });
}
