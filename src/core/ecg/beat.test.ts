import { describe, expect, it } from 'vitest';
import { syntheticEcg } from '../../test-support/synthetic-ecg';
import { chooseBeat, medianBeat, pearson } from './beat';

describe('pearson / medianBeat', () => {
  it('known answers', () => {
    expect(pearson([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 12);
    expect(pearson([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 12);
    expect(pearson([1, 1, 1], [1, 2, 3])).toBe(0);
    expect(Array.from(medianBeat(new Float32Array([1, 2, 9, 9, 3, 4, 5, 6]), [0, 2, 4], 2))).toEqual([3, 4]);
  });
});

describe('chooseBeat', () => {
  const onsetsMs = [500, 1300, 2100, 2900, 3700, 4500, 5300, 6100, 6900, 7700, 8500];
  const samples = onsetsMs.map((ms) => ms / 2);

  it('never picks an ectopic beat or a beat hit by noise', () => {
    const leads = syntheticEcg({ onsetsMs, ectopic: [3, 7] });
    // A burst of noise over beat 5.
    for (const x of leads) for (let i = samples[5]; i < samples[5] + 200; i++) x[i] += Math.sin(i * 1.3) * 0.8;
    const choice = chooseBeat(leads, samples, 200)!;
    expect([3, 5, 7]).not.toContain(choice.beatIndex);
    expect(choice.candidateBeats).toBe(onsetsMs.length);
    expect(choice.correlationWithMedian).toBeGreaterThan(0.99);
  });

  it('skips beats whose window runs past the end', () => {
    const leads = syntheticEcg({ onsetsMs: [9700, 9800] });
    expect(chooseBeat(leads, [4850, 4900], 200)).toBeNull();
  });
});
