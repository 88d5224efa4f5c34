import type * as tf from '@tensorflow/tfjs';
import { IG_STEPS, NOISE_SAMPLES, NOISE_SIGMA } from '../constants';
import { gaussian, mulberry32 } from '../random';
import {
  CLASS_DIRECTIONS,
  differentiable,
  inputGradientsAlong,
  type LogitDirection,
  logitsOf,
  PHI_DIRECTION,
} from './input-gradient';
import { quadrature, type IntegrationRule } from './quadrature';
import { Cancelled, type AttributionResult, type ProgressFn, type StopCheck } from './types';

export interface IgOptions {
  steps: number;
  rule: IntegrationRule;
  /** x′; zeros (the z-scored mean) when omitted. */
  baseline?: Float32Array;
  /** Noise tunnel (SmoothGrad over IG, as captum's NoiseTunnel 'smoothgrad'): copies of x with Gaussian noise; 0 = plain IG. */
  noiseSamples: number;
  sigma: number;
  /**
   * 'absolute': σ in the units of the model input, i.e. z-scores (the input is z-scored per lead), as captum's
   * `stdevs`. 'relative': σ × (max − min) of the window.
   */
  sigmaUnit: 'absolute' | 'relative';
  /** Model evaluations per batch. */
  batchSize: number;
  seed: number;
  onProgress?: ProgressFn;
  shouldStop?: StopCheck;
  /**
   * Progressive display: called after each batch that completes at least one more noisy copy, with the mean over
   * the copies done so far (the noise tunnel's running mean; plain IG has one copy, so it comes once, at the end).
   * The last call covers every copy and equals the final attributions.
   */
  onPartial?: (p: PartialAttributions) => void;
}

export interface PartialAttributions {
  /** Per direction (A⁰, A¹ for the classes; Φ alone for `integratedGradientsPhi`), [T × C]. */
  attributions: Float32Array[];
  copiesDone: number;
  copies: number;
}

/** Φ = (A¹ − A⁰)/2 (eq. 1) computed directly: one backward pass of (f₁ − f₀)/2 per path point instead of two. */
export interface PhiResult {
  phi: Float32Array;
  /** Σ Φ − ((f₁ − f₀)/2 at x − the same at x′), averaged over noisy copies: the completeness of Φ. */
  delta: number;
  logits: [number, number];
  baselineLogits: [number, number];
}

export const DEFAULT_IG: IgOptions = {
  steps: IG_STEPS,
  rule: 'gausslegendre',
  noiseSamples: NOISE_SAMPLES,
  sigma: NOISE_SIGMA,
  sigmaUnit: 'absolute',
  batchSize: 50,
  seed: 0,
};

/**
 * Integrated Gradients (Sundararajan et al. 2017) on each logit k: A_k = (x − x′) ⊙ Σ_i w_i ∇f_k(x′ + α_i (x − x′)),
 * with captum's quadrature rules; averaged over noisy copies of x when the noise tunnel is on. Backend-agnostic:
 * the same code runs in the browser worker and in Node. All path points are batched; every tensor is disposed.
 */
export async function integratedGradients(
  model: tf.LayersModel,
  x: Float32Array,
  options: Partial<IgOptions> = {},
): Promise<AttributionResult> {
  const r = await igAlong(model, x, options, CLASS_DIRECTIONS);
  return {
    attributions: [r.attributions[0], r.attributions[1]],
    delta: [r.delta[0], r.delta[1]],
    logits: r.logits,
    baselineLogits: r.baselineLogits,
  };
}

/** Φ of eq. 1 by IG on (f₁ − f₀)/2: the same numbers as bipolarPhi(integratedGradients(…)) in half the gradients. */
export async function integratedGradientsPhi(
  model: tf.LayersModel,
  x: Float32Array,
  options: Partial<IgOptions> = {},
): Promise<PhiResult> {
  const r = await igAlong(model, x, options, [PHI_DIRECTION]);
  return { phi: r.attributions[0], delta: r.delta[0], logits: r.logits, baselineLogits: r.baselineLogits };
}

/** The inputs IG explains: x itself, or its noisy copies (the noise tunnel); exported for the PyTorch anchor. */
export function noisyCopies(
  x: Float32Array,
  o: Pick<IgOptions, 'noiseSamples' | 'sigma' | 'sigmaUnit' | 'seed'>,
): Float32Array[] {
  if (o.noiseSamples <= 0) return [x];
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of x) ((lo = Math.min(lo, v)), (hi = Math.max(hi, v)));
  const sd = o.sigmaUnit === 'relative' ? o.sigma * (hi - lo) : o.sigma;
  const g = gaussian(mulberry32(o.seed));
  return Array.from({ length: o.noiseSamples }, () => x.map((v) => v + sd * g()));
}

