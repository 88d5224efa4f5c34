import { describe, expect, it } from 'vitest';
import { butterworthBandpassSos, butterworthLowpassSos, type Sos } from './butterworth';
import fixture from './fixtures/butterworth.json';
import { sosFrequencyResponse, sosGainDb } from './sosResponse';

type Case = (typeof fixture.cases)[number];
const design = (c: Case): Sos =>
  c.kind === 'bandpass'
    ? butterworthBandpassSos(c.order, c.lowHz as number, c.highHz as number, c.fsHz)
    : butterworthLowpassSos(c.order, c.cutHz as number, c.fsHz);
const label = (c: Case) =>
  c.kind === 'bandpass'
    ? `band ${c.order} [${c.lowHz}, ${c.highHz}] Hz @ ${c.fsHz}`
    : `low ${c.order} ${c.cutHz} Hz @ ${c.fsHz}`;
const HALF_POWER_DB = 10 * Math.log10(0.5); // −3.0103 dB

describe('Butterworth design against scipy.signal.butter(..., output="sos")', () => {
  it.each(fixture.cases.map((c) => [label(c), c] as const))('%s: same sections, same order', (_, c) => {
    const sos = design(c);
    expect(sos.length).toBe(c.sos.length);
    sos.forEach((s, i) =>
      s.forEach((v, j) =>
        expect(Math.abs(v - c.sos[i][j])).toBeLessThanOrEqual(1e-13 * Math.max(1, Math.abs(c.sos[i][j]))),
      ),
    );
  });

  it.each(fixture.cases.map((c) => [label(c), c] as const))(
    '%s: same frequency response at 400 frequencies',
    (_, c) => {
      const sos = design(c);
      for (let i = 0; i < 400; i++) {
        const f = ((i + 0.5) / 400) * (c.fsHz / 2);
        const ours = sosFrequencyResponse(sos, f, c.fsHz);
        const ref = sosFrequencyResponse(
          c.sos.map((s) => Float64Array.from(s)),
          f,
          c.fsHz,
        );
        expect(Math.abs(ours.re - ref.re)).toBeLessThan(1e-9);
        expect(Math.abs(ours.im - ref.im)).toBeLessThan(1e-9);
      }
    },
  );

  it('the model band-pass is −3 dB at 0.5 and 40 Hz and flat in between', () => {
    const sos = butterworthBandpassSos(4, 0.5, 40, 500);
    expect(sosGainDb(sos, 0.5, 500)).toBeCloseTo(HALF_POWER_DB, 9);
    expect(sosGainDb(sos, 40, 500)).toBeCloseTo(HALF_POWER_DB, 9);
    expect(Math.abs(sosGainDb(sos, 5, 500))).toBeLessThan(0.01);
    expect(sosGainDb(sos, 0.05, 500)).toBeLessThan(-70);
    expect(sosGainDb(sos, 150, 500)).toBeLessThan(-55);
  });

  it('follows the textbook Butterworth magnitude at the pre-warped frequency', () => {
    // Bilinear transform: digital f behaves as analog Ω = 4·tan(π·f/fs) (scipy's fs = 2 normalisation).
    const warp = (f: number, fs: number) => 4 * Math.tan((Math.PI * f) / fs);
    const [order, lo, hi, fs] = [4, 0.5, 40, 500];
    const bp = butterworthBandpassSos(order, lo, hi, fs);
    const [w0, w1] = [warp(lo, fs), warp(hi, fs)];
    const lp = butterworthLowpassSos(5, 100, 1000);
    for (let i = 1; i < 200; i++) {
      const f = (i / 200) * (fs / 2);
      const w = warp(f, fs);
      const bpMag = 1 / Math.sqrt(1 + ((w * w - w0 * w1) / (w * (w1 - w0))) ** (2 * order));
      expect(Math.abs(Math.hypot(...Object.values(sosFrequencyResponse(bp, f, fs))) - bpMag)).toBeLessThan(1e-9);
      const f2 = f * 2;
      const lpMag = 1 / Math.sqrt(1 + (warp(f2, 1000) / warp(100, 1000)) ** 10);
      expect(Math.abs(Math.hypot(...Object.values(sosFrequencyResponse(lp, f2, 1000))) - lpMag)).toBeLessThan(1e-9);
    }
  });

  it('low-pass is 0 dB at DC and −3 dB at its cutoff, for even and odd orders', () => {
    for (const [order, cut, fs] of [
      [4, 40, 500],
      [5, 100, 1000],
      [1, 10, 250],
    ]) {
      const sos = butterworthLowpassSos(order, cut, fs);
      expect(sosGainDb(sos, 0, fs)).toBeCloseTo(0, 12);
      expect(sosGainDb(sos, cut, fs)).toBeCloseTo(HALF_POWER_DB, 9);
    }
  });

  it('rejects impossible designs', () => {
    expect(() => butterworthBandpassSos(4, 0.5, 250, 500)).toThrow(RangeError);
    expect(() => butterworthBandpassSos(4, 40, 0.5, 500)).toThrow(RangeError);
    expect(() => butterworthBandpassSos(0, 0.5, 40, 500)).toThrow(RangeError);
    expect(() => butterworthLowpassSos(2.5, 40, 500)).toThrow(RangeError);
    expect(() => butterworthLowpassSos(4, 0, 500)).toThrow(RangeError);
  });
});
