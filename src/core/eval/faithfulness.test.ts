import { describe, expect, it } from 'vitest';
import {
  type BatchLogits,
  deletionInsertion,
  evidenceFor,
  expandOverChannels,
  randomisationCorrelation,
  rankByImportance,
  trapezoidArea,
} from './faithfulness';

/** A linear "model": abnormal logit = Σ w·x, normal logit = 0; so the margin is Σ w·x exactly. */
const linear =
  (w: number[]): BatchLogits =>
  async (xs) =>
    xs.map((x) => [0, x.reduce((s, v, i) => s + v * w[i], 0)]);

describe('deletion and insertion curves', () => {
  const x = Float32Array.from([1, 1, 1, 1]);
  const w = [4, 3, 2, 1];
  it('on a linear model, deleting by the true contributions removes 4, then 3, …: hand-computed curve and area', async () => {
    const r = await deletionInsertion(linear(w), x, [4, 3, 2, 1], { steps: 4, targetClass: 1 });
    expect(r.fractions).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(r.deletion).toEqual([10, 6, 3, 1, 0]);
    expect(r.insertion).toEqual([0, 4, 7, 9, 10]);
    // Trapezoids, h = 0.25: (10+6 + 6+3 + 3+1 + 1+0)/2 · 0.25 = 3.75; insertion (4 + 11 + 16 + 19)/2 · 0.25 = 6.25.
    expect(r.deletionAuc).toBeCloseTo(3.75, 12);
    expect(r.insertionAuc).toBeCloseTo(6.25, 12);
  });
  it('a reversed map is less faithful: larger deletion area, smaller insertion area', async () => {
    const good = await deletionInsertion(linear(w), x, [4, 3, 2, 1], { steps: 4, targetClass: 1 });
    const bad = await deletionInsertion(linear(w), x, [1, 2, 3, 4], { steps: 4, targetClass: 1 });
    expect(bad.deletion).toEqual([10, 9, 7, 4, 0]);
    expect(bad.deletionAuc).toBeGreaterThan(good.deletionAuc);
    expect(bad.insertionAuc).toBeLessThan(good.insertionAuc);
  });
  it('for the normal class the margin is normal-minus-abnormal; one batch call holds all 2(k+1) inputs', async () => {
    let calls = 0;
    let size = 0;
    const f: BatchLogits = async (xs) => ((calls++, (size = xs.length)), linear(w)(xs));
    const r = await deletionInsertion(f, x, [4, 3, 2, 1], { steps: 2, targetClass: 0 });
    expect([calls, size]).toEqual([1, 6]);
    expect(r.deletion).toEqual([-10, -3, 0]);
  });
  it('checks its input', async () => {
    await expect(deletionInsertion(linear(w), x, [1, 2], { targetClass: 1 })).rejects.toThrow(
      'importance map has 2 values, the input 4',
    );
    await expect(deletionInsertion(linear(w), x, [1, 2, 3, 4], { targetClass: 1, steps: 0 })).rejects.toThrow(
      'steps must be a positive integer',
    );
  });
  it('helpers: ranking with ties by position, expansion over channels, trapezoid', () => {
    expect([...evidenceFor([0.5, -2, 0], 1)]).toEqual([0.5, -2, 0]);
    expect([...evidenceFor([0.5, -2, 0], 0)]).toEqual([-0.5, 2, -0]);
    expect([...rankByImportance([0.5, 2, 0.5, 3])]).toEqual([3, 1, 0, 2]);
    expect([...expandOverChannels([1, 2], 3)]).toEqual([1, 1, 1, 2, 2, 2]);
    expect(trapezoidArea([0, 1])).toBe(0.5);
  });
});

describe('model-randomisation sanity check', () => {
  it('Spearman of signed and absolute maps; null for a constant map', () => {
    expect(randomisationCorrelation([1, 2, 3], [10, 20, 30])).toEqual({ spearman: 1, spearmanAbs: 1 });
    const r = randomisationCorrelation([-3, 1, 2], [3, 1, 2]);
    expect(r.spearman).toBeCloseTo(-0.5, 12);
    expect(r.spearmanAbs).toBe(1);
    expect(randomisationCorrelation([1, 1, 1], [1, 2, 3]).spearman).toBeNull();
  });
});
