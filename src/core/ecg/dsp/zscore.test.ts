import { describe, expect, it } from 'vitest';
import { zscore } from './zscore';

describe('zscore (population std, as numpy .std())', () => {
  it('standardises a known series', () => {
    // mean 2.5, population variance 1.25
    const z = zscore([1, 2, 3, 4]);
    const s = Math.sqrt(1.25);
    expect(Array.from(z)).toEqual(Array.from(Float32Array.of(-1.5 / s, -0.5 / s, 0.5 / s, 1.5 / s)));
    expect(z).toBeInstanceOf(Float32Array);
  });

  it('gives mean 0 and std 1', () => {
    const x = Float64Array.from({ length: 1000 }, (_, i) => 3 + Math.sin(i / 7) * 0.2 + (i % 13) * 0.01);
    const z = zscore(x);
    const mean = z.reduce((a, b) => a + b, 0) / z.length;
    const std = Math.sqrt(z.reduce((a, b) => a + (b - mean) ** 2, 0) / z.length);
    expect(Math.abs(mean)).toBeLessThan(1e-6);
    expect(std).toBeCloseTo(1, 6);
  });

  it('returns zeros, not NaN or noise, for a flat lead', () => {
    for (const x of [new Float64Array(500), new Float64Array(500).fill(0.1), new Float32Array(5000).fill(-2.3)]) {
      const z = zscore(x);
      expect(z.every((v) => v === 0)).toBe(true);
    }
    // What a band-pass makes of a constant: pure rounding noise around 0.
    expect(zscore(Float64Array.from({ length: 100 }, (_, i) => (i % 2 ? 1e-17 : -2e-17))).every((v) => v === 0)).toBe(
      true,
    );
  });

  it('handles an empty input', () => {
    expect(zscore(new Float32Array(0)).length).toBe(0);
  });
});
