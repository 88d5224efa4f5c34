import { describe, expect, it } from 'vitest';
import fixture from './fixtures/resample.json';
import { resamplePoly, resampleTo } from './resample';

const sine = (n: number, fs: number, f: number) =>
  Float64Array.from({ length: n }, (_, i) => Math.sin((2 * Math.PI * f * i) / fs));
/** RMS over the middle, away from the zero-padded ends. */
const midRms = (y: ArrayLike<number>, margin: number) => {
  let s = 0;
  for (let i = margin; i < y.length - margin; i++) s += y[i] ** 2;
  return Math.sqrt(s / (y.length - 2 * margin));
};

describe('resamplePoly / resampleTo against scipy.signal.resample_poly', () => {
  it.each(fixture.cases.map((c) => [c.fromHz, c.toHz, c] as const))('%d → %d Hz', (_, __, c) => {
    const lo = Math.min(...c.y);
    const scale = Math.max(...c.y) - lo;
    const exact = resamplePoly(c.x, c.up, c.down);
    expect(exact.length).toBe(c.y.length);
    exact.forEach((v, i) => expect(Math.abs(v - c.y[i])).toBeLessThan(1e-9 * scale)); // measured ~5e-12
    const y = resampleTo(Float64Array.from(c.x), c.fromHz, c.toHz);
    expect(y).toBeInstanceOf(Float32Array);
    expect(y.length).toBe(c.y.length);
    y.forEach((v, i) => expect(Math.abs(v - c.y[i])).toBeLessThan(1e-6 * scale));
  });
});

describe('resampleTo behaviour', () => {
  it('keeps a 10 Hz sine within 1 % in amplitude after 1000 → 500 Hz', () => {
    const y = resampleTo(sine(4000, 1000, 10), 1000, 500);
    expect(y.length).toBe(2000);
    expect(Math.abs(midRms(y, 100) * Math.SQRT2 - 1)).toBeLessThan(0.01);
    // and in phase: output k is input time 2k
    for (let k = 100; k < 1900; k += 97) expect(y[k]).toBeCloseTo(Math.sin((2 * Math.PI * 10 * 2 * k) / 1000), 2);
  });

  it('attenuates a 300 Hz sine (above the new Nyquist) by more than 40 dB after 1000 → 500 Hz', () => {
    const y = resampleTo(sine(4000, 1000, 300), 1000, 500);
    expect(20 * Math.log10(midRms(y, 100) * Math.SQRT2)).toBeLessThan(-40);
  });

  it('gives ceil(n·up/down) samples for the rates we meet', () => {
    for (const [from, n, expected] of [
      [100, 1000, 5000],
      [250, 2500, 5000],
      [257, 2571, 5002],
      [360, 3600, 5000],
      [1000, 38401, 19201],
    ]) {
      expect(resampleTo(new Float32Array(n), from, 500).length).toBe(expected);
    }
    expect(resampleTo(new Float32Array(4997), 499.7, 500).length).toBe(Math.ceil((4997 * 1001) / 1000));
  });

  it('returns a copy, not the input, when the rates are equal', () => {
    const x = Float32Array.of(1, 2, 3);
    const y = resampleTo(x, 500, 500);
    expect(y).toEqual(x);
    expect(y).not.toBe(x);
  });

  it('upsamples 100 → 500 Hz through the original samples, to within the filter ripple', () => {
    const x = sine(1000, 100, 3);
    const y = resamplePoly(x, 5, 1);
    // A one-sample shift at 500 Hz would be off by up to 2π·3/500 ≈ 0.04 here.
    for (let i = 50; i < 950; i += 37) expect(Math.abs(y[5 * i] - x[i])).toBeLessThan(2e-3);
  });

  it('rejects non-integer factors', () => {
    expect(() => resamplePoly([1, 2, 3], 1.5, 1)).toThrow(RangeError);
  });
});
