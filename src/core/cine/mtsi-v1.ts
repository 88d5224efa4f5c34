/**
 * The mTSI walk v1 (fixed or scaled steps, relative zero-vector guard), described in mtsi.ts. On its own file so the
 * twin model's signal (twin-signal.ts, which the page needs before any 3D) does not pull in walk v2 and the
 * epicardium's distance grid that confines it.
 */
import { FRAME, ORIGIN, type TrajectoryMm, type Vec3 } from './frame';
import type { StepMode } from './mtsi';
import { peakResultant, resultantAt } from './resultant';

/** v1's defaults: 0.5 mm/ms (1 mm per sample at 500 Hz), fixed steps, guard max(0.02 mV, 5 % of the peak). */
export const MTSI_V1_DEFAULTS = {
  speedMmPerMs: 0.5,
  stepMode: 'fixed' as StepMode,
  minResultantMv: 0.02,
  guardFraction: 0.05,
  fsHz: 500,
};

export interface MtsiV1Options {
  speedMmPerMs: number;
  stepMm?: number;
  stepMode: StepMode;
  minResultantMv: number;
  guardFraction: number;
  electrodes: readonly Vec3[];
  start?: Vec3;
  fsHz: number;
}

export function mtsiTrajectoryV1(potentials: ArrayLike<number>[], o: MtsiV1Options): TrajectoryMm {
  const electrodes = o.electrodes;
  const n = potentials[0].length;
  const start: Vec3 = o.start ?? ORIGIN;
  const peak = peakResultant(potentials, 0, n, start, electrodes);
  const guard = Math.max(o.minResultantMv, o.guardFraction * peak);
  const stepMm = o.stepMm ?? (o.speedMmPerMs * 1000) / o.fsHz;
  const points = new Float64Array(3 * n);
  let p: Vec3 = start;
  for (let t = 0; t < n; t++) {
    if (t > 0) {
      const d = resultantAt(potentials, t, p, electrodes);
      const r = Math.hypot(d[0], d[1], d[2]);
      if (r > guard) {
        const s = o.stepMode === 'fixed' ? stepMm : stepMm * Math.min(1, r / peak);
        p = [p[0] + (s * d[0]) / r, p[1] + (s * d[1]) / r, p[2] + (s * d[2]) / r];
      }
    }
    points[3 * t] = p[0];
    points[3 * t + 1] = p[1];
    points[3 * t + 2] = p[2];
  }
  return { frame: FRAME, fsHz: o.fsHz, nSamples: n, points };
}
