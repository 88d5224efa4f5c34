import type * as tf from '@tensorflow/tfjs';
import { KERNEL_SHAP_EVALUATIONS } from '../constants';
import { mulberry32 } from '../random';
import {
  checkInputs,
  evaluateMasks,
  KERNEL_SHAP_SEGMENT_MS,
  segmentSamplesOfMs,
  segmentWindow,
  spread,
  type PerturbationInfo,
  type SegmentOptions,
} from './segments';
import type { AttributionResult, ProgressFn, StopCheck } from './types';
import { weightedLeastSquares } from './weighted-least-squares';

export interface KernelShapOptions extends SegmentOptions {
  /** Coalitions evaluated per instance (shap's nsamples; paper 3.3: 100). x and x′ cost 2 more evaluations. */
  evaluations: number;
  /** x′, the value of a "removed" feature; zeros (the z-scored mean, as IG's baseline) when omitted. */
  baseline?: Float32Array;
  batchSize: number;
  seed: number;
  onProgress?: ProgressFn;
  shouldStop?: StopCheck;
}

/** 100 ms × 12 leads = 48 features: see segments.ts for why not 50 ms with this budget. */
export const DEFAULT_KERNEL_SHAP: KernelShapOptions = {
  segmentSamples: segmentSamplesOfMs(KERNEL_SHAP_SEGMENT_MS),
  grouping: 'lead-time',
  evaluations: KERNEL_SHAP_EVALUATIONS,
  batchSize: 50,
  seed: 0,
};

export interface PerturbationResult extends AttributionResult {
  info: PerturbationInfo;
}

/**
 * Kernel SHAP (Lundberg & Lee 2017) on each logit, ported from shap's KernelExplainer with one background
 * sample x′ (so the value of a coalition S is f_k(x_S, x′_rest)):
 *
 * 1. Coalitions: subset sizes that the budget can enumerate completely, from the outside in (sizes 1 and M−1
 *    first), are enumerated with their exact Shapley kernel weight; the rest of the budget draws sizes from the
 *    Shapley kernel distribution over the remaining sizes (∝ (M−1) / (s (M−s))), a random subset of that size and
 *    its complement (paired sampling); a repeated draw adds weight instead of an evaluation. Seeded mulberry32.
 * 2. Weighted least squares with those weights, the empty and full coalitions entering as constraints:
 *    φ_0 = f(x′) and Σ φ = f(x) − f(x′), the latter enforced exactly by eliminating the last feature (as shap).
 *
 * Features whose elements all equal the baseline are left out of the game with φ = 0 (shap's "varying" features).
 * Not ported: shap's optional L1 feature selection (l1_reg); instead, when the budget leaves the regression
 * under-determined (fewer independent equations than the M − 1 unknowns; a complementary pair counts once), a
 * tiny ridge gives the near-minimum-norm solution (where shap falls back to lstsq) and `info.note` says so. Efficiency still holds exactly then.
 */
export async function kernelShap(
  model: tf.LayersModel,
  x: Float32Array,
  options: Partial<KernelShapOptions> = {},
): Promise<PerturbationResult> {
  const o = { ...DEFAULT_KERNEL_SHAP, ...options };
  const { T, C, baseline } = checkInputs(model, x, o.baseline, { evaluations: o.evaluations, batchSize: o.batchSize });
  const seg = segmentWindow(T, C, o);

  const varying: number[] = [];
  const differs = new Uint8Array(seg.features);
  for (let j = 0; j < x.length; j++) if (x[j] !== baseline[j]) differs[seg.groupOf[j]] = 1;
  differs.forEach((d, g) => d && varying.push(g));
  const M = varying.length;

  const {
    masks: sub,
    weights,
    cut,
  } = M >= 2 ? sampleCoalitions(M, o.evaluations, mulberry32(o.seed)) : { masks: [], weights: [], cut: false };
  // Full feature masks: x (all on), x′ (all off), then the coalitions; non-varying features are on (x = x′ there).
  const full = (s: Uint8Array | null, all: 0 | 1) => {
    const m = new Uint8Array(seg.features).fill(1);
    varying.forEach((g, i) => (m[g] = s ? s[i] : all));
    return m;
  };
  const masks = [full(null, 1), full(null, 0), ...sub.map((s) => full(s, 0))];
  const f = await evaluateMasks(model, seg, x, baseline, masks, {
    batchSize: o.batchSize,
    phase: 'kernel shap',
    onProgress: o.onProgress,
    shouldStop: o.shouldStop,
  });
  const logits: [number, number] = [f[0][0], f[1][0]];
  const baselineLogits: [number, number] = [f[0][1], f[1][1]];
  const total = [logits[0] - baselineLogits[0], logits[1] - baselineLogits[1]];

  const phi = [new Float64Array(seg.features), new Float64Array(seg.features)];
  let ridge = 0;
  const notes: string[] = [];
  if (cut)
    notes.push(`the budget exceeds the ${2 ** M - 2} non-trivial coalitions of ${M} features; all were enumerated`);
  if (M === 1) for (const k of [0, 1]) phi[k][varying[0]] = total[k];
  if (M >= 2) {
    // Eliminate the last varying feature: φ_last = total − Σ_{i<last} φ_i, so
    // y − f(x′) − z_last·total = Σ_{i<last} φ_i (z_i − z_last).
    const rows = sub.length;
    const p = M - 1;
    const X = new Float64Array(rows * p);
    const ys = [new Float64Array(rows), new Float64Array(rows)];
    sub.forEach((s, r) => {
      for (let i = 0; i < p; i++) X[r * p + i] = s[i] - s[p];
      for (const k of [0, 1]) ys[k][r] = f[k][r + 2] - baselineLogits[k] - s[p] * total[k];
    });
    const fit = weightedLeastSquares(X, rows, p, ys, weights);
    ridge = fit.ridge;
    if (fit.regularised)
      notes.push(
        `${rows} coalitions (a complementary pair gives one equation) for ${p} unknowns: under-determined, solved with a tiny ridge (λ = ${ridge.toExponential(1)})`,
      );
    for (const k of [0, 1]) {
      let sum = 0;
      for (let i = 0; i < p; i++) ((phi[k][varying[i]] = fit.coef[k][i]), (sum += fit.coef[k][i]));
      phi[k][varying[p]] = total[k] - sum;
    }
  }

  const attributions: [Float32Array, Float32Array] = [spread(seg, phi[0]), spread(seg, phi[1])];
  const delta = [0, 1].map((k) => attributions[k].reduce((a, v) => a + v, 0) - total[k]) as [number, number];
  const info: PerturbationInfo = {
    grouping: seg.grouping,
    segmentSamples: seg.segmentSamples,
    features: seg.features,
    description: seg.description,
    evaluations: masks.length,
    ridge,
    ...(notes.length > 0 && { note: notes.join('; ') }),
  };
  return { attributions, delta, logits, baselineLogits, info };
}

