import type * as tf from '@tensorflow/tfjs';
import { quantileRankSorted, sortedCopy } from '../core/quantile';
import { integratedGradients } from '../core/xai/integrated-gradients';

/**
 * Path points of each timed run. The explainers' engine (inference graph, one forward pass for both classes, batched
 * backward passes) has a fixed cost per call that a small run does not amortise: per unit of work, plain IG at 8
 * points cost 3.5×, at 32 points 1.3–2.4× what the paper's 2,000 points do (Node wasm, this 2-core machine), and
 * tf.grad on the layers model (what this timed before) 8.5×, so the first estimate in the app said 78 s for a 10 s run.
 */
const TIMED_POINTS = 24;
/** The first, untimed run (kernels compiled, caches filled): small, so that a hopeless backend is dropped quickly. */
const FIRST_POINTS = 4;

/**
 * Wall time per unit of explanation work on the active backend: one input gradient of one logit, as the explainers
 * compute it (`workUnits` in src/app/explain/estimate.ts counts in the same unit). Plain IG on a fixed input: one
 * untimed run, then the median of `runs` timed ones of TIMED_POINTS points (2 logits each). A backend whose untimed
 * run already costs more than `giveUpMs` per unit is not timed further.
 */
export async function timeInputGradient(
  model: tf.LayersModel,
  now: () => number,
  opts: { runs?: number; giveUpMs?: number } = {},
): Promise<{ ms: number; gaveUp: boolean }> {
  const runs = opts.runs ?? 3;
  const [, T, C] = model.inputs[0].shape as [null, number, number];
  const x = Float32Array.from({ length: T * C }, (_, i) => Math.sin(i * 0.37));
  const once = async (points: number) => {
    const t0 = now();
    await integratedGradients(model, x, { steps: points, noiseSamples: 0, batchSize: points });
    return (now() - t0) / (2 * points);
  };
  const first = await once(FIRST_POINTS);
  if (opts.giveUpMs !== undefined && first > opts.giveUpMs) return { ms: first, gaveUp: true };
  const times: number[] = [];
  for (let r = 0; r < runs; r++) times.push(await once(TIMED_POINTS));
  return { ms: quantileRankSorted(sortedCopy(times), 0.5), gaveUp: false }; // the upper middle run
}
