import * as tf from '@tensorflow/tfjs';
import { MODEL_FS_HZ } from '../constants';
import { LIME_SEGMENT_MS, segmentSamplesOfMs } from './catalogue';
import { Cancelled, type ProgressFn, type StopCheck } from './types';

/**
 * Feature grouping for the perturbation methods (Kernel SHAP, LIME). Perturbing the 2,400 single values of a
 * [200 × 12] window one by one is hopeless with 100 (Kernel SHAP) or 500 (LIME) model evaluations, so the
 * interpretable features are groups of values that are switched on (x) or off (the baseline x′) together:
 *
 * - 'lead-time' (default): one feature per lead per time segment of `segmentSamples` samples.
 * - 'time': one feature per time segment, spanning all leads.
 *
 * Default segment length, per method (the finest grouping whose linear fit its budget still determines):
 * - LIME: 50 ms = 25 samples at 500 Hz, the annotation protocol's minimal window outside the QRS (paper 3.5):
 *   8 segments × 12 leads = 96 features for the 400 ms window, fitted on 500 samples.
 * - Kernel SHAP: 100 ms = 50 samples: 4 × 12 = 48 features. Its coalitions come in complementary pairs, and after
 *   the efficiency constraint eliminates one feature a pair's two rows are the same equation negated, so 100
 *   evaluations give only 50 independent equations: enough for 47 unknowns, not for the 95 of 50 ms segments.
 *   Determined is not stable: on the shipped model and fixture 00285_hr, Φ from two seeds correlates ≈ 0.25 at
 *   100 evaluations (0.995 at 2,000; 0.89 with 200 ms segments; 1.0 with 'time' grouping, 8 features).
 * A last, shorter segment takes the remainder when T is not a multiple of the segment length.
 *
 * A feature's value φ_g is spread evenly over its elements (φ_g / |g| each), so that Σ attributions = Σ_g φ_g and
 * completeness is stated on the same [T × C] arrays as for IG.
 */
import type { Grouping } from './catalogue';

export type { Grouping } from './catalogue';
export { KERNEL_SHAP_SEGMENT_MS, segmentSamplesOfMs } from './catalogue';

export interface SegmentOptions {
  /** Samples per time segment. */
  segmentSamples: number;
  grouping: Grouping;
}

export const DEFAULT_SEGMENTS: SegmentOptions = {
  segmentSamples: segmentSamplesOfMs(LIME_SEGMENT_MS),
  grouping: 'lead-time',
};

export interface Segmentation extends SegmentOptions {
  T: number;
  C: number;
  segments: number;
  features: number;
  /** Feature index of each element t * C + c. Features are numbered segment-major: s * C + c ('lead-time') or s ('time'). */
  groupOf: Int32Array;
  /** Elements per feature. */
  sizes: Int32Array;
  /** In words, for reports and the CLI's params. */
  description: string;
}

export function segmentWindow(T: number, C: number, o: SegmentOptions): Segmentation {
  if (!Number.isInteger(o.segmentSamples) || o.segmentSamples < 1 || o.segmentSamples > T) {
    throw new Error(`segment length must be a whole number of samples between 1 and ${T}, got ${o.segmentSamples}`);
  }
  if (o.grouping !== 'lead-time' && o.grouping !== 'time')
    throw new Error(`grouping must be lead-time or time, got ${o.grouping}`);
  const segments = Math.ceil(T / o.segmentSamples);
  const perLead = o.grouping === 'lead-time';
  const features = perLead ? segments * C : segments;
  const groupOf = new Int32Array(T * C);
  const sizes = new Int32Array(features);
  for (let t = 0; t < T; t++) {
    const s = Math.floor(t / o.segmentSamples);
    for (let c = 0; c < C; c++) {
      const g = perLead ? s * C + c : s;
      groupOf[t * C + c] = g;
      sizes[g]++;
    }
  }
  const ms = (o.segmentSamples * 1000) / MODEL_FS_HZ;
  const description = perLead
    ? `${segments} time segments of ${o.segmentSamples} samples (${ms} ms) × ${C} leads = ${features} features`
    : `${segments} time segments of ${o.segmentSamples} samples (${ms} ms) spanning all ${C} leads = ${features} features`;
  return { ...o, T, C, segments, features, groupOf, sizes, description };
}

/** Feature values → [T × C] attributions, each feature's value divided evenly among its elements. */
export function spread(seg: Segmentation, values: ArrayLike<number>): Float32Array {
  return Float32Array.from(seg.groupOf, (g) => values[g] / seg.sizes[g]);
}

/** Checks shared by the perturbation methods; returns the window shape and the baseline (zeros by default). */
export function checkInputs(
  model: tf.LayersModel,
  x: Float32Array,
  baseline: Float32Array | undefined,
  counts: Record<string, number>,
) {
  const [, T, C] = model.inputs[0].shape as [null, number, number];
  const outShape = model.outputs[0].shape;
  if (outShape[outShape.length - 1] !== 2)
    throw new Error(`the model must have 2 outputs (normal, abnormal logits), got shape [${outShape.join(', ')}]`);
  if (x.length !== T * C) throw new Error(`the model expects windows of ${T} × ${C} values, got ${x.length}`);
  if (baseline && baseline.length !== T * C)
    throw new Error(`the baseline must have ${T * C} values, got ${baseline.length}`);
  for (const [name, v] of Object.entries(counts)) {
    if (!Number.isInteger(v) || v < 1) throw new Error(`${name} must be a positive whole number, got ${v}`);
  }
  return { T, C, baseline: baseline ?? new Float32Array(T * C) };
}

export interface EvalOptions {
  batchSize: number;
  phase: string;
  onProgress?: ProgressFn;
  shouldStop?: StopCheck;
}

/**
 * The two logits for each feature mask (1 = the feature takes x's values, 0 = the baseline's), in batches of
 * `batchSize` windows; the inputs are built per batch so a 500-sample LIME run never holds all of them.
 */
export async function evaluateMasks(
  model: tf.LayersModel,
  seg: Segmentation,
  x: Float32Array,
  baseline: Float32Array,
  masks: Uint8Array[],
  o: EvalOptions,
): Promise<[Float64Array, Float64Array]> {
  const n = seg.T * seg.C;
  const out: [Float64Array, Float64Array] = [new Float64Array(masks.length), new Float64Array(masks.length)];
  for (let start = 0; start < masks.length; start += o.batchSize) {
    if (await o.shouldStop?.()) throw new Cancelled();
    const count = Math.min(o.batchSize, masks.length - start);
    const input = new Float32Array(count * n);
    for (let b = 0; b < count; b++) {
      const mask = masks[start + b];
      for (let j = 0; j < n; j++) input[b * n + j] = mask[seg.groupOf[j]] ? x[j] : baseline[j];
    }
    const logits = tf.tidy(() => model.predict(tf.tensor3d(input, [count, seg.T, seg.C])) as tf.Tensor);
    const v = await logits.data();
    logits.dispose();
    for (let b = 0; b < count; b++) ((out[0][start + b] = v[2 * b]), (out[1][start + b] = v[2 * b + 1]));
    o.onProgress?.((start + count) / masks.length, o.phase);
  }
  return out;
}

/** What the perturbation methods return besides the attributions: how the features were made and fitted. */
export interface PerturbationInfo {
  grouping: Grouping;
  segmentSamples: number;
  features: number;
  description: string;
  /** Model evaluations actually made, x and x′ included. */
  evaluations: number;
  /** Ridge λ used in the linear fit (0 = none). */
  ridge: number;
  /** Set when the fit needed a fallback or the budget was cut; in words. */
  note?: string;
}
