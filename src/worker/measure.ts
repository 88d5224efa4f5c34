import * as tf from '@tensorflow/tfjs';
import { quantileRankSorted, sortedCopy } from '../core/quantile';

/** Inputs per timed batch: explanations run batches (50 by default), and a batch of one flatters the plain-JS backend. */
const BATCH = 8;

/**
 * Wall time per input gradient of `model` (the unit of work of every gradient method) on the active backend,
 * measured on a batch of 8: one untimed run (kernel compilation, shader caches), then the median of `runs` timed
 * ones. A backend whose untimed run already takes longer than `giveUpMs` (per gradient) is not timed further.
 */
export async function timeInputGradient(
  model: tf.LayersModel,
  now: () => number,
  opts: { runs?: number; giveUpMs?: number } = {},
): Promise<{ ms: number; gaveUp: boolean }> {
  const runs = opts.runs ?? 3;
  const [, T, C] = model.inputs[0].shape as [null, number, number];
  const x = Float32Array.from({ length: BATCH * T * C }, (_, i) => Math.sin(i * 0.37));
  const once = async () => {
    const t0 = now();
    const g = tf.tidy(() =>
      tf.grad((v: tf.Tensor) => (model.apply(v) as tf.Tensor).slice([0, 1], [-1, 1]).sum())(
        tf.tensor3d(x, [BATCH, T, C]),
      ),
    );
    await g.data(); // the read-back waits for the GPU: the timing includes the work, not only its scheduling
    g.dispose();
    return (now() - t0) / BATCH;
  };
  const first = await once();
  if (opts.giveUpMs !== undefined && first > opts.giveUpMs) return { ms: first, gaveUp: true };
  const times: number[] = [];
  for (let r = 0; r < runs; r++) times.push(await once());
  return { ms: quantileRankSorted(sortedCopy(times), 0.5), gaveUp: false }; // the upper middle run
}
