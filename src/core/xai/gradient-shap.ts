import * as tf from '@tensorflow/tfjs';
import { GRADSHAP_SAMPLES } from '../constants';
import { gaussian, mulberry32 } from '../random';
import { CLASS_DIRECTIONS, differentiable, inputGradientsAlong } from './input-gradient';
import { Cancelled, type AttributionResult, type ProgressFn, type StopCheck } from './types';

export interface GradShapOptions {
  /** Random (baseline, α) draws per explained input (captum's n_samples). */
  samples: number;
  /** Gaussian noise added to x before each draw, in input units (captum's stdevs; 0 by default there too). */
  sigma: number;
  batchSize: number;
  seed: number;
  onProgress?: ProgressFn;
  shouldStop?: StopCheck;
}

export const DEFAULT_GRADSHAP: GradShapOptions = { samples: GRADSHAP_SAMPLES, sigma: 0, batchSize: 50, seed: 0 };

/**
 * Gradient SHAP as captum computes it: for each draw s, a baseline b_s from the reference distribution (paper 3.3:
 * 150 normal windows), α_s ~ U(0, 1), x̃_s = x + noise; the point b_s + α_s (x̃_s − b_s); attribution
 * = mean_s ∇f_k(point_s) ⊙ (x̃_s − b_s). Its expectation approximates SHAP values; `delta` compares the sum with
 * mean_s (f_k(x̃_s) − f_k(b_s)). `references` is a list of [T × C] windows.
 */
export async function gradientShap(
  model: tf.LayersModel,
  x: Float32Array,
  references: Float32Array[],
  options: Partial<GradShapOptions> = {},
): Promise<AttributionResult> {
  const o = { ...DEFAULT_GRADSHAP, ...options };
  const n = x.length;
  const [, T, C] = model.inputs[0].shape as [null, number, number];
  if (n !== T * C) throw new Error(`the model expects windows of ${T} × ${C} values, got ${n}`);
  if (references.length === 0) throw new Error('Gradient SHAP needs at least one reference window');
  for (const r of references)
    if (r.length !== n) throw new Error(`reference windows must have ${n} values, got ${r.length}`);

  const random = mulberry32(o.seed);
  const g = gaussian(mulberry32(o.seed + 1));
  const draws = Array.from({ length: o.samples }, () => {
    const b = references[Math.floor(random() * references.length)];
    const alpha = random();
    const xs = o.sigma > 0 ? x.map((v) => v + o.sigma * g()) : x;
    return { b, alpha, xs };
  });

  const sums: [Float64Array, Float64Array] = [new Float64Array(n), new Float64Array(n)];
  let done = 0;
  const f = differentiable(model); // the folded, fused graph: same gradients, several times faster on wasm
  try {
    for (let start = 0; start < draws.length; start += o.batchSize) {
      if (await o.shouldStop?.()) throw new Cancelled();
      const batch = draws.slice(start, start + o.batchSize);
      const input = new Float32Array(batch.length * n);
      batch.forEach(({ b, alpha, xs }, i) => {
        for (let j = 0; j < n; j++) input[i * n + j] = b[j] + alpha * (xs[j] - b[j]);
      });
      // Both classes from one forward pass on the graph path.
      const perClass = await inputGradientsAlong(f, input, [batch.length, T, C], CLASS_DIRECTIONS);
      perClass.forEach((gv, k) => {
        batch.forEach(({ b, xs }, i) => {
          for (let j = 0; j < n; j++) sums[k][j] += gv[i * n + j] * (xs[j] - b[j]);
        });
      });
      done += 2 * batch.length;
      o.onProgress?.(done / (2 * draws.length), 'gradient shap');
    }
  } finally {
    f.dispose();
  }
  const attributions: [Float32Array, Float32Array] = [
    Float32Array.from(sums[0], (v) => v / draws.length),
    Float32Array.from(sums[1], (v) => v / draws.length),
  ];

  // Completeness check in expectation: Σ attributions vs mean_s (f(x̃_s) − f(b_s)).
  const evalInputs = [x, ...draws.flatMap((d) => [d.xs, d.b])];
  const flat = new Float32Array(evalInputs.length * n);
  evalInputs.forEach((v, i) => flat.set(v, i * n));
  const out = tf.tidy(() => model.predict(tf.tensor3d(flat, [evalInputs.length, T, C])) as tf.Tensor);
  const lv = await out.data();
  out.dispose();
  const expected: [number, number] = [0, 0];
  const baselineLogits: [number, number] = [0, 0];
  draws.forEach((_, s) => {
    for (const k of [0, 1] as const) {
      const fx = lv[2 * (1 + 2 * s) + k];
      const fb = lv[2 * (2 + 2 * s) + k];
      expected[k] += (fx - fb) / draws.length;
      baselineLogits[k] += fb / draws.length;
    }
  });
  const delta: [number, number] = [0, 1].map((k) => attributions[k].reduce((a, v) => a + v, 0) - expected[k]) as [
    number,
    number,
  ];
  return { attributions, delta, logits: [lv[0], lv[1]], baselineLogits };
}
