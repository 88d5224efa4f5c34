import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { gradientShap } from './gradient-shap';
import { integratedGradients } from './integrated-gradients';

const T = 10;
const C = 2;
const n = T * C;
const seq = (f: (j: number) => number) => Float32Array.from({ length: n }, (_, j) => f(j));

function linearModel(w: Float32Array[]): tf.LayersModel {
  const input = tf.input({ shape: [T, C] });
  const dense = tf.layers.dense({ units: 2 });
  const m = tf.model({
    inputs: input,
    outputs: dense.apply(tf.layers.flatten().apply(input) as tf.SymbolicTensor) as tf.SymbolicTensor,
  });
  const kernel = new Float32Array(n * 2);
  for (let j = 0; j < n; j++) ((kernel[2 * j] = w[0][j]), (kernel[2 * j + 1] = w[1][j]));
  dense.setWeights([tf.tensor2d(kernel, [n, 2]), tf.tensor1d([0.2, -0.4])]);
  return m;
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('Gradient SHAP: known answers on a linear model', () => {
  const w = [seq((j) => Math.sin(j + 1)), seq((j) => 0.5 - Math.cos(j))];
  const x = seq((j) => (j % 5) - 2);

  it('with one reference window it equals IG from that baseline exactly', async () => {
    const m = linearModel(w);
    const b = seq((j) => 0.1 * j - 1);
    const shap = await gradientShap(m, x, [b], { samples: 7, batchSize: 3 });
    const ig = await integratedGradients(m, x, { baseline: b, noiseSamples: 0, steps: 5 });
    for (const k of [0, 1]) {
      for (let j = 0; j < n; j++) expect(shap.attributions[k][j]).toBeCloseTo(ig.attributions[k][j], 5);
      expect(Math.abs(shap.delta[k])).toBeLessThan(1e-4);
    }
    m.dispose();
  });

  it("its expectation over a reference set is IG from the references' mean (2,000 draws, within 5% of the range)", async () => {
    const m = linearModel(w);
    const refs = [seq((j) => -1 + 0.05 * j), seq((j) => 1 - 0.1 * j), seq(() => 0.3)];
    const mean = seq((j) => (refs[0][j] + refs[1][j] + refs[2][j]) / 3);
    const shap = await gradientShap(m, x, refs, { samples: 2000, batchSize: 500, seed: 3 });
    const ig = await integratedGradients(m, x, { baseline: mean, noiseSamples: 0, steps: 5 });
    const range = Math.max(...ig.attributions[1].map(Math.abs));
    for (let j = 0; j < n; j++)
      expect(Math.abs(shap.attributions[1][j] - ig.attributions[1][j])).toBeLessThan(0.05 * range);
    m.dispose();
  });

  it('leaves no tensors behind and refuses a mis-sized reference', async () => {
    const m = linearModel(w);
    const before = tf.memory().numTensors;
    await gradientShap(m, x, [seq(() => 0)], { samples: 4, sigma: 0.1 });
    expect(tf.memory().numTensors).toBe(before);
    await expect(gradientShap(m, x, [new Float32Array(3)])).rejects.toThrow('reference windows must have 20 values');
    m.dispose();
  });
});
