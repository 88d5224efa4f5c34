/**
 * Causal filtering through second-order sections (transposed direct form II per section, as
 * scipy.signal.sosfilt), and the steady-state initial conditions scipy.signal.sosfilt_zi gives.
 */
import type { Sos } from './zpk2sos';

/**
 * State of every section after an infinitely long unit step: [z0, z1] per section, flattened.
 * Multiplying by the first sample starts the filter as if the signal had always been at that level.
 */
export function sosfiltZi(sos: Sos): Float64Array {
  const zi = new Float64Array(2 * sos.length);
  let scale = 1; // DC gain of the sections before this one
  sos.forEach((s, i) => {
    const [b0, b1, b2, a0, a1, a2] = [s[0] / s[3], s[1] / s[3], s[2] / s[3], 1, s[4] / s[3], s[5] / s[3]];
    // scipy lfilter_zi for a 2nd-order section, solved in closed form: (I − Aᵀ)·zi = b[1:] − a[1:]·b0.
    const zi0 = (b1 - a1 * b0 + (b2 - a2 * b0)) / (a0 + a1 + a2);
    zi[2 * i] = scale * zi0;
    zi[2 * i + 1] = scale * (b2 - a2 * b0 - a2 * zi0);
    scale *= (b0 + b1 + b2) / (a0 + a1 + a2);
  });
  return zi;
}

/**
 * Filters x in place through all sections; `state` (2 per section, e.g. sosfiltZi × x[0]) is updated
 * to the final state. `backward` runs from the last sample to the first (for the reverse pass of filtfilt).
 */
export function sosfiltInPlace(sos: Sos, x: Float64Array, state: Float64Array, backward = false): void {
  const n = sos.length;
  const c = new Float64Array(5 * n); // b0 b1 b2 a1 a2, normalised by a0
  sos.forEach((s, i) => c.set([s[0] / s[3], s[1] / s[3], s[2] / s[3], s[4] / s[3], s[5] / s[3]], 5 * i));
  const len = x.length;
  for (let k = 0; k < len; k++) {
    const t = backward ? len - 1 - k : k;
    let v = x[t];
    for (let i = 0, j = 0; i < n; i++, j += 5) {
      const y = c[j] * v + state[2 * i];
      state[2 * i] = c[j + 1] * v - c[j + 3] * y + state[2 * i + 1];
      state[2 * i + 1] = c[j + 2] * v - c[j + 4] * y;
      v = y;
    }
    x[t] = v;
  }
}
