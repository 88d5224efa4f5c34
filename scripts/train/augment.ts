import { gaussian } from '../../src/core/random';

/** Training-time augmentation of one z-scored window [T × C] (time-major). Documented in models/MODEL_CARD.md. */
export interface AugmentOptions {
  /** Per-lead amplitude factor drawn from [1 − s, 1 + s]: electrode placement and body habitus. */
  amplitude: number;
  /** Peak amplitude (z units) of a slow sinusoid (0.05–0.5 Hz): residual baseline wander. */
  wander: number;
  /** Standard deviation (z units) of white noise: muscle and mains residue. */
  noise: number;
  /** Maximum shift in samples, either way, with edge replication: QRS-onset detection jitter. */
  shift: number;
}

export const DEFAULT_AUGMENT: AugmentOptions = { amplitude: 0.15, wander: 0.1, noise: 0.05, shift: 5 };

export function augmentWindow(
  w: Float32Array,
  T: number,
  C: number,
  o: AugmentOptions,
  random: () => number,
  out: Float32Array,
): void {
  const g = gaussian(random);
  const shift = Math.round((random() * 2 - 1) * o.shift);
  const freqHz = 0.05 + random() * 0.45;
  const phase = random() * 2 * Math.PI;
  const wander = o.wander * random();
  for (let c = 0; c < C; c++) {
    const gain = 1 + (random() * 2 - 1) * o.amplitude;
    for (let t = 0; t < T; t++) {
      const src = Math.min(T - 1, Math.max(0, t + shift));
      const base = wander * Math.sin(2 * Math.PI * freqHz * (t / 500) + phase);
      out[t * C + c] = w[src * C + c] * gain + base + o.noise * g();
    }
  }
}

/**
 * Training-time augmentation of one CineECG window [T × 3] (trajectory mm / 50, time-major x, y, z), documented in
 * models/MODEL_CARD.md. The 12-lead augmentations do not carry over: the trajectory is computed from the leads
 * before any per-lead scaling could act, and baseline wander or white noise on a position are not physical. What
 * varies between people and recordings, and can be applied after the walk, is modelled instead.
 */
export interface TrajectoryAugmentOptions {
  kind: 'trajectory';
  /** Rotation about the origin (the walk's start, the ventricles' centre) by an angle uniform in ±rotationDeg
   *  about a uniformly random axis: heart orientation and electrode placement differ from the generic torso. */
  rotationDeg: number;
  /** One factor for all three axes from [1 − s, 1 + s]: heart size relative to the fixed walk speed. */
  scale: number;
  /** QRS-onset jitter: shift in samples either way with edge replication, re-anchored so the walk still starts
   *  at the origin (out[t] = w[t + s] − w[s]). */
  shift: number;
  /** Standard deviation of white noise, signal units (1 = 50 mm). */
  noise: number;
}

export const DEFAULT_TRAJECTORY_AUGMENT: TrajectoryAugmentOptions = {
  kind: 'trajectory',
  rotationDeg: 10,
  scale: 0.1,
  shift: 5,
  noise: 0,
};

export type AnyAugmentOptions = AugmentOptions | TrajectoryAugmentOptions;

export const isTrajectoryAugment = (o: AnyAugmentOptions): o is TrajectoryAugmentOptions =>
  'kind' in o && o.kind === 'trajectory';

export function augmentTrajectory(
  w: Float32Array,
  T: number,
  C: number,
  o: TrajectoryAugmentOptions,
  random: () => number,
  out: Float32Array,
): void {
  if (C !== 3) throw new Error(`trajectory augmentation needs 3 channels, got ${C}`);
  const g = gaussian(random);
  const shift = Math.round((random() * 2 - 1) * o.shift);
  const scale = 1 + (random() * 2 - 1) * o.scale;
  // Rodrigues: axis uniform on the sphere, angle uniform in ±rotationDeg.
  const z = random() * 2 - 1;
  const az = random() * 2 * Math.PI;
  const rxy = Math.sqrt(1 - z * z);
  const [ux, uy, uz] = [rxy * Math.cos(az), rxy * Math.sin(az), z];
  const angle = ((random() * 2 - 1) * o.rotationDeg * Math.PI) / 180;
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  const k = 1 - c;
  const R = [
    c + ux * ux * k,
    ux * uy * k - uz * s,
    ux * uz * k + uy * s,
    uy * ux * k + uz * s,
    c + uy * uy * k,
    uy * uz * k - ux * s,
    uz * ux * k - uy * s,
    uz * uy * k + ux * s,
    c + uz * uz * k,
  ].map((v) => v * scale);
  const at = (t: number) => Math.min(T - 1, Math.max(0, t));
  const a = at(shift);
  for (let t = 0; t < T; t++) {
    const src = at(t + shift);
    const x = w[3 * src] - w[3 * a],
      y = w[3 * src + 1] - w[3 * a + 1],
      zz = w[3 * src + 2] - w[3 * a + 2];
    for (let r = 0; r < 3; r++)
      out[3 * t + r] = R[3 * r] * x + R[3 * r + 1] * y + R[3 * r + 2] * zz + (o.noise > 0 ? o.noise * g() : 0);
  }
}

/** The augmentation the options name: 12-lead (augmentWindow) or trajectory (augmentTrajectory). */
export function augmentAny(
  w: Float32Array,
  T: number,
  C: number,
  o: AnyAugmentOptions,
  random: () => number,
  out: Float32Array,
): void {
  if (isTrajectoryAugment(o)) augmentTrajectory(w, T, C, o, random, out);
  else augmentWindow(w, T, C, o, random, out);
}
