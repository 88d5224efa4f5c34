import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SEGMENTS, evaluateMasks, segmentWindow, spread } from './segments';
import { Cancelled } from './types';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('segments', () => {
  it('default: 50 ms = 25 samples per lead → 8 × 12 = 96 features of 25 values on the model window', () => {
    expect(DEFAULT_SEGMENTS).toEqual({ segmentSamples: 25, grouping: 'lead-time' });
    const s = segmentWindow(200, 12, DEFAULT_SEGMENTS);
    expect(s.features).toBe(96);
    expect([...new Set(s.sizes)]).toEqual([25]);
    expect(s.groupOf[0]).toBe(0);
    expect(s.groupOf[5]).toBe(5); // t 0, lead 5
    expect(s.groupOf[30 * 12 + 7]).toBe(1 * 12 + 7); // t 30 is in segment 1
    expect(s.description).toContain('96 features');
  });

  it('time-only segments span all leads; a shorter last segment takes the remainder', () => {
    const s = segmentWindow(10, 3, { segmentSamples: 4, grouping: 'time' });
    expect(s.features).toBe(3);
    expect(Array.from(s.sizes)).toEqual([12, 12, 6]);
    expect(s.groupOf[9 * 3 + 2]).toBe(2);
  });

  it('spread divides each feature value evenly, so sums are kept', () => {
    const s = segmentWindow(10, 3, { segmentSamples: 4, grouping: 'time' });
    const a = spread(s, [12, -6, 3]);
    expect(a[0]).toBeCloseTo(1);
    expect(a[29]).toBeCloseTo(0.5);
    expect(a.reduce((x, v) => x + v, 0)).toBeCloseTo(9, 5);
  });

  it('refuses bad segment lengths and groupings with clear messages', () => {
    expect(() => segmentWindow(200, 12, { segmentSamples: 0, grouping: 'time' })).toThrow('between 1 and 200, got 0');
    expect(() => segmentWindow(200, 12, { segmentSamples: 2.5, grouping: 'time' })).toThrow('whole number of samples');
    expect(() => segmentWindow(200, 12, { segmentSamples: 201, grouping: 'time' })).toThrow('between 1 and 200');
    expect(() => segmentWindow(200, 12, { segmentSamples: 25, grouping: 'leads' as never })).toThrow(
      'grouping must be lead-time or time',
    );
  });

  it('evaluateMasks: masked inputs take x where the feature is on and the baseline elsewhere; batched; cancellable', async () => {
    // f_0 = Σ inputs, f_1 = input[0]: easy to check by hand.
    const input = tf.input({ shape: [4, 2] });
    const dense = tf.layers.dense({ units: 2, useBias: false });
    const m = tf.model({
      inputs: input,
      outputs: dense.apply(tf.layers.flatten().apply(input) as tf.SymbolicTensor) as tf.SymbolicTensor,
    });
    dense.setWeights([tf.tensor2d(Array.from({ length: 8 }, (_, j) => [1, j === 0 ? 1 : 0]))]);
    const s = segmentWindow(4, 2, { segmentSamples: 2, grouping: 'lead-time' }); // features: (seg, lead) → s*2+c
    const x = Float32Array.from([1, 2, 3, 4, 5, 6, 7, 8]);
    const b = new Float32Array(8).fill(10);
    const masks = [Uint8Array.from([1, 1, 1, 1]), Uint8Array.from([0, 0, 0, 0]), Uint8Array.from([1, 0, 0, 0])];
    const fractions: number[] = [];
    const [f0, f1] = await evaluateMasks(m, s, x, b, masks, {
      batchSize: 2,
      phase: 'p',
      onProgress: (f) => fractions.push(f),
    });
    expect(Array.from(f0)).toEqual([36, 80, 1 + 3 + 60]);
    expect(Array.from(f1)).toEqual([1, 10, 1]);
    expect(fractions).toEqual([2 / 3, 1]);
    await expect(
      evaluateMasks(m, s, x, b, masks, { batchSize: 2, phase: 'p', shouldStop: async () => true }),
    ).rejects.toBeInstanceOf(Cancelled);
    m.dispose();
  });
});
