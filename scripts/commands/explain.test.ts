import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../../src/test-support/data';
import { saveModelDir } from '../lib/model-files';
import { explainRecord } from './explain';

describe('cli explain', () => {
  it('on a linear model over [200 × 12], IG from a zero baseline is x ⊙ w exactly; Φ and Φ_d follow eq. 1–2', async () => {
    await tf.setBackend('cpu');
    const input = tf.input({ shape: [200, 12] });
    const dense = tf.layers.dense({ units: 2 });
    const model = tf.model({
      inputs: input,
      outputs: dense.apply(tf.layers.flatten().apply(input) as tf.SymbolicTensor) as tf.SymbolicTensor,
    });
    const w = Float32Array.from({ length: 2400 * 2 }, (_, j) => Math.sin(j / 11) * 0.01);
    dense.setWeights([tf.tensor2d(w, [2400, 2]), tf.tensor1d([0.1, -0.1])]);
    const dir = mkdtempSync(join(tmpdir(), 'linear-'));
    await saveModelDir(model, dir);

    const out = await explainRecord({
      record: join(FIXTURES, 'ptbxl/00285_hr.hea'),
      model: join(dir, 'model.json'),
      method: 'ig',
      backend: 'wasm',
      steps: 5,
      noiseSamples: 0,
    });
    expect(out.backend).toBe('wasm');
    expect(out.input).toHaveLength(200);
    expect(out.input[0]).toHaveLength(12);
    for (const [t, c] of [
      [0, 0],
      [37, 5],
      [199, 11],
    ]) {
      const j = t * 12 + c;
      for (const k of [0, 1]) expect(out.attributions[k][t][c]).toBeCloseTo(out.input[t][c] * w[2 * j + k], 5);
      expect(out.phi[t][c]).toBeCloseTo((out.attributions[1][t][c] - out.attributions[0][t][c]) / 2, 6);
    }
    expect(Math.max(...out.phiMapped.map(Math.abs))).toBeCloseTo(1, 6);
    for (const k of [0, 1]) expect(Math.abs(out.delta[k])).toBeLessThan(1e-3);
    expect(out.params).toMatchObject({ steps: 5, rule: 'gausslegendre', noiseSamples: 0, sigmaUnit: 'absolute' });
  });

  it('gradshap on the shipped model uses the 150 shipped normal reference windows', async () => {
    const out = await explainRecord({
      record: join(FIXTURES, 'ptbxl/00285_hr.hea'),
      model: 'models/ecg12/model.json',
      method: 'gradshap',
      backend: 'wasm',
      samples: 8,
    });
    expect(out.method).toBe('gradshap');
    expect(out.params).toMatchObject({ samples: 8, references: expect.stringContaining('150 normal') });
    expect(out.attributions[1]).toHaveLength(200);
    expect(out.phiMapped.every((v) => v >= -1 && v <= 1)).toBe(true);
  });

  describe('kernelshap and lime on a linear model over [200 × 12]: feature value Σ_g w·x, spread over the segment', () => {
    const w = Float32Array.from({ length: 2400 * 2 }, (_, j) => Math.cos(j / 7) * 0.01);
    let modelPath = '';
    beforeAll(async () => {
      await tf.setBackend('cpu');
      const input = tf.input({ shape: [200, 12] });
      const dense = tf.layers.dense({ units: 2 });
      const model = tf.model({
        inputs: input,
        outputs: dense.apply(tf.layers.flatten().apply(input) as tf.SymbolicTensor) as tf.SymbolicTensor,
      });
      dense.setWeights([tf.tensor2d(w, [2400, 2]), tf.tensor1d([0.2, 0.3])]);
      const dir = mkdtempSync(join(tmpdir(), 'linear-perturb-'));
      await saveModelDir(model, dir);
      modelPath = join(dir, 'model.json');
    });
    /** Expected attribution of (t, lead c) when features are segments of `len` samples × lead, x′ = 0. */
    const expected = (input: number[][], k: number, t: number, c: number, len: number) => {
      const s0 = Math.floor(t / len) * len;
      let v = 0;
      for (let u = s0; u < Math.min(s0 + len, 200); u++) v += input[u][c] * w[2 * (u * 12 + c) + k];
      return v / len;
    };

    it('kernelshap, paper defaults (100 evaluations, 100 ms × lead = 48 features): exact, delta 0, params echoed', async () => {
      const out = await explainRecord({
        record: join(FIXTURES, 'ptbxl/00285_hr.hea'),
        model: modelPath,
        method: 'kernelshap',
        backend: 'wasm',
      });
      expect(out.method).toBe('kernelshap');
      expect(out.params).toMatchObject({
        samples: 100,
        grouping: 'lead-time',
        segmentMs: 100,
        segmentSamples: 50,
        features: 48,
        evaluations: 102,
        ridge: 0,
        seed: 0,
        batchSize: 50,
      });
      expect(out.params.featureGrouping).toContain('4 time segments of 50 samples (100 ms) × 12 leads = 48 features');
      for (const [t, c] of [
        [0, 0],
        [77, 4],
        [199, 11],
      ])
        for (const k of [0, 1]) expect(out.attributions[k][t][c]).toBeCloseTo(expected(out.input, k, t, c, 50), 4);
      for (const k of [0, 1]) expect(Math.abs(out.delta[k])).toBeLessThan(1e-3);
    });

    it('lime with --samples 150 --segment-ms 50: exact surrogate (R² 1), intercept f(0)', async () => {
      const out = await explainRecord({
        record: join(FIXTURES, 'ptbxl/00285_hr.hea'),
        model: modelPath,
        method: 'lime',
        backend: 'wasm',
        samples: 150,
        segmentMs: 50,
        seed: 3,
      });
      expect(out.params).toMatchObject({
        samples: 150,
        segmentMs: 50,
        features: 96,
        evaluations: 151,
        kernelWidth: 0.25,
        ridge: 0,
        seed: 3,
      });
      for (const [t, c] of [
        [0, 0],
        [77, 4],
        [199, 11],
      ])
        for (const k of [0, 1]) expect(out.attributions[k][t][c]).toBeCloseTo(expected(out.input, k, t, c, 25), 4);
      const { intercept, score } = out.params as { intercept: number[]; score: number[] };
      expect(intercept[0]).toBeCloseTo(0.2, 4);
      expect(score[1]).toBeCloseTo(1, 6);
    });
  });

  it('kernelshap and lime on the shipped model (small budgets): shapes, notes, time-only grouping', async () => {
    const record = join(FIXTURES, 'ptbxl/00285_hr.hea');
    const ks = await explainRecord({
      record,
      model: 'models/ecg12/model.json',
      method: 'kernelshap',
      backend: 'wasm',
      samples: 20,
      batch: 25,
    });
    expect(ks.attributions[1]).toHaveLength(200);
    expect(ks.params).toMatchObject({ samples: 20, features: 48, note: expect.stringContaining('under-determined') });
    for (const k of [0, 1]) expect(Math.abs(ks.delta[k])).toBeLessThan(1e-3 * Math.max(1, Math.abs(ks.logits[k])));
    const lm = await explainRecord({
      record,
      model: 'models/ecg12/model.json',
      method: 'lime',
      backend: 'wasm',
      samples: 30,
      grouping: 'time',
    });
    expect(lm.params).toMatchObject({ grouping: 'time', features: 8, evaluations: 31 });
    expect(lm.attributions[0][10][0]).toBe(lm.attributions[0][10][7]); // a time segment spans all leads
    expect(lm.phiMapped.every((v) => v >= -1 && v <= 1)).toBe(true);
  });

  it('refuses unknown methods, segment lengths that are not whole samples, and unknown groupings', async () => {
    await expect(explainRecord({ record: 'x', model: 'm', method: 'shap', backend: 'cpu' })).rejects.toThrow(
      'unknown method "shap" (available: ig, gradshap, kernelshap, lime)',
    );
    const record = join(FIXTURES, 'ptbxl/00285_hr.hea');
    await expect(
      explainRecord({ record, model: 'models/ecg12/model.json', method: 'lime', backend: 'wasm', segmentMs: 3 }),
    ).rejects.toThrow('whole number of 2 ms samples, got 3 ms');
    await expect(
      explainRecord({
        record,
        model: 'models/ecg12/model.json',
        method: 'kernelshap',
        backend: 'wasm',
        grouping: 'beats',
      }),
    ).rejects.toThrow('grouping must be lead-time or time');
  });
});
