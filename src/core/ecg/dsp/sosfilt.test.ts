import { describe, expect, it } from 'vitest';
import { butterworthBandpassSos, butterworthLowpassSos } from './butterworth';
import { sosfiltInPlace, sosfiltZi } from './sosfilt';

describe('sosfiltInPlace', () => {
  it('one pole at 0.5 gives the impulse response 0.5^n, forwards and backwards', () => {
    const sos = [Float64Array.of(1, 0, 0, 1, -0.5, 0)];
    const x = new Float64Array(6);
    x[0] = 1;
    sosfiltInPlace(sos, x, new Float64Array(2));
    expect(Array.from(x)).toEqual([1, 0.5, 0.25, 0.125, 0.0625, 0.03125]);
    const r = new Float64Array(6);
    r[5] = 1;
    sosfiltInPlace(sos, r, new Float64Array(2), true);
    expect(Array.from(r)).toEqual([0.03125, 0.0625, 0.125, 0.25, 0.5, 1]);
  });

  it('an FIR section convolves: [1, 2, 1] on a step', () => {
    const x = Float64Array.of(1, 1, 1, 1);
    sosfiltInPlace([Float64Array.of(1, 2, 1, 1, 0, 0)], x, new Float64Array(2));
    expect(Array.from(x)).toEqual([1, 3, 4, 4]);
  });
});

describe('sosfiltZi', () => {
  it('starts a low-pass in steady state: a constant passes unchanged from the first sample', () => {
    const sos = butterworthLowpassSos(5, 40, 500);
    const x = new Float64Array(200).fill(3);
    sosfiltInPlace(
      sos,
      x,
      sosfiltZi(sos).map((v) => v * 3),
    );
    for (const v of x) expect(v).toBeCloseTo(3, 12);
  });

  it('starts a band-pass in steady state: a constant gives zero output throughout', () => {
    const sos = butterworthBandpassSos(4, 0.5, 40, 500);
    const x = new Float64Array(500).fill(-1.7);
    sosfiltInPlace(
      sos,
      x,
      sosfiltZi(sos).map((v) => v * -1.7),
    );
    for (const v of x) expect(Math.abs(v)).toBeLessThan(1e-12);
  });
});
