import { describe, expect, it } from 'vitest';
import { gcd, rateRatio } from './rational';

describe('rateRatio', () => {
  it.each([
    [1000, 500, 1, 2],
    [100, 500, 5, 1],
    [250, 500, 2, 1],
    [360, 500, 25, 18],
    [257, 500, 500, 257],
    [500, 500, 1, 1],
    [44100, 500, 5, 441],
  ])('%d → %d Hz is exactly %d/%d', (from, to, up, down) => {
    expect(rateRatio(from, to)).toEqual({ up, down, relativeError: 0 });
  });

  it('finds an exact fraction for a non-integer rate when one exists', () => {
    expect(rateRatio(128.5, 500)).toEqual({ up: 1000, down: 257, relativeError: 0 });
  });

  it('rounds 499.7 → 500 Hz to 1001/1000 (the exact 5000/4997 needs a larger denominator)', () => {
    const r = rateRatio(499.7, 500);
    expect([r.up, r.down]).toEqual([1001, 1000]);
    expect(r.relativeError).toBeCloseTo(Math.abs(1.001 / (500 / 499.7) - 1), 12);
    expect(r.relativeError).toBeLessThan(5e-4);
  });

  it('rejects rates that are not positive and finite', () => {
    expect(() => rateRatio(0, 500)).toThrow(RangeError);
    expect(() => rateRatio(500, Number.NaN)).toThrow(RangeError);
    expect(() => rateRatio(-1, 500)).toThrow(RangeError);
  });

  it('gcd', () => {
    expect(gcd(500, 360)).toBe(20);
    expect(gcd(7, 1)).toBe(1);
  });
});
