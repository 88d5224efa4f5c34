import * as tf from '@tensorflow/tfjs';
import { mulberry32 } from '../../src/core/random';
import { type LoadedModel, loadEvalModel } from './evaluate-attributions';

/**
 * The model-randomisation check's model (Adebayo et al. 2018, "cascading" to the full re-initialisation): the same
 * architecture with every weight re-drawn from a seeded generator — kernels Glorot-uniform, biases and BN shifts
 * and means 0, BN scales and variances 1 — so the check is reproducible.
 */
export async function randomisedModel(m: LoadedModel, seed: number, modelsDir = 'models'): Promise<LoadedModel> {
  const copy = await loadEvalModel(m.name, modelsDir);
  const rnd = mulberry32(seed);
  const fresh = copy.model.weights.map((w) => {
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
  copy.model.setWeights(fresh);
  fresh.forEach((t) => t.dispose());
  return { ...copy, fingerprint: `${m.fingerprint}-randomised-${seed}` };
}
