import * as tf from '@tensorflow/tfjs';
import { mulberry32 } from '../random';

/**
 * Re-draws every weight of a model in place from a seeded generator, for the model-randomisation sanity check
 * (Adebayo et al. 2018, the "cascading" randomisation carried to all layers): kernels Glorot-uniform, BN scales
 * and moving variances 1, biases, BN shifts and moving means 0. The same seed gives the same weights in the CLI
 * and in the app's worker, so the check is reproducible.
 */
export function reinitialiseWeights(model: tf.LayersModel, seed: number): void {
  const rnd = mulberry32(seed);
  const fresh = model.weights.map((w) => {
    const shape = w.shape as number[];
    const n = shape.reduce((a, b) => a * b, 1);
    const name = w.originalName ?? w.name;
    let values: Float32Array;
    if (/kernel/.test(name) && shape.length >= 2) {
      const receptive = shape.slice(0, -2).reduce((a, b) => a * b, 1);
      const limit = Math.sqrt(6 / (receptive * shape[shape.length - 2] + receptive * shape[shape.length - 1]));
      values = Float32Array.from({ length: n }, () => (rnd() * 2 - 1) * limit);
    } else if (/gamma|moving_variance/.test(name)) values = new Float32Array(n).fill(1);
    else values = new Float32Array(n);
    return tf.tensor(values, shape);
  });
  model.setWeights(fresh);
  fresh.forEach((t) => t.dispose());
}