/** IG of d·f for each logit direction d; the noisy copies, path points and batches are shared by all directions. */
async function igAlong(
  model: tf.LayersModel,
  x: Float32Array,
  options: Partial<IgOptions>,
  directions: readonly LogitDirection[],
) {
  const o = { ...DEFAULT_IG, ...options };
  const n = x.length;
  const [, T, C] = model.inputs[0].shape as [null, number, number];
  if (n !== T * C) throw new Error(`the model expects windows of ${T} × ${C} values, got ${n}`);
  const baseline = o.baseline ?? new Float32Array(n);
  const { alphas, weights } = quadrature(o.rule, o.steps);

  const copies = noisyCopies(x, o);

  // Σ_i w_i ∇(d·f) along each copy's path, per direction.
  const gradSums = copies.map(() => directions.map(() => new Float64Array(n)));
  const points: { copy: number; step: number }[] = [];
  copies.forEach((_, copy) => alphas.forEach((_, step) => points.push({ copy, step })));
  const total = points.length * directions.length;
  const f = differentiable(model);
  const partial = new RunningMean(copies, baseline, gradSums, directions.length);
  let done = 0;
  try {
    // With a progressive display the first batch is one copy, so the first picture comes after the fewest gradients.
    for (
      let start = 0, size = o.onPartial ? Math.min(o.batchSize, alphas.length) : o.batchSize;
      start < points.length;
      start += size, size = o.batchSize
    ) {
      if (await o.shouldStop?.()) throw new Cancelled();
      const batch = points.slice(start, start + size);
      const input = new Float32Array(batch.length * n);
      batch.forEach(({ copy, step }, b) => {
        const xc = copies[copy];
        const a = alphas[step];
        for (let j = 0; j < n; j++) input[b * n + j] = baseline[j] + a * (xc[j] - baseline[j]);
      });
      const perDirection = await inputGradientsAlong(f, input, [batch.length, T, C], directions);
      perDirection.forEach((g, k) => {
        batch.forEach(({ copy, step }, b) => {
          const acc = gradSums[copy][k];
          const w = weights[step];
          for (let j = 0; j < n; j++) acc[j] += w * g[b * n + j];
        });
      });
      done += batch.length * directions.length;
      o.onProgress?.(done / total, 'integrated gradients');
      if (o.onPartial) partial.report(Math.floor((start + batch.length) / alphas.length), o.onPartial);
    }
  } finally {
    f.dispose();
  }

  // Attributions and completeness per copy, then their mean.
  const evalLogits = await logitsOf(model, [...copies, baseline], T, C);
  const baselineLogits = evalLogits[copies.length];
  const attributions = partial.mean(copies.length);
  const delta = directions.map((d, k) => {
    let mean = 0;
    copies.forEach((xc, copy) => {
      let sum = 0;
      for (let j = 0; j < n; j++) sum += (xc[j] - baseline[j]) * gradSums[copy][k][j];
      const change =
        d[0] * (evalLogits[copy][0] - baselineLogits[0]) + d[1] * (evalLogits[copy][1] - baselineLogits[1]);
      mean += (sum - change) / copies.length;
    });
    return mean;
  });
  const [logits] = await logitsOf(model, [x], T, C);
  return { attributions, delta, logits, baselineLogits };
}

/** The running mean over completed copies: A = mean_copy (x_c − x′) ⊙ Σ_i w_i ∇. */
class RunningMean {
  private reported = 0;
  constructor(
    private readonly copies: Float32Array[],
    private readonly baseline: Float32Array,
    private readonly gradSums: Float64Array[][],
    private readonly directions: number,
  ) {}

  mean(copiesDone: number): Float32Array[] {
    const n = this.baseline.length;
    return Array.from({ length: this.directions }, (_, k) => {
      const out = new Float32Array(n);
      for (let c = 0; c < copiesDone; c++) {
        const xc = this.copies[c];
        const g = this.gradSums[c][k];
        for (let j = 0; j < n; j++) out[j] += ((xc[j] - this.baseline[j]) * g[j]) / copiesDone;
      }
      return out;
    });
  }

  report(copiesDone: number, onPartial: (p: PartialAttributions) => void): void {
    if (copiesDone <= this.reported) return;
    this.reported = copiesDone;
    onPartial({ attributions: this.mean(copiesDone), copiesDone, copies: this.copies.length });
  }
}
