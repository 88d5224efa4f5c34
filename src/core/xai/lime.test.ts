import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildResNet1d } from '../model/resnet1d';
import { DEFAULT_LIME, lime } from './lime';
import { segmentWindow } from './segments';
import { Cancelled } from './types';

const T = 20;
const C = 3;
const n = T * C;
const seq = (f: (j: number) => number) => Float32Array.from({ length: n }, (_, j) => f(j));

function linearModel(w: Float32Array[], b: [number, number]): tf.LayersModel {
  const input = tf.input({ shape: [T, C] });
  const dense = tf.layers.dense({ units: 2 });
  const m = tf.model({
    inputs: input,
    outputs: dense.apply(tf.layers.flatten().apply(input) as tf.SymbolicTensor) as tf.SymbolicTensor,
  });
  const kernel = new Float32Array(n * 2);
  for (let j = 0; j < n; j++) ((kernel[2 * j] = w[0][j]), (kernel[2 * j + 1] = w[1][j]));
  dense.setWeights([tf.tensor2d(kernel, [n, 2]), tf.tensor1d(b)]);
  return m;
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('LIME: known answers', () => {
  // Lead 1 has zero weight for both classes: the model ignores it.
  const w = [seq((j) => (j % C === 1 ? 0 : Math.sin(j))), seq((j) => (j % C === 1 ? 0 : Math.cos(j / 3) - 0.2))];
  const x = seq((j) => (j % 7) - 3);
  const x0 = seq((j) => 0.1 * j);

  it('defaults: 500 samples, 50 ms × lead segments, kernel width 0.25, no ridge', () => {
    expect(DEFAULT_LIME).toMatchObject({
      samples: 500,
      segmentSamples: 25,
      grouping: 'lead-time',
      kernelWidth: 0.25,
      ridge: 0,
    });
  });

  it.each([
    ['lead-time', 5],
    ['time', 4],
  ] as const)(
    'linear model, %s segments of %i: β_g = Σ_g w (x − x′), intercept f(x′), R² 1; the ignored lead gets 0',
    async (grouping, segmentSamples) => {
      const m = linearModel(w, [0.3, -0.7]);
      const r = await lime(m, x, { grouping, segmentSamples, baseline: x0, samples: 200, batchSize: 64, seed: 1 });
      const seg = segmentWindow(T, C, { grouping, segmentSamples });
      expect(r.info).toMatchObject({ grouping, segmentSamples, features: seg.features, evaluations: 201, ridge: 0 });
      for (const k of [0, 1]) {
        const phi = new Float64Array(seg.features);
        seg.groupOf.forEach((g, j) => (phi[g] += w[k][j] * (x[j] - x0[j])));
        for (let j = 0; j < n; j++)
          expect(r.attributions[k][j]).toBeCloseTo(phi[seg.groupOf[j]] / seg.sizes[seg.groupOf[j]], 4);
        if (grouping === 'lead-time')
          for (let t = 0; t < T; t++) expect(Math.abs(r.attributions[k][t * C + 1])).toBeLessThan(1e-5);
        expect(r.intercept[k]).toBeCloseTo(r.baselineLogits[k], 4);
        expect(r.score[k]).toBeCloseTo(1, 6);
        expect(Math.abs(r.delta[k])).toBeLessThan(1e-4);
      }
      m.dispose();
    },
  );

  it('a ridge shrinks the coefficients toward 0; too few samples fall back to a tiny ridge with a note', async () => {
    const m = linearModel(w, [0, 0]);
    const plain = await lime(m, x, { segmentSamples: 5, samples: 100 });
    const ridged = await lime(m, x, { segmentSamples: 5, samples: 100, ridge: 10 });
    const norm = (a: Float32Array) => a.reduce((s, v) => s + v * v, 0);
    expect(norm(ridged.attributions[1])).toBeLessThan(norm(plain.attributions[1]));
    expect(ridged.info.ridge).toBe(10);
    const few = await lime(m, x, { segmentSamples: 5, samples: 8 });
    expect(few.info.note).toMatch(/8 samples for 13 unknowns/);
    m.dispose();
  });

  it('nonlinear model: deterministic per seed, a different seed differs, the surrogate fit is reported', async () => {
    const m = buildResNet1d({
      timeSteps: T,
      channels: C,
      stemFilters: 8,
      stemKernel: 3,
      blocks: [{ filters: 8, stride: 2 }],
      kernel: 3,
      dropout: 0,
      l2: 0,
      seed: 2,
    });
    const a = await lime(m, x, { segmentSamples: 5, samples: 60, seed: 4 });
    const b = await lime(m, x, { segmentSamples: 5, samples: 60, seed: 4 });
    const c = await lime(m, x, { segmentSamples: 5, samples: 60, seed: 5 });
    expect(a.attributions[1]).toEqual(b.attributions[1]);
    expect(c.attributions[1]).not.toEqual(a.attributions[1]);
    for (const k of [0, 1]) expect(a.score[k]).toBeLessThanOrEqual(1);
    m.dispose();
  });

  it('reports monotone progress up to 1, stops with Cancelled when asked, and leaves no tensors behind', async () => {
    const m = linearModel(w, [0, 0]);
    const before = tf.memory().numTensors;
    const fractions: number[] = [];
    await lime(m, x, {
      segmentSamples: 5,
      samples: 30,
      batchSize: 8,
      onProgress: (f, phase) => (fractions.push(f), expect(phase).toBe('lime')),
    });
    expect(fractions).toHaveLength(4); // 31 evaluations in batches of 8
    expect(fractions.every((f, i) => i === 0 || f >= fractions[i - 1])).toBe(true);
    expect(fractions.at(-1)).toBe(1);
    let calls = 0;
    await expect(
      lime(m, x, { segmentSamples: 5, samples: 30, batchSize: 8, shouldStop: async () => ++calls > 1 }),
    ).rejects.toBeInstanceOf(Cancelled);
    expect(calls).toBe(2);
    expect(tf.memory().numTensors).toBe(before);
    m.dispose();
  });

  it('refuses bad inputs with clear messages', async () => {
    const m = linearModel(w, [0, 0]);
    await expect(lime(m, new Float32Array(7), { segmentSamples: 5 })).rejects.toThrow(
      'the model expects windows of 20 × 3 values, got 7',
    );
    await expect(lime(m, x, { segmentSamples: 5, baseline: new Float32Array(2) })).rejects.toThrow(
      'the baseline must have 60 values, got 2',
    );
    await expect(lime(m, x, { segmentSamples: 5, samples: -1 })).rejects.toThrow(
      'samples must be a positive whole number, got -1',
    );
    await expect(lime(m, x, { segmentSamples: 5, kernelWidth: 0 })).rejects.toThrow('kernel width must be > 0, got 0');
    await expect(lime(m, x, { segmentSamples: 5, ridge: -1 })).rejects.toThrow('ridge must be ≥ 0, got -1');
    await expect(lime(m, x)).rejects.toThrow(
      'segment length must be a whole number of samples between 1 and 20, got 25',
    );
    m.dispose();
  });
});
