/**
 * Zero-phase forward-backward filtering that reproduces scipy.signal.filtfilt(b, a, x) with its
 * defaults (odd extension of 3·(number of coefficients) samples at both ends, each pass started from
 * the steady state of its first sample), but run as second-order sections so that low cut-offs at
 * high rates stay numerically stable. This is scipy.signal.sosfiltfilt with filtfilt's padding.
 */
import { EcgError } from '../../errors';
import { sosfiltInPlace, sosfiltZi } from './sosfilt';
import type { Sos } from './zpk2sos';

/**
 * filtfilt's default padlen for the transfer function these sections multiply out to:
 * 3 · (2·sections + 1) coefficients, less the trailing zeros of first-order sections
 * (so an odd-order low-pass pads 3·(order + 1), exactly as filtfilt(b, a) of butter(..., output='ba')).
 */
export function filtfiltPadlen(sos: Sos): number {
  const zeroB2 = sos.filter((s) => s[2] === 0).length;
  const zeroA2 = sos.filter((s) => s[5] === 0).length;
  return 3 * (2 * sos.length + 1 - Math.min(zeroB2, zeroA2));
}

/** Zero-phase filtering of x; throws EcgError 'too-short' if x is not longer than the padding. */
export function filtfiltSos(sos: Sos, x: Float32Array | Float64Array): Float64Array {
  const n = x.length;
  const edge = filtfiltPadlen(sos);
  if (n <= edge) {
    throw new EcgError('too-short', `zero-phase filtering needs more than ${edge} samples, got ${n}`);
  }
  // Odd extension: the signal reflected through its end points, so the ends carry no step.
  const ext = new Float64Array(n + 2 * edge);
  const first = x[0];
  const last = x[n - 1];
  for (let i = 0; i < edge; i++) {
    ext[i] = 2 * first - x[edge - i];
    ext[edge + n + i] = 2 * last - x[n - 2 - i];
  }
  for (let i = 0; i < n; i++) ext[edge + i] = x[i];

  const zi = sosfiltZi(sos);
  const state = zi.map((v) => v * ext[0]);
  sosfiltInPlace(sos, ext, state);
  const endValue = ext[ext.length - 1];
  state.set(zi.map((v) => v * endValue));
  sosfiltInPlace(sos, ext, state, true);
  return ext.slice(edge, edge + n);
}
