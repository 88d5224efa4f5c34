/**
 * An attribution map against a synthetic case's truth, as the evaluation core scores it (src/core/eval: Dice and IoU
 * at θ*, Spearman ρ). One place for the benchmark (scripts/synth/benchmark.ts) and the app's "attribution vs truth"
 * readout, so both score the same thing the same way.
 *
 * Sources: 'leads' — Φ per lead of a 12-lead map against that lead's mask; 'mapped' — Φ_d (eq. 2) against "some lead's
 * mask has t"; 'cine' — each channel of a [T × 3] CineECG-model map against that same union (the mask of a CineECG map:
 * a time sample is in it when any lead's mask has it).
 */
import { cohortAgreement } from '../eval/agreement';
import type { AgreementCase, PostProcess } from '../eval/importance';
import { mappedPhi } from '../xai/mapping';

export type TruthSource = 'leads' | 'mapped' | 'cine';

/** 1 where any lead's window mask has the sample. */
export function unionOfLeads(maskByLead: readonly Uint8Array[]): Uint8Array {
  const T = maskByLead[0]?.length ?? 0;
  return Uint8Array.from({ length: T }, (_, t) => (maskByLead.some((m) => m[t] === 1) ? 1 : 0));
}

/**
 * The agreement case of a time-major map phi [T × C] (C = 12 for 'leads' and 'mapped', 3 for 'cine') against the truth
 * in the same window (one 0/1 array per lead, standard order). Always labelled abnormal: the truth marks the change.
 */
export function truthAgreementCase(
  id: string,
  phi: Float32Array,
  C: number,
  maskByLead: readonly Uint8Array[],
  source: TruthSource,
): AgreementCase {
  const T = phi.length / C;
  if (!Number.isInteger(T)) throw new Error(`map of ${phi.length} values is not [T × ${C}]`);
  if (maskByLead.length !== 12 || maskByLead.some((m) => m.length !== T))
    throw new Error(`truth must be 12 leads × ${T} samples, got ${maskByLead.length} × ${maskByLead[0]?.length}`);
  const channel = (c: number) => Array.from({ length: T }, (_, t) => phi[t * C + c]);
  if (source === 'leads') {
    if (C !== 12) throw new Error(`source 'leads' needs a 12-lead map, got ${C} channels`);
    return { id, label: 'abnormal', channels: maskByLead.map((mask, l) => ({ phi: channel(l), mask })) };
  }
  const union = unionOfLeads(maskByLead);
  if (source === 'mapped') return { id, label: 'abnormal', channels: [{ phi: mappedPhi(phi, C), mask: union }] };
  if (C !== 3) throw new Error(`source 'cine' needs a [T × 3] CineECG map, got ${C} channels`);
  return { id, label: 'abnormal', channels: [0, 1, 2].map((c) => ({ phi: channel(c), mask: union })) };
}

export interface TruthScore {
  /** θ* of this one case (the smallest θ with its highest Dice); null when the truth is empty. */
  threshold: number | null;
  dice: number | null;
  iou: number | null;
  spearman: number | null;
}

/** One case's agreement with its truth at its own θ* (null metrics when the truth marks nothing, e.g. a twin). */
export function truthScore(c: AgreementCase, post: PostProcess): TruthScore {
  const a = cohortAgreement([c], post);
  const row = a.cases[0];
  return { threshold: a.threshold, dice: row.dice, iou: row.iou, spearman: row.spearman };
}
