import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../../src/test-support/data';
import { saveModelDir } from '../lib/model-files';
import { explainRecord } from './explain';

describe('cli explain', () => {
  it('on a linear model over [200 × 12], IG from a zero baseline is x ⊙ w exactly; Φ and Φ_d follow eq. 1–2', async () => {
    await tf.setBackend('cpu');
    const input = tf.input({ shape: [200, 12] });
    const dense = tf.layers.dense({ units: 2 });
    const model = tf.model({ inputs: input, outputs: dense.apply(tf.layers.flatten().apply(input) as tf.SymbolicTensor) as tf.SymbolicTensor });
    const w = Float32Array.from({ length: 2400 * 2 }, (_, j) => Math.sin(j / 11) * 0.01);
    dense.setWeights([tf.tensor2d(w, [2400, 2]), tf.tensor1d([0.1, -0.1])]);
    const dir = mkdtempSync(join(tmpdir(), 'linear-'));
    await saveModelDir(model, dir);

    const out = await explainRecord({ record: join(FIXTURES, 'ptbxl/00285_hr.hea'), model: join(dir, 'model.json'), method: 'ig', backend: 'wasm', steps: 5, noiseSamples: 0 });
    expect(out.backend).toBe('wasm');
    expect(out.input).toHaveLength(200);
    expect(out.input[0]).toHaveLength(12);
    for (const [t, c] of [[0, 0], [37, 5], [199, 11]]) {
      const j = t * 12 + c;
      for (const k of [0, 1]) expect(out.attributions[k][t][c]).toBeCloseTo(out.input[t][c] * w[2 * j + k], 5);
      expect(out.phi[t][c]).toBeCloseTo((out.attributions[1][t][c] - out.attributions[0][t][c]) / 2, 6);
    }
    expect(Math.max(...out.phiMapped.map(Math.abs))).toBeCloseTo(1, 6);
    for (const k of [0, 1]) expect(Math.abs(out.delta[k])).toBeLessThan(1e-3);
    expect(out.params).toMatchObject({ steps: 5, rule: 'gausslegendre', noiseSamples: 0, sigmaUnit: 'absolute' });
  });

  it('gradshap on the shipped model uses the 150 shipped normal reference windows', async () => {
    const out = await explainRecord({ record: join(FIXTURES, 'ptbxl/00285_hr.hea'), model: 'models/ecg12/model.json', method: 'gradshap', backend: 'wasm', samples: 8 });
    expect(out.method).toBe('gradshap');
    expect(out.params).toMatchObject({ samples: 8, references: expect.stringContaining('150 normal') });
    expect(out.attributions[1]).toHaveLength(200);
    expect(out.phiMapped.every((v) => v >= -1 && v <= 1)).toBe(true);
  });

  it('refuses methods it does not have yet, by name', async () => {
    await expect(explainRecord({ record: 'x', model: 'm', method: 'lime', backend: 'cpu' })).rejects.toThrow('method "lime" is not implemented yet');
  });
});
