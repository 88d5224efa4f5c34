/**
 * The frontal-plane QRS axis of one beat, from the net QRS area in leads I and aVF (the hexaxial reference system).
 *
 * For a frontal heart vector of size H at angle θ (0° = lead I, +90° = aVF, positive clockwise as the ECG is read):
 * I = H·cos θ and aVF = (II + III)/2 = H·(√3/2)·sin θ, so θ = atan2(aVF · 2/√3, I). Net areas (the integral over
 * the QRS, each lead measured from its level just before QRS onset) are less sensitive to one sharp peak than
 * amplitudes.
 */

/** Axis categories (AHA/ACCF/HRS recommendations for the standardisation of the ECG, part I, Circulation 2007;115:1306). */
export const AXIS_LIMITS_DEG = {
  /** Normal adult frontal QRS axis: −30° to +90°. */
  normalFrom: -30,
  normalTo: 90,
  /** Left axis deviation: −30° to −90°; LAFB needs −45° or more negative (AHA/ACCF/HRS part III, 2009). */
  lafbAtMost: -45,
} as const;

export type AxisCategory = 'normal' | 'left axis deviation' | 'right axis deviation' | 'extreme axis deviation';

export interface QrsAxis {
  /** θ in (−180°, 180°]. */
  degrees: number;
  /** Net QRS areas used, mV·ms. */
  areaIMvMs: number;
  areaAvfMvMs: number;
  category: AxisCategory;
  /** θ within LAFB's range (−45° to −90°). */
  inLafbRange: boolean;
}

export function axisCategory(deg: number): AxisCategory {
  if (deg >= AXIS_LIMITS_DEG.normalFrom && deg <= AXIS_LIMITS_DEG.normalTo) return 'normal';
  if (deg < AXIS_LIMITS_DEG.normalFrom && deg >= -90) return 'left axis deviation';
  if (deg > AXIS_LIMITS_DEG.normalTo && deg <= 180) return 'right axis deviation';
  return 'extreme axis deviation';
}

/** Net area of one lead over [from, to) samples (mV·ms), measured from `baselineMv`. */
export function netAreaMvMs(
  lead: ArrayLike<number>,
  from: number,
  to: number,
  baselineMv: number,
  fsHz: number,
): number {
  if (!(from >= 0 && to <= lead.length && to > from))
    throw new Error(`QRS span [${from}, ${to}) lies outside the lead (${lead.length} samples)`);
  let s = 0;
  for (let t = from; t < to; t++) s += lead[t] - baselineMv;
  return (s * 1000) / fsHz;
}

/** θ from the net areas of I and aVF. Refuses a QRS with no frontal area at all (a flat record). */
export function axisFromAreas(areaI: number, areaAvf: number): QrsAxis {
  if (!Number.isFinite(areaI) || !Number.isFinite(areaAvf))
    throw new Error('QRS areas of I and aVF must be finite numbers');
  if (Math.hypot(areaI, areaAvf) < 1e-9)
    throw new Error('leads I and aVF have no net QRS area: the frontal axis is undefined');
  const degrees = (Math.atan2((areaAvf * 2) / Math.sqrt(3), areaI) * 180) / Math.PI;
  return {
    degrees,
    areaIMvMs: areaI,
    areaAvfMvMs: areaAvf,
    category: axisCategory(degrees),
    inLafbRange: degrees <= AXIS_LIMITS_DEG.lafbAtMost && degrees >= -90,
  };
}
