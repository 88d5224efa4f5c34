import type { Vec3 } from './frame';

/**
 * The mTSI's heart vector at point p for sample t (potentials in ELECTRODES order): each unipolar potential weighs
 * the unit vector from p toward its electrode — d(t) = Σₑ Vₑ(t) · (Eₑ − p) / |Eₑ − p| (mtsi.ts).
 */
export function resultantAt(potentials: ArrayLike<number>[], t: number, p: Vec3, electrodes: readonly Vec3[]): Vec3 {
  let dx = 0,
    dy = 0,
    dz = 0;
  for (let e = 0; e < electrodes.length; e++) {
    const ex = electrodes[e][0] - p[0],
      ey = electrodes[e][1] - p[1],
      ez = electrodes[e][2] - p[2];
    const r = Math.hypot(ex, ey, ez);
    if (r < 1e-9) continue; // standing on an electrode: its direction is undefined, and it is far outside the heart anyway
    const w = potentials[e][t] / r;
    dx += w * ex;
    dy += w * ey;
    dz += w * ez;
  }
  return [dx, dy, dz];
}

/** max_t |d(t)| over samples [from, to) seen from p (the walks' normaliser; one cheap pass). */
export function peakResultant(
  potentials: ArrayLike<number>[],
  from: number,
  to: number,
  p: Vec3,
  electrodes: readonly Vec3[],
): number {
  let peak = 0;
  for (let t = from; t < to; t++) {
    const d = resultantAt(potentials, t, p, electrodes);
    peak = Math.max(peak, Math.hypot(d[0], d[1], d[2]));
  }
  return peak;
}
