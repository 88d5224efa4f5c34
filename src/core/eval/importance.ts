/**
 * From the bipolar map Φ to the importance map M the agreement metrics use (paper 3.6, issue 10 definitions 1–3),
 * restricted to the leads the expert marked. Channel-major plain arrays: no TF.js, no DOM.
 */
import type { CaseLabel } from './study-format';

export type PostProcess = 'positive' | 'absolute' | 'scaled';
export const POST_PROCESSES: readonly PostProcess[] = ['positive', 'absolute', 'scaled'];

/** One case for the agreement metrics: per lead (channel) Φ over time and the expert's 0/1 mask over time. */
export interface AgreementCase {
  id: string;
  label: CaseLabel;
  /** channels[l].phi[t] = Φ(t, l); channels[l].mask[t] ∈ {0, 1}. A [T] map is one channel. */
  channels: { phi: ArrayLike<number>; mask: ArrayLike<number> }[];
}

/**
 * The evaluated leads (those with at least one marked sample) flattened lead after lead: Φ′ (sign flipped for a
 * normal case) and the mask. Null when nothing is marked: the case is excluded (definition 2).
 */
export function evaluatedLeads(c: AgreementCase): { phiAligned: Float64Array; mask: Uint8Array } | null {
  const used = c.channels.filter((ch) => Array.prototype.some.call(ch.mask, (v: number) => v === 1));
  if (used.length === 0) return null;
  const n = used.reduce((a, ch) => a + ch.phi.length, 0);
  const phiAligned = new Float64Array(n);
  const mask = new Uint8Array(n);
  const sign = c.label === 'normal' ? -1 : 1;
  let k = 0;
  for (const ch of used) {
    for (let t = 0; t < ch.phi.length; t++, k++) {
      phiAligned[k] = sign * ch.phi[t];
      mask[k] = ch.mask[t] === 1 ? 1 : 0;
    }
  }
  return { phiAligned, mask };
}

/**
 * Definition 3: positive M = max(0, Φ′) and absolute M = |Φ′|, each divided by its maximum (left at 0 when that is
 * 0); scaled M = (Φ′ − min) / (max − min), 0 when max = min. So M ∈ [0, 1] and the θ sweep covers it.
 */
export function importanceMap(phiAligned: ArrayLike<number>, mode: PostProcess): Float64Array {
  const n = phiAligned.length;
  const m = new Float64Array(n);
  if (mode === 'scaled') {
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < n; i++) ((lo = Math.min(lo, phiAligned[i])), (hi = Math.max(hi, phiAligned[i])));
    if (hi > lo) for (let i = 0; i < n; i++) m[i] = (phiAligned[i] - lo) / (hi - lo);
    return m;
  }
  let max = 0;
  for (let i = 0; i < n; i++) {
    m[i] = mode === 'positive' ? Math.max(0, phiAligned[i]) : Math.abs(phiAligned[i]);
    max = Math.max(max, m[i]);
  }
  if (max > 0) for (let i = 0; i < n; i++) m[i] /= max;
  return m;
}
