/**
 * Windowed-sinc low-pass FIR design with a Kaiser window, as scipy.signal.firwin(numtaps, cutoff,
 * window=('kaiser', beta)) with its defaults (pass_zero, scale so the DC gain is exactly 1).
 */

/** Modified Bessel function I0 by its power series: all terms positive, so accurate to a few ulps for the βs we use. */
export function besselI0(x: number): number {
  const q = (x / 2) ** 2;
  let term = 1;
  let sum = 1;
  for (let k = 1; k < 500 && term > sum * 1e-17; k++) {
    term *= q / (k * k);
    sum += term;
  }
  return sum;
}

/** Symmetric Kaiser window of length n (scipy.signal.windows.kaiser(n, beta, sym=True)). */
export function kaiserWindow(n: number, beta: number): Float64Array {
  const w = new Float64Array(n);
  if (n === 1) return w.fill(1);
  const alpha = (n - 1) / 2;
  const norm = besselI0(beta);
  for (let i = 0; i < n; i++) {
    const r = (i - alpha) / alpha;
    w[i] = besselI0(beta * Math.sqrt(Math.max(0, 1 - r * r))) / norm;
  }
  return w;
}

const sinc = (x: number): number => (x === 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x));

/** Linear-phase low-pass with `numtaps` taps (odd) and cutoff as a fraction of Nyquist (0–1). */
export function firwinLowpass(numtaps: number, cutoff: number, beta = 5): Float64Array {
  if (!(cutoff > 0 && cutoff < 1)) throw new RangeError(`cutoff must be in (0, 1) of Nyquist, got ${cutoff}`);
  const h = kaiserWindow(numtaps, beta);
  const alpha = (numtaps - 1) / 2;
  let sum = 0;
  for (let i = 0; i < numtaps; i++) {
    h[i] *= cutoff * sinc(cutoff * (i - alpha));
    sum += h[i];
  }
  for (let i = 0; i < numtaps; i++) h[i] /= sum;
  return h;
}
