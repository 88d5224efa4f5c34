import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildResNet1d } from '../model/resnet1d';
import { mulberry32 } from '../random';
import { kernelShap, sampleCoalitions } from './kernel-shap';
import { evaluateMasks, segmentWindow } from './segments';
import { Cancelled } from './types';

/** f(x) = W·vec(x) + b over a [T × C] window; feature g's Shapley value is Σ_{i∈g} w_i (x_i − x′_i). */
function linearModel(T: number, C: number, w: Float32Array[], b: [number, number]): tf.LayersModel {
  const n = T * C;
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

/** A small swish ResNet that never reads lead 1 (its stem weights from lead 1 are zeroed). */
function resnetIgnoringLead1(T: number, C: number): tf.LayersModel {
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
  const stem = m.getLayer('stem_conv');
  const [kernel] = stem.getWeights();
  stem.setWeights([tf.tidy(() => tf.mul(kernel, tf.tensor3d(Array.from({ length: 3 }, () => [[1], [0], [1]]))))]);
  return m;
}

const seqOf = (n: number, f: (j: number) => number) => Float32Array.from({ length: n }, (_, j) => f(j));

/** Expected feature values of a linear model: Σ_{i∈g} w_i (x_i − x′_i). */
function linearPhi(groupOf: Int32Array, features: number, w: Float32Array, x: Float32Array, x0: Float32Array) {
  const phi = new Float64Array(features);
  groupOf.forEach((g, j) => (phi[g] += w[j] * (x[j] - x0[j])));
  return phi;
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('Kernel SHAP: coalition sampling (shap KernelExplainer)', () => {
  it('enumerates every coalition with Shapley kernel weights when the budget allows (M = 4: 14 coalitions)', () => {
    const { masks, weights, cut } = sampleCoalitions(4, 100, mulberry32(0));
    expect(cut).toBe(true);
    expect(masks).toHaveLength(14);
    expect(new Set(masks.map((m) => m.join(''))).size).toBe(14);
    const bySize = (s: number) => weights.filter((_, i) => masks[i].reduce((a, v) => a + v, 0) === s);
    // π(s) ∝ (M − 1) / (C(M, s) s (M − s)): 1/4 for sizes 1 and 3, 1/8 for size 2.
    expect(new Set(bySize(1))).toEqual(new Set(bySize(3)));
    expect(bySize(1)[0] / bySize(2)[0]).toBeCloseTo(2, 12);
    expect(weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('with 96 features and 100 evaluations: 100 distinct coalitions in complementary pairs, weights summing to 1', () => {
    const { masks, weights, cut } = sampleCoalitions(96, 100, mulberry32(7));
    expect(cut).toBe(false);
    expect(masks).toHaveLength(100);
    expect(new Set(masks.map((m) => m.join(''))).size).toBe(100);
    for (let i = 0; i < 100; i += 2) expect(masks[i].every((v, j) => v + masks[i + 1][j] === 1)).toBe(true);
    expect(weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });
});

describe('Kernel SHAP: known answers', () => {
  const T = 20;
  const C = 3;
  const n = T * C;
  const w = [seqOf(n, (j) => Math.sin(j)), seqOf(n, (j) => Math.cos(j / 3) - 0.2)];
  const x = seqOf(n, (j) => (j % 7) - 3);
  const x0 = seqOf(n, (j) => 0.1 * j);

  it.each([
    ['lead-time', 5, 12],
    ['time', 4, 5],
  ] as const)(
    'linear model, %s segments of %i samples (%i features): φ_g = Σ_g w (x − x′) exactly; delta 0',
    async (grouping, segmentSamples, features) => {
      const m = linearModel(T, C, w, [0.3, -0.7]);
      const r = await kernelShap(m, x, { grouping, segmentSamples, baseline: x0, batchSize: 16, seed: 3 });
      const seg = segmentWindow(T, C, { grouping, segmentSamples });
      expect(r.info).toMatchObject({
        grouping,
        segmentSamples,
        features,
        evaluations: Math.min(100, 2 ** features - 2) + 2,
      });
      for (const k of [0, 1]) {
        const phi = linearPhi(seg.groupOf, features, w[k], x, x0);
        for (let j = 0; j < n; j++)
          expect(r.attributions[k][j]).toBeCloseTo(phi[seg.groupOf[j]] / seg.sizes[seg.groupOf[j]], 4);
        expect(Math.abs(r.delta[k])).toBeLessThan(1e-4);
      }
      m.dispose();
    },
  );

  it('paper defaults on a [200 × 12] linear model: 100 ms × 12 leads = 48 features, 100 coalitions, exact without a ridge', async () => {
    const N = 2400;
    const wl = [seqOf(N, (j) => 0.01 * Math.sin(j / 7)), seqOf(N, (j) => 0.01 * Math.cos(j / 5))];
    const xl = seqOf(N, (j) => Math.sin(j / 13) * 2);
    const m = linearModel(200, 12, wl, [0.1, -0.1]);
    const r = await kernelShap(m, xl);
    expect(r.info).toMatchObject({
      grouping: 'lead-time',
      segmentSamples: 50,
      features: 48,
      evaluations: 102,
      ridge: 0,
    });
    expect(r.info.note).toBeUndefined();
    const seg = segmentWindow(200, 12, { segmentSamples: 50, grouping: 'lead-time' });
    for (const k of [0, 1]) {
      const phi = linearPhi(seg.groupOf, 48, wl[k], xl, new Float32Array(N));
      for (let g = 0; g < 48; g++) expect(r.attributions[k][seg.groupOf.indexOf(g)] * 50).toBeCloseTo(phi[g], 4);
      expect(Math.abs(r.delta[k])).toBeLessThan(1e-4);
    }
    // 50 ms segments (96 features) are more than 50 complementary pairs can determine: the fit says so.
    const fine = await kernelShap(m, xl, { segmentSamples: 25 });
    expect(fine.info.note).toMatch(/100 coalitions .* for 95 unknowns: under-determined/);
    m.dispose();
  });

  it('a budget too small for the features still answers: tiny ridge, a note, and efficiency holds exactly', async () => {
    const m = linearModel(T, C, w, [0, 0]);
    const r = await kernelShap(m, x, { segmentSamples: 5, evaluations: 6 });
    expect(r.info.note).toMatch(/under-determined/);
    expect(r.info.ridge).toBeGreaterThan(0);
    for (const k of [0, 1]) expect(Math.abs(r.delta[k])).toBeLessThan(1e-4);
    m.dispose();
  });

  it('nonlinear model, 6 features fully enumerated: the exact Shapley values; the ignored lead gets 0', async () => {
    const m = resnetIgnoringLead1(T, C);
    const seg = segmentWindow(T, C, { segmentSamples: 10, grouping: 'lead-time' });
    const r = await kernelShap(m, x, { segmentSamples: 10 });
    expect(r.info.note).toMatch(/all were enumerated/);
    // Brute force: v(S) for all 64 coalitions, then φ_i = Σ_S |S|!(M−|S|−1)!/M! (v(S ∪ i) − v(S)).
    const M = 6;
    const all = Array.from({ length: 2 ** M }, (_, s) => Uint8Array.from({ length: M }, (_, i) => (s >> i) & 1));
    const v = await evaluateMasks(m, seg, x, new Float32Array(n), all, { batchSize: 64, phase: 'test' });
    const fact = (k: number): number => (k <= 1 ? 1 : k * fact(k - 1));
    for (const k of [0, 1]) {
      for (let i = 0; i < M; i++) {
        let phi = 0;
        for (let s = 0; s < 2 ** M; s++) {
          if ((s >> i) & 1) continue;
          const size = all[s].reduce((a, b) => a + b, 0);
          phi += ((fact(size) * fact(M - size - 1)) / fact(M)) * (v[k][s | (1 << i)] - v[k][s]);
        }
        const t = Math.floor(i / 3) * 10; // feature i = segment * 3 + lead; segments of 10 samples
        expect(r.attributions[k][t * C + (i % 3)] * 10).toBeCloseTo(phi, 4);
        if (i % 3 === 1) expect(Math.abs(phi)).toBeLessThan(1e-6);
      }
      expect(Math.abs(r.delta[k])).toBeLessThan(1e-4);
    }
    m.dispose();
  });

  it('the same seed gives the same result, another seed another one (sampled regime)', async () => {
    const m = resnetIgnoringLead1(T, C);
    const a = await kernelShap(m, x, { segmentSamples: 2, evaluations: 40, seed: 5 });
    const b = await kernelShap(m, x, { segmentSamples: 2, evaluations: 40, seed: 5 });
    const c = await kernelShap(m, x, { segmentSamples: 2, evaluations: 40, seed: 6 });
    expect(a.attributions[1]).toEqual(b.attributions[1]);
    expect(c.attributions[1]).not.toEqual(a.attributions[1]);
    m.dispose();
  });

  it('reports monotone progress up to 1, stops with Cancelled when asked, and leaves no tensors behind', async () => {
    const m = linearModel(T, C, w, [0, 0]);
    const before = tf.memory().numTensors;
    const fractions: number[] = [];
    await kernelShap(m, x, {
      segmentSamples: 2,
      evaluations: 50,
      batchSize: 7,
      onProgress: (f, phase) => (fractions.push(f), expect(phase).toBe('kernel shap')),
    });
    expect(fractions.length).toBe(8);
    expect(fractions.every((f, i) => i === 0 || f >= fractions[i - 1])).toBe(true);
    expect(fractions.at(-1)).toBe(1);
    let calls = 0;
    await expect(
      kernelShap(m, x, { segmentSamples: 2, batchSize: 10, shouldStop: () => ++calls > 2 }),
    ).rejects.toBeInstanceOf(Cancelled);
    expect(calls).toBe(3);
    expect(tf.memory().numTensors).toBe(before);
    m.dispose();
  });

  it('refuses bad inputs with clear messages', async () => {
    const m = linearModel(T, C, w, [0, 0]);
    await expect(kernelShap(m, new Float32Array(5), { segmentSamples: 2 })).rejects.toThrow(
      'the model expects windows of 20 × 3 values, got 5',
    );
    await expect(kernelShap(m, x, { baseline: new Float32Array(4) })).rejects.toThrow(
      'the baseline must have 60 values, got 4',
    );
    await expect(kernelShap(m, x, { evaluations: 0 })).rejects.toThrow(
      'evaluations must be a positive whole number, got 0',
    );
    await expect(kernelShap(m, x, { batchSize: 1.5 })).rejects.toThrow('batchSize must be a positive whole number');
    await expect(kernelShap(m, x, { segmentSamples: 30 })).rejects.toThrow('between 1 and 20');
    m.dispose();
  });
});
