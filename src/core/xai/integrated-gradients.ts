import * as tf from '@tensorflow/tfjs';
import { IG_STEPS, NOISE_SAMPLES, NOISE_SIGMA } from '../constants';
import { gaussian, mulberry32 } from '../random';
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
}

export const DEFAULT_IG: IgOptions = {
  steps: IG_STEPS, rule: 'gausslegendre', noiseSamples: NOISE_SAMPLES, sigma: NOISE_SIGMA, sigmaUnit: 'absolute', batchSize: 50, seed: 0,
};

/**
 * Integrated Gradients (Sundararajan et al. 2017) on each logit k: A_k = (x − x′) ⊙ Σ_i w_i ∇f_k(x′ + α_i (x − x′)),
 * with captum's quadrature rules; averaged over noisy copies of x when the noise tunnel is on. Backend-agnostic:
 * the same code runs in the browser worker and in Node. All path points are batched; every tensor is disposed.
 */
export async function integratedGradients(model: tf.LayersModel, x: Float32Array, options: Partial<IgOptions> = {}): Promise<AttributionResult> {
  const o = { ...DEFAULT_IG, ...options };
  const n = x.length;
  const [, T, C] = model.inputs[0].shape as [null, number, number];
  if (n !== T * C) throw new Error(`the model expects windows of ${T} × ${C} values, got ${n}`);
  const baseline = o.baseline ?? new Float32Array(n);
  const { alphas, weights } = quadrature(o.rule, o.steps);

  // The inputs to explain: x itself, or its noisy copies.
  const copies: Float32Array[] = [];
  if (o.noiseSamples <= 0) copies.push(x);
  else {
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of x) (lo = Math.min(lo, v)), (hi = Math.max(hi, v));
    const sd = o.sigmaUnit === 'relative' ? o.sigma * (hi - lo) : o.sigma;
    const g = gaussian(mulberry32(o.seed));
    for (let s = 0; s < o.noiseSamples; s++) copies.push(x.map((v) => v + sd * g()));
  }

  // Σ_i w_i ∇f_k along each copy's path, for both classes.
  const gradSums = copies.map(() => [new Float64Array(n), new Float64Array(n)] as const);
  const points: { copy: number; step: number }[] = [];
  copies.forEach((_, copy) => alphas.forEach((_, step) => points.push({ copy, step })));
  const total = points.length * 2;
  let done = 0;
  for (let start = 0; start < points.length; start += o.batchSize) {
    if (await o.shouldStop?.()) throw new Cancelled();
    const batch = points.slice(start, start + o.batchSize);
    const input = new Float32Array(batch.length * n);
    batch.forEach(({ copy, step }, b) => {
      const xc = copies[copy];
      const a = alphas[step];
      for (let j = 0; j < n; j++) input[b * n + j] = baseline[j] + a * (xc[j] - baseline[j]);
    });
    for (const k of [0, 1] as const) {
      const grads = tf.tidy(() => {
        const inp = tf.tensor3d(input, [batch.length, T, C]);
        return tf.grad((v: tf.Tensor) => (model.apply(v) as tf.Tensor).slice([0, k], [-1, 1]).sum())(inp);
      });
      const g = await grads.data();
      grads.dispose();
      batch.forEach(({ copy, step }, b) => {
        const acc = gradSums[copy][k];
        const w = weights[step];
        for (let j = 0; j < n; j++) acc[j] += w * g[b * n + j];
      });
      done += batch.length;
      o.onProgress?.(done / total, 'integrated gradients');
    }
  }

  // Attributions and completeness per copy, then their mean.
  const evalLogits = await logitsOf(model, [...copies, baseline], T, C);
  const baselineLogits = evalLogits[copies.length];
  const attributions: [Float32Array, Float32Array] = [new Float32Array(n), new Float32Array(n)];
  const delta: [number, number] = [0, 0];
  copies.forEach((xc, copy) => {
    for (const k of [0, 1] as const) {
      let sum = 0;
      for (let j = 0; j < n; j++) {
        const a = (xc[j] - baseline[j]) * gradSums[copy][k][j];
        attributions[k][j] += a / copies.length;
        sum += a;
      }
      delta[k] += (sum - (evalLogits[copy][k] - baselineLogits[k])) / copies.length;
    }
  });
  const [logits] = await logitsOf(model, [x], T, C);
  return { attributions, delta, logits, baselineLogits };
}

async function logitsOf(model: tf.LayersModel, inputs: Float32Array[], T: number, C: number): Promise<[number, number][]> {
  const flat = new Float32Array(inputs.length * T * C);
  inputs.forEach((v, i) => flat.set(v, i * T * C));
  const out = tf.tidy(() => model.predict(tf.tensor3d(flat, [inputs.length, T, C])) as tf.Tensor);
  const v = await out.data();
  out.dispose();
  return inputs.map((_, i) => [v[2 * i], v[2 * i + 1]]);
}
