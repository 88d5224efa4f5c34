import type { Modality, Study } from '../../core/eval/study-format';

/**
 * Which modality the expert may mark now (paper 3.5: the two are annotated independently). With a fixed order the
 * second opens when the first is marked done; with 'free' both are open and the order used is recorded.
 */
export function markingOpen(order: Study['modalityOrder'], done: readonly Modality[]): Record<Modality, boolean> {
  if (order === 'free') return { '12-lead': true, cinecg: true };
  const first: Modality = order === '12-lead-first' ? '12-lead' : 'cinecg';
  const second: Modality = first === '12-lead' ? 'cinecg' : '12-lead';
  return { [first]: true, [second]: done.includes(first) } as Record<Modality, boolean>;
}

export const MODALITY_NAME: Record<Modality, string> = { '12-lead': '12-lead ECG', cinecg: '3D CineECG' };
