/**
 * The explanation methods and their parameters as plain data: what the page needs to offer them (labels, forms,
 * URL and keyboard handling, the worker protocol) without loading TF.js, which only the worker imports.
 * methods.ts (the dispatch that runs them) and segments.ts re-export these names.
 */
import { MODEL_FS_HZ } from '../constants';
import type { IntegrationRule } from './quadrature';

/** The attribution methods of paper 3.3, by the short names the CLI, the worker and the URL use. */
export const EXPLAIN_METHODS = ['ig', 'gradshap', 'kernelshap', 'lime'] as const;
export type ExplainMethod = (typeof EXPLAIN_METHODS)[number];

export const METHOD_LABELS: Record<ExplainMethod, string> = {
  ig: 'Integrated Gradients',
  gradshap: 'Gradient SHAP',
  kernelshap: 'Kernel SHAP',
  lime: 'LIME',
};

export function isExplainMethod(x: unknown): x is ExplainMethod {
  return typeof x === 'string' && (EXPLAIN_METHODS as readonly string[]).includes(x);
}

/** Kernel SHAP / LIME feature grouping: one feature per lead per time segment, or per time segment over all leads. */
export type Grouping = 'lead-time' | 'time';

/** Default segment lengths (see segments.ts for why these). */
export const LIME_SEGMENT_MS = 50;
export const KERNEL_SHAP_SEGMENT_MS = 100;

/** A segment length in ms as a whole number of model samples, or a clear error. */
export function segmentSamplesOfMs(ms: number): number {
  const samples = (ms * MODEL_FS_HZ) / 1000;
  if (!Number.isInteger(samples) || samples < 1)
    throw new Error(`segment length must be a whole number of ${1000 / MODEL_FS_HZ} ms samples, got ${ms} ms`);
  return samples;
}

/** What a caller may set; anything omitted takes the paper's default for that method. Plain data (crosses the worker boundary). */
export interface ExplainParams {
  /** IG: quadrature steps and rule. */
  steps?: number;
  rule?: IntegrationRule;
  /** IG noise tunnel: noisy copies (0 = plain IG), σ and its unit. Gradient SHAP: σ of the input noise. */
  noiseSamples?: number;
  sigma?: number;
  sigmaUnit?: 'absolute' | 'relative';
  /** Gradient SHAP draws; Kernel SHAP model evaluations; LIME perturbed samples. */
  samples?: number;
  /** Kernel SHAP / LIME feature grouping: segment length in ms (a whole number of samples), per lead or spanning all leads. */
  segmentMs?: number;
  grouping?: Grouping;
  batchSize?: number;
  seed?: number;
}
