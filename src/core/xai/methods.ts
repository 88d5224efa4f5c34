import type * as tf from '@tensorflow/tfjs';
import { MODEL_FS_HZ } from '../constants';
import { DEFAULT_GRADSHAP, gradientShap } from './gradient-shap';
import { DEFAULT_IG, integratedGradients, type IgOptions, type PartialAttributions } from './integrated-gradients';
import { DEFAULT_KERNEL_SHAP, kernelShap } from './kernel-shap';
import { DEFAULT_LIME, lime } from './lime';
import { type ExplainMethod, type ExplainParams, segmentSamplesOfMs } from './catalogue';
import { explainParamsOrThrow } from './explain-params';
import type { PerturbationInfo } from './segments';
import type { AttributionResult, ProgressFn, StopCheck } from './types';

export { EXPLAIN_METHODS, type ExplainMethod, METHOD_LABELS, isExplainMethod, type ExplainParams } from './catalogue';

export interface ExplainContext {
  /** Gradient SHAP's reference distribution: [T × C] windows. */
  references?: Float32Array[];
  onProgress?: ProgressFn;
  shouldStop?: StopCheck;
  /** IG only: provisional A⁰, A¹ (the running mean over the noisy copies done), for a progressive display. */
  onPartial?: (p: { attributions: [Float32Array, Float32Array]; copiesDone: number; copies: number }) => void;
}

export interface WindowExplanation extends AttributionResult {
  method: ExplainMethod;
  /** The parameters that were used, defaults filled in: what a report or the UI prints. */
  params: Record<string, unknown>;
}

/** Runs one method on one window; the single dispatch point shared by the CLI, the worker and the benchmark. */
export async function explainWindow(
  model: tf.LayersModel,
  method: ExplainMethod,
  x: Float32Array,
  params: ExplainParams = {},
  ctx: ExplainContext = {},
): Promise<WindowExplanation> {
  const p = explainParamsOrThrow(params); // the one schema (limits, NaN): callers need not check first
  const common = { onProgress: ctx.onProgress, shouldStop: ctx.shouldStop };
  switch (method) {
    case 'ig': {
      const o: IgOptions = {
        ...DEFAULT_IG,
        ...defined({
          steps: p.steps,
          rule: p.rule,
          noiseSamples: p.noiseSamples,
          sigma: p.sigma,
          sigmaUnit: p.sigmaUnit,
          batchSize: p.batchSize,
          seed: p.seed,
        }),
      };
      const onPartial = ctx.onPartial;
      const r = await integratedGradients(model, x, {
        ...o,
        ...common,
        ...(onPartial && {
          onPartial: (p: PartialAttributions) =>
            onPartial({
              attributions: [p.attributions[0], p.attributions[1]],
              copiesDone: p.copiesDone,
              copies: p.copies,
            }),
        }),
      });
      const params = {
        steps: o.steps,
        rule: o.rule,
        baseline: 'zeros',
        noiseSamples: o.noiseSamples,
        sigma: o.sigma,
        sigmaUnit: o.sigmaUnit,
        batchSize: o.batchSize,
        seed: o.seed,
      };
      return { ...r, method, params };
    }
    case 'gradshap': {
      if (!ctx.references || ctx.references.length === 0)
        throw new Error('Gradient SHAP needs its reference windows (reference-normals.bin beside the model)');
      const o = {
        ...DEFAULT_GRADSHAP,
        ...defined({ samples: p.samples, sigma: p.sigma, batchSize: p.batchSize, seed: p.seed }),
      };
      const r = await gradientShap(model, x, ctx.references, { ...o, ...common });
      const params = {
        samples: o.samples,
        sigma: o.sigma,
        references: `${ctx.references.length} normal training windows`,
        batchSize: o.batchSize,
        seed: o.seed,
      };
      return { ...r, method, params };
    }
    case 'kernelshap': {
      const o = {
        ...DEFAULT_KERNEL_SHAP,
        ...defined({ evaluations: p.samples, grouping: p.grouping, batchSize: p.batchSize, seed: p.seed }),
        ...(p.segmentMs !== undefined && { segmentSamples: segmentSamplesOfMs(p.segmentMs) }),
      };
      const k = await kernelShap(model, x, { ...o, ...common });
      const params = {
        samples: o.evaluations,
        ...features(k.info),
        baseline: 'zeros (z-score mean)',
        sampling:
          'shap KernelExplainer: complete coalition sizes enumerated, the rest drawn from the Shapley kernel in complementary pairs',
        regression: 'weighted least squares with Shapley kernel weights; Σφ = f(x) − f(x′) enforced exactly',
        ridge: k.info.ridge,
        ...(k.info.note && { note: k.info.note }),
        batchSize: o.batchSize,
        seed: o.seed,
      };
      return {
        attributions: k.attributions,
        delta: k.delta,
        logits: k.logits,
        baselineLogits: k.baselineLogits,
        method,
        params,
      };
    }
    case 'lime': {
      const o = {
        ...DEFAULT_LIME,
        ...defined({ samples: p.samples, grouping: p.grouping, batchSize: p.batchSize, seed: p.seed }),
        ...(p.segmentMs !== undefined && { segmentSamples: segmentSamplesOfMs(p.segmentMs) }),
      };
      const l = await lime(model, x, { ...o, ...common });
      const params = {
        samples: o.samples,
        ...features(l.info),
        baseline: 'zeros (z-score mean)',
        sampling: 'each feature kept with probability 0.5 (captum Lime); the first sample is x itself',
        kernel: `exp(−d² / (2 · ${o.kernelWidth}²)), d = cosine distance between the mask and the all-ones mask`,
        kernelWidth: o.kernelWidth,
        surrogate: 'weighted linear least squares with intercept, one per class',
        ridge: l.info.ridge,
        ...(l.info.note && { note: l.info.note }),
        intercept: l.intercept,
        score: l.score,
        batchSize: o.batchSize,
        seed: o.seed,
      };
      return {
        attributions: l.attributions,
        delta: l.delta,
        logits: l.logits,
        baselineLogits: l.baselineLogits,
        method,
        params,
      };
    }
  }
}

/** The feature grouping of a perturbation method, for `params`. */
function features(info: PerturbationInfo) {
  return {
    grouping: info.grouping,
    segmentSamples: info.segmentSamples,
    segmentMs: (info.segmentSamples * 1000) / MODEL_FS_HZ,
    features: info.features,
    featureGrouping: `${info.description}; a feature's value is spread evenly over its samples, so Σ attributions = Σ feature values`,
    evaluations: info.evaluations,
  };
}

/** Drops undefined fields so that spreading over defaults keeps the defaults. */
function defined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Splits a flat file of [T × C] windows (reference-normals.bin) into windows. */
export function splitWindows(all: Float32Array, T: number, C: number): Float32Array[] {
  const n = T * C;
  if (all.length === 0 || all.length % n !== 0)
    throw new Error(`reference file has ${all.length} values, not a whole number of ${T} × ${C} windows`);
  return Array.from({ length: all.length / n }, (_, k) => all.subarray(k * n, (k + 1) * n));
}
