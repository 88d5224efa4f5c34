import { describe, expect, it } from 'vitest';
import { median, quantile, quantileNearestSorted, quantileRankSorted, quantileSorted } from './quantile';

// Known answers from numpy: np.percentile([1, 2, 4, 8], q, method=...) and np.median.
describe('one quantile helper (type 7 by default, two named variants)', () => {
  it('type 7 matches numpy linear', () => {
    expect(quantileSorted([1, 2, 4, 8], 0.5)).toBe(3);
    expect(quantileSorted([1, 2, 4, 8], 0.9)).toBeCloseTo(6.8, 12);
    expect(quantileSorted([1, 2, 4, 8], 0)).toBe(1);
    expect(quantileSorted([1, 2, 4, 8], 1)).toBe(8);
    expect(quantile([8, 1, 4, 2], 0.25)).toBeCloseTo(1.75, 12);
    expect(quantile([], 0.5)).toBeNaN();
  });

  it('the median is type 7 at 0.5: middle value, or the mean of the two middle values', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([10, 2, 4, 1])).toBe(3);
    expect(median([-1, 100])).toBe(49.5);
    expect(median([10, 9, 1, 2])).toBe(quantile([10, 9, 1, 2], 0.5));
    expect(median([])).toBeNaN();
  });

  it('sorts numbers as numbers, not as strings', () => {
    expect(median([10, 9, 100])).toBe(10);
  });

  it('nearest (QRS thresholds) and rank ⌊p·n⌋ (reports) stay what their callers were written with', () => {
    const s = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(quantileNearestSorted(s, 0.5)).toBe(6); // numpy nearest: position 4.5 rounds to 5 (JS Math.round, half up)
    expect(quantileNearestSorted(s, 0.99)).toBe(10);
    expect(quantileRankSorted(s, 0.5)).toBe(6);
    expect(quantileRankSorted(s, 0.9)).toBe(10);
    expect(quantileRankSorted(s, 1)).toBe(10);
  });
});
