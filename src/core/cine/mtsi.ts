/**
 * The CineECG mean temporal-spatial isochrone (mTSI): where, on average, the heart is electrically active over time
 * (van Dam et al., Circ Arrhythm Electrophysiol 2020;13:e008524; Boonstra et al., Europace 2021;23:i80–i87).
 *
 * The walk: start at the ventricles' centre (the frame's origin) at QRS onset. At every sample, each of the nine
 * unipolar electrode potentials (VR, VL, VF, V1–V6 against Wilson's central terminal, unipolar.ts) weighs the unit
 * vector from the current point toward its electrode (electrodes.ts) — a positive potential pulls toward the
 * electrode, a negative one pushes away — and the point moves one step along the resultant's direction:
 *
 *   d(t) = Σₑ Vₑ(t) · (Eₑ − p) / |Eₑ − p|,   p(t) = p(t−1) + s(t) · d(t) / |d(t)|,   p(0) = origin.
 *
 * Two walks share that direction rule; they differ in the step (the published method gives no number):
 *  - walk 'v2' (the default since issue 11): mtsi-v2.ts — per-phase steps proportional to |d| relative to the
 *    phase's peak (QRS, then ST-T from the QRS end), no relative guard, confined inside the epicardium.
 *  - walk 'v1' (before issue 11; kept so its figures can be reproduced: npm run validate:cine, cli cine --walk v1),
 *    described in the rest of this comment. Measured on ../shared/data its QRS part got only 15–20 mm from its start
 *    and its T part walked 60–80 mm, out of the epicardium in 98 % of trajectories.
 * Step length s of walk v1:
 *  - 'fixed' (default of v1): s does not depend on |d|; s = speed · Δt with
 *    speed 0.5 mm/ms, i.e. 1 mm per sample at 500 Hz. 0.5 m/s is the order of ventricular myocardial conduction
 *    velocity (~0.3–1 m/s), so a ~100 ms QRS travels ~50 mm: about the distance from the ventricles' centre to
 *    their free walls (the biv-me mesh's surface lies 30–70 mm from its centroid). Measured on ../shared/data
 *    (npm run validate:cine) the QRS part stays inside the epicardium; the T wave, a long wave above the guard,
 *    keeps walking at the same speed and typically ends 1–3 cm outside it.
 *  - 'scaled': s = speed · Δt · min(1, |d(t)| / max_t |d(t)|): the same path where the heart is strongly active,
 *    shorter steps in low-amplitude segments (ST, T), so the whole window stays near the heart, at the price of
 *    crowding the ST-T samples into a few millimetres.
 * Zero-vector guard (v1): where |d(t)| ≤ guard the point stays put (its direction is undefined, or pure noise). The
 * guard is max(minResultantMv, guardFraction · max_t |d(t)|) — by default 0.02 mV or 5 % of the window's peak —
 * so an all-zero (or flat) signal leaves the trajectory at the origin instead of producing NaN.
 * The peak |d| is taken with the unit vectors seen from the start point (one cheap pre-pass).
 */
import type { Confinement } from './confinement';
import { electrodeArray } from './electrodes';
import type { TrajectoryMm, Vec3 } from './frame';
import { MTSI_V1_DEFAULTS, mtsiTrajectoryV1 } from './mtsi-v1';
import { mtsiTrajectoryV2 } from './mtsi-v2';
import { resultantAt } from './resultant';

export { resultantAt };

export type StepMode = 'fixed' | 'scaled';
/** 'v2' (default): mtsi-v2.ts, peak-relative steps per phase, confined to the heart. 'v1': the walk above, as before issue 11. */
export type Walk = 'v1' | 'v2';
export const WALKS: readonly Walk[] = ['v1', 'v2'];

export interface MtsiOptions {
  /** Which walk (default 'v2'); the step options below marked v1 are ignored by v2 and vice versa. */
  walk?: Walk;
  /** v2: sample where the QRS ends (cine-signal.ts passes waves.ts's QRS offset; default 100 ms). */
  qrsEndSample?: number;
  /** v2: speed at the QRS's and at the ST-T's peak resultant, mm/ms (defaults 2 and 0.6). */
  qrsSpeedMmPerMs?: number;
  tSpeedMmPerMs?: number;
  /** v2: where the point may go (default: 2 mm inside the epicardium); null for nowhere-bounded. */
  confinement?: Confinement | null;
  /** v1: speed of the walk, mm per ms (default 0.5: 1 mm per sample at 500 Hz). */
  speedMmPerMs?: number;
  /** v1: step per sample in mm; overrides speedMmPerMs when given. */
  stepMm?: number;
  stepMode?: StepMode;
  /** Absolute floor of the zero-vector guard, mV (default 0.02). */
  minResultantMv?: number;
  /** v1: relative part of the guard, fraction of the window's peak resultant (default 0.05). */
  guardFraction?: number;
  /** Electrode positions in ELECTRODES order (default: the generic adult of electrodes.ts). */
  electrodes?: readonly Vec3[];
  start?: Vec3;
  fsHz?: number;
}

export const MTSI_DEFAULTS = { walk: 'v2' as Walk, ...MTSI_V1_DEFAULTS };

/** The mTSI trajectory: one point per sample of `potentials` (nine arrays of equal length, ELECTRODES order). */
export function mtsiTrajectory(potentials: ArrayLike<number>[], options: MtsiOptions = {}): TrajectoryMm {
  const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as MtsiOptions;
  const o = { ...MTSI_DEFAULTS, ...given };
  const electrodes = o.electrodes ?? electrodeArray();
  if (potentials.length !== electrodes.length) {
    throw new Error(`${potentials.length} potentials for ${electrodes.length} electrodes`);
  }
  if (o.walk === 'v2') return mtsiTrajectoryV2(potentials, { ...given, electrodes, fsHz: o.fsHz });
  if (o.walk !== 'v1') throw new Error(`unknown mTSI walk "${o.walk}" (expected ${WALKS.join(' or ')})`);
  return mtsiTrajectoryV1(potentials, { ...o, electrodes });
}