/** shap's KernelExplainer coalition sampling (explain(): full enumeration of the outer sizes, then kernel-weighted draws). */
export function sampleCoalitions(
  M: number,
  budget: number,
  random: () => number,
): { masks: Uint8Array[]; weights: number[]; cut: boolean } {
  let nsamples = budget;
  let cut = false;
  if (M <= 30 && nsamples > 2 ** M - 2) ((nsamples = 2 ** M - 2), (cut = true));
  const sizes = Math.ceil((M - 1) / 2);
  const paired = Math.floor((M - 1) / 2);
  const weightVector = Array.from(
    { length: sizes },
    (_, i) => ((M - 1) / ((i + 1) * (M - i - 1))) * (i < paired ? 2 : 1),
  );
  const wsum = weightVector.reduce((a, b) => a + b, 0);
  for (let i = 0; i < sizes; i++) weightVector[i] /= wsum;

  const masks: Uint8Array[] = [];
  const weights: number[] = [];
  let full = 0;
  let left = nsamples;
  let remaining = [...weightVector];
  for (let s = 1; s <= sizes; s++) {
    const n = binomial(M, s) * (s <= paired ? 2 : 1);
    if (!((left * remaining[s - 1]) / n >= 1 - 1e-8)) break;
    full++;
    left -= n;
    if (remaining[s - 1] < 1) remaining = remaining.map((v) => v / (1 - remaining[s - 1]));
    const w = weightVector[s - 1] / binomial(M, s) / (s <= paired ? 2 : 1);
    for (const inds of combinations(M, s)) {
      const m = new Uint8Array(M);
      for (const i of inds) m[i] = 1;
      (masks.push(m), weights.push(w));
      if (s <= paired) (masks.push(m.map((v) => 1 - v)), weights.push(w));
    }
  }

  const fixed = masks.length;
  let samplesLeft = nsamples - fixed;
  if (full !== sizes && samplesLeft > 0) {
    // Each draw of a paired size yields two samples, so its probability is halved (shap does the same).
    const rw = weightVector.map((v, i) => (i < paired ? v / 2 : v)).slice(full);
    const rsum = rw.reduce((a, b) => a + b, 0);
    const cdf: number[] = [];
    rw.reduce((acc, v) => (cdf.push((acc + v) / rsum), acc + v), 0);
    const used = new Map<string, number>();
    const order = Array.from({ length: M }, (_, i) => i);
    for (let draw = 0; draw < 4 * (nsamples - fixed) && samplesLeft > 0; draw++) {
      const u = random();
      let idx = cdf.findIndex((c) => u < c);
      if (idx < 0) idx = cdf.length - 1;
      const size = idx + full + 1;
      // Partial Fisher–Yates: the first `size` entries of `order` are a uniform random subset.
      for (let i = 0; i < size; i++) {
        const r = i + Math.floor(random() * (M - i));
        [order[i], order[r]] = [order[r], order[i]];
      }
      const m = new Uint8Array(M);
      for (let i = 0; i < size; i++) m[order[i]] = 1;
      const key = m.join('');
      const seen = used.get(key);
      if (seen === undefined) (used.set(key, masks.length), masks.push(m), weights.push(1), samplesLeft--);
      else weights[seen] += 1;
      if (samplesLeft > 0 && size <= paired) {
        if (seen === undefined) (masks.push(m.map((v) => 1 - v)), weights.push(1), samplesLeft--);
        else weights[seen + 1] += 1;
      }
    }
    // The drawn samples share the kernel weight of the sizes not enumerated, in proportion to how often each was drawn.
    const weightLeft = weightVector.slice(full).reduce((a, b) => a + b, 0);
    const drawn = weights.slice(fixed).reduce((a, b) => a + b, 0);
    for (let i = fixed; i < weights.length; i++) weights[i] *= weightLeft / drawn;
  }
  return { masks, weights, cut };
}

function binomial(n: number, k: number): number {
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return r;
}

function* combinations(n: number, k: number): Generator<number[]> {
  const idx = Array.from({ length: k }, (_, i) => i);
  while (true) {
    yield idx.slice();
    let i = k - 1;
    while (i >= 0 && idx[i] === n - k + i) i--;
    if (i < 0) return;
    idx[i]++;
    for (let j = i + 1; j < k; j++) idx[j] = idx[j - 1] + 1;
  }
}
