/**
 * One explanation judged against one expert's marks, for the app's side panel ("how well does this map agree with
 * the annotation?"): the same definitions as the pool, at a given θ (e.g. the study's θ*) or at the θ best for this
 * case alone (then say so: a per-case optimum flatters the map).
 */
import { MODEL_FS_HZ } from '../constants';
import { STANDARD_LEADS } from '../ecg/types';
import { THRESHOLDS, sweepCase } from './agreement';
import { EvalError } from './eval-error';
import type { AgreementCase, PostProcess } from './importance';
import { MODALITY_OF, SOURCE_CHANNELS, type PoolSource } from './pool-types';
import { segmentsToMask } from './protocol';
import { type CaseLabel, type Segment, TRAJECTORY_LEAD } from './study-format';

export interface ExplanationAgreement {
  threshold: number;
  /** True when θ was chosen for this case alone. */
  optimisedForCase: boolean;
  dice: number;
  iou: number;
  spearman: number | null;
}

/** Null when the expert marked nothing in the source's modality. `phi` is [T × C] time-major ([T] for 'mapped'). */
export function explanationAgreement(o: {
  phi: ArrayLike<number>;
  source: PoolSource;
  label: CaseLabel;
  segments: readonly Segment[];
  postprocess: PostProcess;
  threshold?: number;
}): ExplanationAgreement | null {
  const C = SOURCE_CHANNELS[o.source];
  if (o.phi.length % C !== 0)
    throw new EvalError('bad-input', `Φ has ${o.phi.length} values, not a whole number of ${C}-channel samples`, 'phi');
  const T = o.phi.length / C;
  const modality = MODALITY_OF[o.source];
  const marks = o.segments.filter((s) => s.modality === modality);
  const masks =
    modality === '12-lead'
      ? segmentsToMask(marks, STANDARD_LEADS, T, MODEL_FS_HZ)
      : Array(C).fill(segmentsToMask(marks, [TRAJECTORY_LEAD], T, MODEL_FS_HZ)[0]);
  const c: AgreementCase = {
    id: 'explanation',
    label: o.label,
    channels: masks.map((mask: Uint8Array, ch: number) => ({
      phi: Float64Array.from({ length: T }, (_, t) => o.phi[t * C + ch]),
      mask,
    })),
  };
  const s = sweepCase(c, o.postprocess);
  if (!s) return null;
  let k: number;
  if (o.threshold !== undefined) {
    k = THRESHOLDS.findIndex((t) => Math.abs(t - o.threshold!) < 1e-9);
    if (k < 0) throw new EvalError('bad-input', `threshold ${o.threshold} is not one of 0, 0.01, …, 1`, 'threshold');
  } else {
    k = 0;
    for (let i = 1; i < THRESHOLDS.length; i++) if (s.dice[i] > s.dice[k]) k = i;
  }
  return {
    threshold: THRESHOLDS[k],
    optimisedForCase: o.threshold === undefined,
    dice: s.dice[k],
    iou: s.iou[k],
    spearman: s.spearman,
  };
}
