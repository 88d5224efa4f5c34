import { IG_STEPS, KERNEL_SHAP_EVALUATIONS, LIME_SAMPLES, NOISE_SAMPLES } from '../../core/constants';
import type { ExplainMethod, ExplainParams } from '../../core/xai/catalogue';
import type { BackendName, BackendTiming } from '../../worker/protocol';

/** Gradient SHAP's default number of draws (src/core/xai/gradient-shap.ts DEFAULT_GRADSHAP). */
const GRADSHAP_SAMPLES = 50;
/**
 * A forward pass costs roughly a third of a forward + backward pass (the input gradient the worker times): the
 * perturbation methods (Kernel SHAP, LIME) are priced in gradients at this rate.
 */
export const FORWARD_PER_GRADIENT = 1 / 3;

/**
 * The work a method needs, in input-gradient equivalents: IG = steps × noisy copies × 2 logits; Gradient SHAP = draws
 * × 2 logits; Kernel SHAP / LIME = model evaluations × FORWARD_PER_GRADIENT.
 */
export function workUnits(method: ExplainMethod, p: ExplainParams = {}): number {
  switch (method) {
    case 'ig': {
      const copies = Math.max(1, p.noiseSamples ?? NOISE_SAMPLES);
      return (p.steps ?? IG_STEPS) * copies * 2;
    }
    case 'gradshap':
      return (p.samples ?? GRADSHAP_SAMPLES) * 2;
    case 'kernelshap':
      return (p.samples ?? KERNEL_SHAP_EVALUATIONS) * FORWARD_PER_GRADIENT;
    case 'lime':
      return (p.samples ?? LIME_SAMPLES) * FORWARD_PER_GRADIENT;
  }
}

/** A finished run on this machine: what it cost per unit of work is the best predictor of the next one. */
export interface PastRun {
  method: ExplainMethod;
  backend: BackendName;
  ms: number;
  params: Record<string, unknown>;
}

export interface Estimate {
  ms: number;
  /** Where the rate came from: a run already done here, or the worker's start-up timing (a short IG run). */
  basis: 'previous-run' | 'start-up-timing';
  msPerUnit: number;
}

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const paramsOf = (r: PastRun): ExplainParams => ({
  steps: num(r.params.steps),
  noiseSamples: num(r.params.noiseSamples),
  samples: num(r.params.samples),
});

/**
 * How long `method` with `params` should take on `backend`: the latest finished run on that backend (same kind of
 * work: gradient methods with gradient methods) sets the rate; else the worker's start-up time per unit of work
 * (src/worker/measure.ts), which runs high: measured here 35 s before a paper-budget IG that took 8.3 s (it was 133 s
 * when the start-up timing used tf.grad on the layers model instead of the explainers' engine).
 * Null when neither is known (nothing honest to say).
 */
export function estimateExplainMs(
  method: ExplainMethod,
  params: ExplainParams,
  backend: BackendName,
  timings: BackendTiming[],
  past: PastRun[],
): Estimate | null {
  const units = workUnits(method, params);
  const gradientBased = (m: ExplainMethod) => m === 'ig' || m === 'gradshap';
  const previous = [...past]
    .reverse()
    .find((r) => r.backend === backend && gradientBased(r.method) === gradientBased(method) && r.ms > 0);
  if (previous) {
    const msPerUnit = previous.ms / workUnits(previous.method, paramsOf(previous));
    return { ms: units * msPerUnit, basis: 'previous-run', msPerUnit };
  }
  const g = timings.find((t) => t.backend === backend)?.gradientMs;
  if (g === null || g === undefined || !(g > 0)) return null;
  return { ms: units * g, basis: 'start-up-timing', msPerUnit: g };
}

/** "about 12 s", "about 2 min", "under a second". */
export function describeDuration(ms: number): string {
  if (ms < 1000) return 'under a second';
  if (ms < 90_000) return `about ${Math.max(1, Math.round(ms / 1000))} s`;
  return `about ${Math.round(ms / 60_000)} min`;
}
