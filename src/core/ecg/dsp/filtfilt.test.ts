import { describe, expect, it } from 'vitest';
import { EcgError } from '../../errors';
import { butterworthBandpassSos, butterworthLowpassSos } from './butterworth';
import { filtfiltPadlen, filtfiltSos } from './filtfilt';
import fixture from './fixtures/filtfilt.json';
import { sosfiltInPlace } from './sosfilt';

const maxAbsDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
};
const range = (a: ArrayLike<number>) => Math.max(...Array.from(a)) - Math.min(...Array.from(a));
const argmax = (a: ArrayLike<number>) => Array.from(a).reduce((best, v, i, arr) => (v > arr[best] ? i : best), 0);

describe('filtfiltSos against scipy (fixture: sines + step + noise, 2000 samples at 500 Hz)', () => {
  const x = Float64Array.from(fixture.x);
  const bp = fixture.bandpass;
  const y = filtfiltSos(butterworthBandpassSos(bp.order, bp.lowHz, bp.highHz, fixture.fsHz), x);
  const scale = range(bp.sosfiltfiltSamePad);

  it('equals scipy sosfiltfilt(sos, x, padlen=27) to 1e-9 of the signal range', () => {
    expect(y.length).toBe(x.length);
    expect(maxAbsDiff(y, bp.sosfiltfiltSamePad) / scale).toBeLessThan(1e-9); // measured ~1.3e-13
  });

  it('equals scipy filtfilt(b, a, x) up to the rounding error of its transfer-function form', () => {
    // filtfilt(b, a) runs the 9-coefficient polynomial, whose rounding scipy's own sosfiltfilt
    // differs from by ~3e-6 of the range on this signal; no SOS implementation can get closer.
    const d = maxAbsDiff(y, bp.filtfiltBa) / scale;
    expect(d).toBeLessThan(1e-5);
    expect(maxAbsDiff(bp.sosfiltfiltSamePad, bp.filtfiltBa) / scale).toBeGreaterThan(1e-7);
  });

  it('uses filtfilt(b, a) padding for an odd-order low-pass too (18 samples, not 21)', () => {
    const lp = fixture.lowpass;
    const sos = butterworthLowpassSos(lp.order, lp.cutHz, fixture.fsHz);
    expect(filtfiltPadlen(sos)).toBe(18);
    const out = filtfiltSos(sos, x.subarray(0, lp.n));
    expect(maxAbsDiff(out, lp.filtfiltBa) / range(lp.filtfiltBa)).toBeLessThan(1e-9);
  });

  it('pads 3 × 9 = 27 samples for the 4th-order band-pass', () => {
    expect(filtfiltPadlen(butterworthBandpassSos(4, 0.5, 40, 500))).toBe(27);
  });

  it('takes float32 input and returns the same as for the same values in float64', () => {
    const x32 = Float32Array.from(x);
    const sos = butterworthBandpassSos(4, 0.5, 40, 500);
    expect(maxAbsDiff(filtfiltSos(sos, x32), filtfiltSos(sos, Float64Array.from(x32)))).toBe(0);
  });
});

describe('zero phase', () => {
  const n = 2001;
  const centre = 1000;
  const pulse = Float64Array.from({ length: n }, (_, i) => Math.exp(-0.5 * ((i - centre) / 8) ** 2));
  const sos = butterworthBandpassSos(4, 0.5, 40, 500);

  it('a symmetric pulse keeps its peak where it was, and its shape around the peak', () => {
    const y = filtfiltSos(sos, pulse);
    expect(argmax(y)).toBe(centre);
    // Near the peak the two sides agree to ~2e-5 of the peak. Farther out the different start-up
    // transients of the two ends (2 s away, 0.5 Hz high-pass) break the symmetry by up to 4e-3:
    // scipy's filtfilt does exactly the same there.
    for (let k = 1; k <= 10; k++) expect(Math.abs(y[centre + k] - y[centre - k])).toBeLessThan(5e-5 * y[centre]);
  });

  it('whereas a single causal pass delays it (so the check above can fail)', () => {
    const y = Float64Array.from(pulse);
    sosfiltInPlace(sos, y, new Float64Array(2 * sos.length));
    expect(argmax(y)).toBeGreaterThan(centre + 2);
  });
});

describe('input checks', () => {
  it('refuses a signal no longer than the padding, as scipy does', () => {
    const sos = butterworthBandpassSos(4, 0.5, 40, 500);
    expect(() => filtfiltSos(sos, new Float64Array(27))).toThrow(EcgError);
    expect(() => filtfiltSos(sos, new Float64Array(27))).toThrow(/more than 27 samples/);
    expect(filtfiltSos(sos, new Float64Array(28)).length).toBe(28);
  });

  it('does not change its input', () => {
    const x = Float64Array.from(fixture.x.slice(0, 300));
    const copy = Float64Array.from(x);
    filtfiltSos(butterworthLowpassSos(4, 40, 500), x);
    expect(x).toEqual(copy);
  });
});
