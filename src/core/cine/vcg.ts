/**
 * The vectorcardiogram reconstructed from the 8 independent leads of the 12-lead ECG (I, II, V1–V6).
 *
 * Kors regression matrix: Kors JA, van Herpen G, Sittig AC, van Bemmel JH. Reconstruction of the Frank
 * vectorcardiogram from standard electrocardiographic leads: diagnostic comparison of different methods.
 * Eur Heart J 1990;11:1083–92. Coefficients as tabulated there and reproduced identically in BRAVEHEART
 * (korsmatrix.m, Stabenau & Waks) and other open VCG code.
 * Inverse Dower matrix: Edenbrandt L, Pahlm O. Vectorcardiogram synthesized from a 12-lead ECG: superiority of
 * the inverse Dower matrix. J Electrocardiol 1988;21:361–7 (as in BRAVEHEART dowermatrix.m).
 *
 * Both give the Frank leads in Frank's own axes: X toward the patient's left, Y toward the feet, Z toward the back
 * (Malmivuo & Plonsey, Bioelectromagnetism, ch. 11; the V1 coefficient of Z is negative: V1 faces the front).
 * In the heart frame (LPS) that is x = X, y = Z, z = −Y — a proper rotation, so handedness is kept.
 */
import { STANDARD_LEADS, type StandardLead } from '../ecg/types';

export type VcgMethod = 'kors' | 'inverse-dower';
/** Inputs of both matrices, in this column order. */
export const VCG_INPUT_LEADS: readonly StandardLead[] = ['I', 'II', 'V1', 'V2', 'V3', 'V4', 'V5', 'V6'];

/** Rows Frank X, Y, Z; columns VCG_INPUT_LEADS. */
export const KORS_MATRIX: readonly (readonly number[])[] = [
  [0.38, -0.07, -0.13, 0.05, -0.01, 0.14, 0.06, 0.54],
  [-0.07, 0.93, 0.06, -0.02, -0.05, 0.06, -0.17, 0.13],
  [0.11, -0.23, -0.43, -0.06, -0.14, -0.2, -0.11, 0.31],
];
export const INVERSE_DOWER_MATRIX: readonly (readonly number[])[] = [
  [0.156, -0.01, -0.172, -0.074, 0.122, 0.231, 0.239, 0.194],
  [-0.227, 0.887, 0.057, -0.019, -0.106, -0.022, 0.041, 0.048],
  [0.022, 0.102, -0.229, -0.31, -0.246, -0.063, 0.055, 0.108],
];

export interface FrankLeads {
  /** mV, Frank axes: x left, y feet, z back. */
  x: Float64Array;
  y: Float64Array;
  z: Float64Array;
}

/** Frank X, Y, Z (mV) from 12 leads in STANDARD_LEADS order (mV), samples [start, start + length). */
export function frankFromLeads(
  leadsMv: ArrayLike<number>[],
  method: VcgMethod = 'kors',
  start = 0,
  length = leadsMv[0].length - start,
): FrankLeads {
  if (leadsMv.length !== STANDARD_LEADS.length)
    throw new Error(`the VCG needs the 12 standard leads, got ${leadsMv.length}`);
  const m = method === 'kors' ? KORS_MATRIX : INVERSE_DOWER_MATRIX;
  const inputs = VCG_INPUT_LEADS.map((l) => leadsMv[STANDARD_LEADS.indexOf(l)]);
  const out = [new Float64Array(length), new Float64Array(length), new Float64Array(length)];
  for (let t = 0; t < length; t++) {
    for (let r = 0; r < 3; r++) {
      let s = 0;
      for (let c = 0; c < inputs.length; c++) s += m[r][c] * inputs[c][start + t];
      out[r][t] = s;
    }
  }
  return { x: out[0], y: out[1], z: out[2] };
}

/** Frank (X left, Y feet, Z back) → heart frame (LPS): [X, Z, −Y]. */
export function frankToLps(x: number, y: number, z: number): [number, number, number] {
  return [x, z, -y];
}

/** The VCG in the heart frame, time-major [T × 3] (mV per axis: a direction and size, not a position). */
export function vcgLps(
  leadsMv: ArrayLike<number>[],
  method: VcgMethod = 'kors',
  start = 0,
  length?: number,
): Float64Array {
  const f = frankFromLeads(leadsMv, method, start, length);
  const n = f.x.length;
  const out = new Float64Array(3 * n);
  for (let t = 0; t < n; t++) out.set(frankToLps(f.x[t], f.y[t], f.z[t]), 3 * t);
  return out;
}
