/**
 * Heart vector → the 12 standard leads with Dower's lead-vector matrix.
 *
 * Dower GE, Machado HB, Osborne JA. On deriving the electrocardiogram from vectorcardiographic leads.
 * Clin Cardiol 1980;3:87–95 (the "Dower transform"). Rows I, II, V1–V6; columns Frank X (patient's left),
 * Y (feet), Z (back): each row is the lead vector of that lead for a dipole at the heart's centre, in mV per mV of
 * Frank lead. Coefficients as reproduced by Edenbrandt & Pahlm (J Electrocardiol 1988;21:361–7), whose
 * pseudo-inverse of this matrix is the inverse Dower matrix in src/core/cine/vcg.ts, and in open VCG code. The test
 * checks the pair against each other: INVERSE_DOWER · DOWER = I₃ to within 0.03 (rounding of the published values).
 *
 * III, aVR, aVL and aVF are not in Dower's table: they follow from I and II by Einthoven's and Goldberger's
 * equations (III = II − I, aVR = −(I + II)/2, aVL = I − II/2, aVF = II − I/2), as on a real recorder.
 */

/** Rows: leads I, II, V1, V2, V3, V4, V5, V6; columns Frank X, Y, Z (Dower et al. 1980). */
export const DOWER_MATRIX: readonly (readonly [number, number, number])[] = [
  [0.632, -0.235, 0.059],
  [0.235, 1.066, -0.132],
  [-0.515, 0.157, -0.917],
  [0.044, 0.164, -1.387],
  [0.882, 0.098, -1.277],
  [1.213, 0.127, -0.601],
  [1.125, 0.127, -0.086],
  [0.831, 0.076, 0.23],
];

/**
 * The 8 independent leads (I, II, V1–V6, mV) from a Frank-axis heart vector given per axis (mV), for every sample.
 * Returns 8 arrays in DOWER_MATRIX's row order (I, II, V1–V6).
 */
export function projectDower(x: ArrayLike<number>, y: ArrayLike<number>, z: ArrayLike<number>): Float64Array[] {
  const n = x.length;
  if (y.length !== n || z.length !== n)
    throw new Error(`heart vector axes differ in length: x ${n}, y ${y.length}, z ${z.length}`);
  return DOWER_MATRIX.map(([a, b, c]) => {
    const out = new Float64Array(n);
    for (let t = 0; t < n; t++) out[t] = a * x[t] + b * y[t] + c * z[t];
    return out;
  });
}

/** The 12 standard leads (STANDARD_LEADS order) from I, II, V1–V6: the limb leads by Einthoven and Goldberger. */
export function twelveFromEight(eight: readonly Float64Array[]): Float64Array[] {
  if (eight.length !== 8) throw new Error(`expected the 8 leads I, II, V1–V6, got ${eight.length}`);
  const [i, ii] = eight;
  const n = i.length;
  const iii = new Float64Array(n);
  const avr = new Float64Array(n);
  const avl = new Float64Array(n);
  const avf = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    iii[t] = ii[t] - i[t];
    avr[t] = -(i[t] + ii[t]) / 2;
    avl[t] = i[t] - ii[t] / 2;
    avf[t] = ii[t] - i[t] / 2;
  }
  return [i, ii, iii, avr, avl, avf, ...eight.slice(2)];
}
