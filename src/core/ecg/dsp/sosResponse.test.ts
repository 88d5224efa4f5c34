import { describe, expect, it } from 'vitest';
import { sosFrequencyResponse, sosGainDb } from './sosResponse';

describe('sosFrequencyResponse', () => {
  it('a two-point average has H = e^{−jω/2}·cos(ω/2)', () => {
    const avg = [Float64Array.of(0.5, 0.5, 0, 1, 0, 0)];
    expect(sosGainDb(avg, 0, 100)).toBeCloseTo(0, 12);
    const h = sosFrequencyResponse(avg, 25, 100); // ω = π/2: 0.5·(1 − i)
    expect(h.re).toBeCloseTo(0.5, 15);
    expect(h.im).toBeCloseTo(-0.5, 15);
    expect(sosGainDb(avg, 25, 100)).toBeCloseTo(20 * Math.log10(Math.SQRT1_2), 12);
  });

  it('multiplies sections: a one-pole y = x + 0.5·y[−1] twice has DC gain 4', () => {
    const onePole = Float64Array.of(1, 0, 0, 1, -0.5, 0);
    const h = sosFrequencyResponse([onePole, onePole], 0, 500);
    expect(h.re).toBeCloseTo(4, 14);
    expect(h.im).toBeCloseTo(0, 14);
    const nyq = sosFrequencyResponse([onePole], 250, 500); // 1 / (1 + 0.5)
    expect(nyq.re).toBeCloseTo(2 / 3, 14);
  });
});
