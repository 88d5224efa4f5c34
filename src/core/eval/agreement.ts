/**
 * Explanation–expert agreement (paper 3.6; issue 10 definitions 1–5, the contract of `cli agreement`):
 * per case Dice and IoU of (M ≥ θ) against the expert mask over the evaluated leads, θ swept over 0, 0.01, …, 1 and
 * fixed for the cohort at θ* = the smallest θ with the highest mean Dice; Spearman's ρ between M and the mask.
 */
import { THRESHOLD_STEP } from '../constants';
import { type AgreementCase, type PostProcess, evaluatedLeads, importanceMap } from './importance';
import { spearman } from './rank';

/** θ_k = k · 0.01 for k = 0…100, computed as k / 100 so that 0.07 is exactly the double nearest 0.07. */
export const THRESHOLDS: readonly number[] = Array.from(
  { length: Math.round(1 / THRESHOLD_STEP) + 1 },
  (_, k) => k / Math.round(1 / THRESHOLD_STEP),
);

/** A case's metrics at every θ (Dice and IoU) and its threshold-free Spearman ρ; null when it is not evaluated. */
export interface CaseSweep {
  dice: Float64Array;
  iou: Float64Array;
  spearman: number | null;
}

export function sweepCase(c: AgreementCase, mode: PostProcess): CaseSweep | null {
  const ev = evaluatedLeads(c);
  if (!ev) return null;
  const m = importanceMap(ev.phiAligned, mode);
  const dice = new Float64Array(THRESHOLDS.length);
  const iou = new Float64Array(THRESHOLDS.length);
  let g = 0;
  for (const v of ev.mask) g += v;
  // Sort once, highest M first; then for θ falling from 1 to 0 the predicted set only grows, so one pointer
  // counts |P| and |P ∩ G| for all 101 thresholds (M ≥ θ exactly as the definition says).
  const order = Int32Array.from({ length: m.length }, (_, i) => i).sort((i, j) => m[j] - m[i]);
  let p = 0;
  let both = 0;
  for (let k = THRESHOLDS.length - 1; k >= 0; k--) {
    const theta = THRESHOLDS[k];
    while (p < order.length && m[order[p]] >= theta) both += ev.mask[order[p++]];
    // g ≥ 1 for an evaluated case, so neither denominator is 0.
    dice[k] = (2 * both) / (p + g);
    iou[k] = both / (p + g - both);
  }
  return { dice, iou, spearman: spearman(m, ev.mask) };
}

export interface CaseAgreement {
  id: string;
  dice: number | null;
  iou: number | null;
  spearman: number | null;
}

export interface CohortAgreement {
  /** θ*, or null when no case is evaluated. */
  threshold: number | null;
  meanDice: number | null;
  meanIou: number | null;
  /** Mean over cases with a Spearman ρ (nulls skipped); null when none has one. */
  meanSpearman: number | null;
  cases: CaseAgreement[];
}

/** The cohort sweep: θ* and every case's metrics at θ* (null for cases without marks). */
export function cohortAgreement(cases: readonly AgreementCase[], mode: PostProcess): CohortAgreement {
  return agreementFromSweeps(cases.map((c) => ({ id: c.id, sweep: sweepCase(c, mode) })));
}

/** The same from precomputed sweeps (the pool sweeps each case once per configuration and reuses it). */
export function agreementFromSweeps(rows: readonly { id: string; sweep: CaseSweep | null }[]): CohortAgreement {
  const evaluated = rows.filter((r) => r.sweep !== null).map((r) => r.sweep!);
  let best = -1;
  let bestMean = -Infinity;
  if (evaluated.length > 0) {
    for (let k = 0; k < THRESHOLDS.length; k++) {
      let s = 0;
      for (const e of evaluated) s += e.dice[k];
      const mean = s / evaluated.length;
      if (mean > bestMean) ((bestMean = mean), (best = k)); // strictly greater: the smallest θ wins ties
    }
  }
  const cases = rows.map((r): CaseAgreement => ({
    id: r.id,
    dice: r.sweep && best >= 0 ? r.sweep.dice[best] : null,
    iou: r.sweep && best >= 0 ? r.sweep.iou[best] : null,
    spearman: r.sweep ? r.sweep.spearman : null,
  }));
  return {
    threshold: best >= 0 ? THRESHOLDS[best] : null,
    meanDice: best >= 0 ? bestMean : null,
    meanIou: meanOf(cases.map((c) => c.iou)),
    meanSpearman: meanOf(cases.map((c) => c.spearman)),
    cases,
  };
}

/** Mean of the non-null values; null when there are none. */
export function meanOf(values: readonly (number | null)[]): number | null {
  const v = values.filter((x): x is number => x !== null);
  return v.length === 0 ? null : v.reduce((a, b) => a + b, 0) / v.length;
}
