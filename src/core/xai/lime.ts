import type * as tf from '@tensorflow/tfjs';
import { LIME_SAMPLES } from '../constants';
import { mulberry32 } from '../random';
import type { PerturbationResult } from './kernel-shap';
import {
  checkInputs,
  DEFAULT_SEGMENTS,
  evaluateMasks,
  segmentWindow,
  spread,
  type PerturbationInfo,
  type SegmentOptions,
} from './segments';
import type { ProgressFn, StopCheck } from './types';
import { weightedLeastSquares } from './weighted-least-squares';

export interface LimeOptions extends SegmentOptions {
  /** Perturbed samples the surrogate is fitted on (paper 3.3: 500); the first is x itself. x′ costs one more evaluation. */
  samples: number;
  /** Width w of the similarity kernel exp(−d² / (2 w²)) on the cosine distance d between a mask and the all-ones mask. */
  kernelWidth: number;
  /** Ridge λ on the surrogate's coefficients (not the intercept); 0 = plain weighted least squares. */
  ridge: number;
  /** x′, the value of a switched-off feature; zeros (the z-scored mean, as IG's baseline) when omitted. */
  baseline?: Float32Array;
  batchSize: number;
  seed: number;
  onProgress?: ProgressFn;
  shouldStop?: StopCheck;
}

/**
 * Kernel width 0.25: the `lime` package's (v0.2, the paper's) default for its mask-based explainers, where the
 * distance is likewise the cosine distance to the all-ones mask (lime_image: sqrt(exp(−d²/w²)) = exp(−d²/(2w²))).
 * d = 1 − √(m/M) for a mask with m of M features on, so a typical half-on mask (d ≈ 0.29) weighs ≈ 0.5 and x
 * itself 1. captum's Lime uses width 1 on the cosine distance between the perturbed and original *inputs*; that
 * nearly flattens the weights (≥ 0.61), which is why we keep lime's choice here.
 */
export const DEFAULT_LIME: LimeOptions = {
  ...DEFAULT_SEGMENTS,
  samples: LIME_SAMPLES,
  kernelWidth: 0.25,
  ridge: 0,
  batchSize: 50,
  seed: 0,
};

export interface LimeResult extends PerturbationResult {
  /** The surrogate's intercept per class (≈ f_k(x′) when the model is close to additive in the features). */
  intercept: [number, number];
  /** Weighted R² of the surrogate per class: how well the linear explanation fits the model on the samples. */
  score: [number, number];
}

/**
 * LIME (Ribeiro et al. 2016) on each logit, with captum's Lime sampler: each feature (a segment, see segments.ts)
 * kept with probability 0.5, otherwise set to the baseline; samples weighted by the exponential kernel above;
 * a weighted linear surrogate y ≈ β_0 + Σ_g β_g z_g fitted per class by least squares with an intercept (plus an
 * optional ridge). β_g is feature g's attribution, spread evenly over its elements. captum's default surrogate is
 * a Lasso (α = 0.01) and lime's a Ridge (α = 1); both shrink the coefficients, so we default to no penalty, which
 * recovers a linear model exactly. `delta` = Σ β − (f(x) − f(x′)): not 0 in general, since LIME has no
 * completeness axiom; it measures how far the surrogate is from additive.
 */
export async function lime(
  model: tf.LayersModel,
  x: Float32Array,
  options: Partial<LimeOptions> = {},
): Promise<LimeResult> {
  const o = { ...DEFAULT_LIME, ...options };
  const { T, C, baseline } = checkInputs(model, x, o.baseline, { samples: o.samples, batchSize: o.batchSize });
  if (!(o.kernelWidth > 0)) throw new Error(`kernel width must be > 0, got ${o.kernelWidth}`);
  if (!(o.ridge >= 0)) throw new Error(`ridge must be ≥ 0, got ${o.ridge}`);
  const seg = segmentWindow(T, C, o);
  const M = seg.features;

  // Sample 0 is x itself (all on), as in lime, so the surrogate is anchored where the explanation is asked.
  const random = mulberry32(o.seed);
  const samples = Array.from({ length: o.samples }, (_, r) =>
    Uint8Array.from({ length: M }, () => (r === 0 || random() < 0.5 ? 1 : 0)),
  );
  const weights = samples.map((m) => {
    const on = m.reduce((a, v) => a + v, 0);
    const d = 1 - Math.sqrt(on / M); // cosine distance to all-ones; an all-off mask has similarity 0
    return Math.exp(-(d * d) / (2 * o.kernelWidth ** 2));
  });
  const f = await evaluateMasks(model, seg, x, baseline, [new Uint8Array(M), ...samples], {
    batchSize: o.batchSize,
    phase: 'lime',
    onProgress: o.onProgress,
    shouldStop: o.shouldStop,
  });
  const baselineLogits: [number, number] = [f[0][0], f[1][0]];
  const logits: [number, number] = [f[0][1], f[1][1]];

  // Design: the M mask bits, then a column of ones for the intercept (unpenalised).
  const rows = o.samples;
  const p = M + 1;
  const X = new Float64Array(rows * p);
  samples.forEach((m, r) => {
    for (let g = 0; g < M; g++) X[r * p + g] = m[g];
    X[r * p + M] = 1;
  });
  const ys = [f[0].subarray(1), f[1].subarray(1)];
  const fit = weightedLeastSquares(X, rows, p, ys, weights, { ridge: o.ridge, unpenalised: [M] });

  const attributions: [Float32Array, Float32Array] = [
    spread(seg, fit.coef[0].subarray(0, M)),
    spread(seg, fit.coef[1].subarray(0, M)),
  ];
  const delta = [0, 1].map((k) => attributions[k].reduce((a, v) => a + v, 0) - (logits[k] - baselineLogits[k])) as [
    number,
    number,
  ];
  const score = [0, 1].map((k) => weightedR2(X, rows, p, ys[k], weights, fit.coef[k])) as [number, number];
  const info: PerturbationInfo = {
    grouping: seg.grouping,
    segmentSamples: seg.segmentSamples,
    features: M,
    description: seg.description,
    evaluations: rows + 1,
    ridge: fit.ridge,
    ...(fit.regularised && {
      note: `${rows} samples for ${p} unknowns (or collinear masks): solved with a tiny ridge (λ = ${fit.ridge.toExponential(1)})`,
    }),
  };
  return { attributions, delta, logits, baselineLogits, intercept: [fit.coef[0][M], fit.coef[1][M]], score, info };
}

function weightedR2(
  X: Float64Array,
  rows: number,
  p: number,
  y: ArrayLike<number>,
  w: number[],
  beta: Float64Array,
): number {
  let sw = 0;
  let mean = 0;
  for (let r = 0; r < rows; r++) ((sw += w[r]), (mean += w[r] * y[r]));
  mean /= sw;
  let ssRes = 0;
  let ssTot = 0;
  for (let r = 0; r < rows; r++) {
    let yhat = 0;
    for (let j = 0; j < p; j++) yhat += X[r * p + j] * beta[j];
    ssRes += w[r] * (y[r] - yhat) ** 2;
    ssTot += w[r] * (y[r] - mean) ** 2;
  }
  return ssTot > 0 ? 1 - ssRes / ssTot : 1;
}
