import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../random';
import { bcaInterval, normCdf, normInv } from './bootstrap';
import { accuracy, auroc, confusion, macroF1 } from './classification';

describe('classification metrics (hand-worked)', () => {
  const y = [1, 1, 1, 0, 0, 0, 0, 1];
  const p = [1, 1, 0, 0, 0, 1, 0, 1];
  it('confusion, accuracy, macro-F1', () => {
    const c = confusion(y, p);
    expect(c).toEqual({ tp: 3, fp: 1, tn: 3, fn: 1 });
    expect(accuracy(c)).toBe(0.75);
    // F1(abnormal) = 6/8, F1(normal) = 6/8
    expect(macroF1(c)).toBeCloseTo(0.75, 12);
    // all called abnormal: F1(abnormal) = 2·2/(2·2+2) = 2/3, F1(normal) = 0
    expect(macroF1(confusion([1, 1, 0, 0], [1, 1, 1, 1]))).toBeCloseTo((2 / 3 + 0) / 2, 12);
  });
  it('AUROC: perfect, reversed, ties, and a hand-counted case', () => {
    expect(auroc([0, 0, 1, 1], [0.1, 0.2, 0.8, 0.9])).toBe(1);
    expect(auroc([0, 0, 1, 1], [0.9, 0.8, 0.2, 0.1])).toBe(0);
    expect(auroc([0, 1], [0.5, 0.5])).toBe(0.5);
    // positives 0.4, 0.8; negatives 0.1, 0.5, 0.9 → pairs won: (0.4>0.1), (0.8>0.1), (0.8>0.5) = 3 of 6
    expect(auroc([1, 1, 0, 0, 0], [0.4, 0.8, 0.1, 0.5, 0.9])).toBeCloseTo(0.5, 12);
    expect(auroc([1, 1], [0.1, 0.2])).toBeNaN();
  });
});

describe('BCa bootstrap', () => {
  it('normal quantiles', () => {
    expect(normInv(0.975)).toBeCloseTo(1.959964, 5);
    expect(normCdf(1.959964)).toBeCloseTo(0.975, 6);
    expect(normInv(normCdf(-2.7))).toBeCloseTo(-2.7, 5);
  });
  it('the interval of a mean covers the textbook normal interval of a large sample', () => {
    const rand = mulberry32(7);
    const x = Array.from({ length: 400 }, () => (rand() < 0.8 ? 1 : 0)); // a proportion near 0.8
    const mean = (idx: Int32Array) => idx.reduce((a, i) => a + x[i], 0) / idx.length;
    const ci = bcaInterval(x.length, mean, { random: mulberry32(1), resamples: 2000 });
    const m = ci.estimate;
    const se = Math.sqrt((m * (1 - m)) / x.length);
    // Within one percentage point (the bootstrap distribution of a proportion moves in steps of 1/400).
    expect(Math.abs(ci.low - (m - 1.96 * se))).toBeLessThan(0.01);
    expect(Math.abs(ci.high - (m + 1.96 * se))).toBeLessThan(0.01);
    expect(ci.low).toBeLessThan(m);
    expect(ci.high).toBeGreaterThan(m);
  });
});
