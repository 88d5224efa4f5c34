import { describe, expect, it } from 'vitest';
import { besselI0, firwinLowpass, kaiserWindow } from './firwin';
import fixture from './fixtures/resample.json';

describe('besselI0', () => {
  it('matches tabulated values', () => {
    expect(besselI0(0)).toBe(1);
    expect(besselI0(1)).toBeCloseTo(1.2660658777520082, 15);
    expect(besselI0(5) / 27.239871823604442 - 1).toBeLessThan(1e-15);
    expect(Math.abs(besselI0(10) / 2815.716628466254 - 1)).toBeLessThan(1e-14);
  });
});

describe('kaiserWindow', () => {
  it('is symmetric, 1 in the middle and 1/I0(β) at the ends', () => {
    const w = kaiserWindow(41, 5);
    expect(w[20]).toBe(1);
    expect(w[0]).toBeCloseTo(1 / 27.239871823604442, 15);
    for (let i = 0; i < 41; i++) expect(w[i]).toBe(w[40 - i]);
    expect(Array.from(kaiserWindow(1, 5))).toEqual([1]);
  });
});

describe('firwinLowpass', () => {
  it("equals scipy.signal.firwin(41, 0.5, window=('kaiser', 5.0))", () => {
    const { numtaps, cutoff, beta, h } = fixture.firwin;
    const ours = firwinLowpass(numtaps, cutoff, beta);
    ours.forEach((v, i) => expect(Math.abs(v - h[i])).toBeLessThan(1e-15));
  });

  it('has unit DC gain', () => {
    expect(firwinLowpass(201, 0.1).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
  });

  it('rejects a cutoff outside (0, 1)', () => {
    expect(() => firwinLowpass(21, 1)).toThrow(RangeError);
  });
});
