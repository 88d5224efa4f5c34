/** Per-lead standardisation as the training arrays were made: (x − mean) / population std. */

/**
 * A lead whose spread is only rounding noise is flat: a constant never gives an exact zero std in
 * floating point, and dividing that noise by itself would invent a ±1 signal.
 */
const FLAT_RELATIVE = 1e-9;
const FLAT_ABSOLUTE = 1e-12;

export function zscore(x: ArrayLike<number>): Float32Array {
  const n = x.length;
  const out = new Float32Array(n);
  if (n === 0) return out;
  let sum = 0;
  let peak = 0;
  for (let i = 0; i < n; i++) {
    sum += x[i];
    peak = Math.max(peak, Math.abs(x[i]));
  }
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (x[i] - mean) ** 2;
  const std = Math.sqrt(ss / n);
  if (!(std > FLAT_ABSOLUTE && std > FLAT_RELATIVE * peak)) return out; // flat lead: zeros, never NaN
  for (let i = 0; i < n; i++) out[i] = (x[i] - mean) / std;
  return out;
}
