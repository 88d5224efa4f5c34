/**
 * From per-class attributions to what the views show (paper 3.4 and 3.6). Arrays are [T × C] time-major.
 */

/** Eq. 1: Φ = (A¹ − A⁰) / 2 per lead and time: positive = evidence for abnormal, negative = for normal. */
export function bipolarPhi(a0: Float32Array, a1: Float32Array): Float32Array {
  if (a0.length !== a1.length) throw new Error(`A⁰ has ${a0.length} values, A¹ has ${a1.length}`);
  return a1.map((v, j) => (v - a0[j]) / 2);
}

/**
 * Eq. 2: Φ_d(t) = Σ_lead Φ(t, lead) / max_t |Σ_lead Φ(t, lead)| ∈ [−1, 1], the value that colors the
 * CineECG trajectory at time t (the same for x, y and z). All zeros when Φ sums to zero everywhere.
 */
export function mappedPhi(phi: Float32Array, channels: number): Float32Array {
  const T = phi.length / channels;
  const sum = new Float32Array(T);
  for (let t = 0; t < T; t++) for (let c = 0; c < channels; c++) sum[t] += phi[t * channels + c];
  let max = 0;
  for (const v of sum) max = Math.max(max, Math.abs(v));
  return max === 0 ? sum : sum.map((v) => v / max);
}

export type PostProcessing = 'positive' | 'absolute' | 'scaled';

/**
 * Paper 3.6: Φ′ = −Φ for cases labelled normal (so evidence for the case's own class is positive), then
 * Positive = max(0, Φ′), Absolute = |Φ′|, Scaled = min-max normalisation of Φ′ to [0, 1] (all zeros when constant).
 */
export function postProcess(phi: Float32Array, caseLabel: 'normal' | 'abnormal', mode: PostProcessing): Float32Array {
  const aligned = caseLabel === 'normal' ? phi.map((v) => -v) : Float32Array.from(phi);
  switch (mode) {
    case 'positive':
      return aligned.map((v) => Math.max(0, v));
    case 'absolute':
      return aligned.map((v) => Math.abs(v));
    case 'scaled': {
      let lo = Infinity;
      let hi = -Infinity;
      for (const v of aligned) ((lo = Math.min(lo, v)), (hi = Math.max(hi, v)));
      return hi === lo ? new Float32Array(aligned.length) : aligned.map((v) => (v - lo) / (hi - lo));
    }
  }
}
