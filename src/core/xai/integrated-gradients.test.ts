import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureFiles } from '../../test-support/data';
import { loadRecord } from '../ecg/load';
import { prepareEcg } from '../ecg/prepare';
import { modelFromFiles } from '../model/io';
import { buildResNet1d } from '../model/resnet1d';
import { integratedGradients } from './integrated-gradients';

const T = 20;
const C = 3;
const n = T * C;

/** f(x) = W·vec(x) + b: IG is exactly (x − x′) ⊙ w_k for any rule, since the gradient is constant. */
function linearModel(w: Float32Array[], b: [number, number]): tf.LayersModel {
  const input = tf.input({ shape: [T, C] });
  const flat = tf.layers.flatten().apply(input) as tf.SymbolicTensor;
  const dense = tf.layers.dense({ units: 2 });
  const out = dense.apply(flat) as tf.SymbolicTensor;
  const m = tf.model({ inputs: input, outputs: out });
  const kernel = new Float32Array(n * 2);
  for (let j = 0; j < n; j++) ((kernel[2 * j] = w[0][j]), (kernel[2 * j + 1] = w[1][j]));
  dense.setWeights([tf.tensor2d(kernel, [n, 2]), tf.tensor1d(b)]);
  return m;
}

const seq = (f: (j: number) => number) => Float32Array.from({ length: n }, (_, j) => f(j));

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('Integrated Gradients: known answers', () => {
  const w = [seq((j) => Math.sin(j)), seq((j) => Math.cos(j / 3) - 0.2)];
  const x = seq((j) => (j % 7) - 3);
  const x0 = seq((j) => 0.1 * j);

  it.each(['gausslegendre', 'riemann_trapezoid'] as const)(
    'linear model, %s: A_k = (x − x′)·w_k exactly; delta 0',
    async (rule) => {
      const m = linearModel(w, [0.3, -0.7]);
      const r = await integratedGradients(m, x, { rule, steps: 7, baseline: x0, noiseSamples: 0, batchSize: 4 });
      for (const k of [0, 1]) {
        for (let j = 0; j < n; j++) expect(r.attributions[k][j]).toBeCloseTo((x[j] - x0[j]) * w[k][j], 4);
        expect(Math.abs(r.delta[k])).toBeLessThan(1e-4);
      }
      m.dispose();
    },
  );

  it('noise tunnel with σ = 0 is plain IG; the same seed gives the same result', async () => {
    const m = buildResNet1d({
      timeSteps: T,
      channels: C,
      stemFilters: 8,
      stemKernel: 3,
      blocks: [{ filters: 8, stride: 1 }],
      kernel: 3,
      dropout: 0,
      l2: 0,
      seed: 2,
    });
    const plain = await integratedGradients(m, x, { steps: 8, noiseSamples: 0 });
    const tunnel = await integratedGradients(m, x, { steps: 8, noiseSamples: 3, sigma: 0 });
    for (let j = 0; j < n; j++) expect(tunnel.attributions[1][j]).toBeCloseTo(plain.attributions[1][j], 5);
    const a = await integratedGradients(m, x, { steps: 8, noiseSamples: 3, sigma: 0.15, seed: 9 });
    const b = await integratedGradients(m, x, { steps: 8, noiseSamples: 3, sigma: 0.15, seed: 9 });
    expect(a.attributions[1]).toEqual(b.attributions[1]);
    m.dispose();
  });

  it('a lead the model ignores gets exactly zero attribution', async () => {
    const m = buildResNet1d({
      timeSteps: T,
      channels: C,
      stemFilters: 8,
      stemKernel: 3,
      blocks: [{ filters: 8, stride: 2 }],
      kernel: 3,
      dropout: 0,
      l2: 0,
      seed: 4,
    });
    // The stem convolution is the only layer that reads the input: zero its weights from lead 1.
    const stem = m.getLayer('stem_conv');
    const [kernel] = stem.getWeights(); // [kernel, in, out]
    const mask = tf.tensor3d(Array.from({ length: 3 }, () => [[1], [0], [1]]) as number[][][]);
    stem.setWeights([tf.mul(kernel, mask)]);
    const r = await integratedGradients(m, x, { steps: 10, noiseSamples: 2 });
    for (let t = 0; t < T; t++) for (const k of [0, 1]) expect(r.attributions[k][t * C + 1]).toBe(0);
    expect(r.attributions[1].some((v, j) => j % C !== 1 && v !== 0)).toBe(true);
    m.dispose();
  });

  it('leaves no tensors behind', async () => {
    const m = linearModel(w, [0, 0]);
    const before = tf.memory().numTensors;
    await integratedGradients(m, x, { steps: 5, noiseSamples: 2, batchSize: 3 });
    expect(tf.memory().numTensors).toBe(before);
    m.dispose();
  });
});

describe('Integrated Gradients on the shipped 12-lead model', () => {
  it('completeness: with 50 Gauss–Legendre steps, |Σ A_k − (f_k(x) − f_k(0))| ≤ 1e-3 × |f_k(x) − f_k(0)|', async () => {
    const modelJson = JSON.parse(readFileSync('models/ecg12/model.json', 'utf8'));
    const shards = new Map<string, Uint8Array>(
      modelJson.weightsManifest[0].paths.map((p: string) => [p, new Uint8Array(readFileSync(`models/ecg12/${p}`))]),
    );
    const model = await modelFromFiles({ modelJson, shards });
    const { window } = prepareEcg(loadRecord(fixtureFiles('ptbxl/00285_hr.hea', 'ptbxl/00285_hr.dat')));
    const r = await integratedGradients(model, window, {
      steps: 50,
      rule: 'gausslegendre',
      noiseSamples: 0,
      batchSize: 25,
    });
    for (const k of [0, 1]) {
      const change = r.logits[k] - r.baselineLogits[k];
      console.log(
        `completeness, class ${k}: delta ${r.delta[k].toExponential(2)}, f(x) − f(x′) ${change.toFixed(4)}, relative ${(Math.abs(r.delta[k]) / Math.abs(change)).toExponential(2)}`,
      );
      expect(Math.abs(r.delta[k])).toBeLessThanOrEqual(1e-3 * Math.abs(change));
    }
    model.dispose();
  });
});
