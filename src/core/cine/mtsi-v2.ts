/**
 * The mTSI walk, version 2 (the default since issue 11): same direction as version 1 (mtsi.ts: the resultant d of
 * the electrode pulls at the current point), a different step and two more rules, so that the QRS path sweeps across
 * the ventricles and nothing leaves the heart.
 *
 *  - Step proportional to the heart vector's strength, per phase:
 *      s(t) = speedₚ · Δt · min(1, |d(t)| / peakₚ),
 *    p = QRS (samples [0, qrsEnd)) or ST-T ([qrsEnd, n)), peakₚ = max |d| over that phase seen from the start. The
 *    point runs at speedₚ where the phase's wavefront is strongest and creeps where the signal is weak, so the walk
 *    needs no relative zero-vector guard (version 1's 5 % guard froze the LAFB walk from ~90 ms on, and its constant
 *    step let the long T wave walk 60–80 mm out of the heart). Only |d| ≤ minResultantMv (0.02 mV: flat, noise)
 *    leaves the point where it is, so an all-zero signal stays at the start.
 *  - Speeds (this project's choice; the method fixes none): QRS 3 mm/ms at the QRS peak, chosen on ../shared/data
 *    so that the QRS part crosses from the ventricles' centre to their walls: measured over 352 LAFB/RBBB/NORM
 *    records (npm run validate:cine) its span is 60.6 mm median (p10–p90 58.0–65.6; walk v1: 20.1). It is not a
 *    conduction velocity: the mTSI is the mean of several fronts, and the peak-relative step runs at full speed only
 *    briefly. 2 mm/ms gave 51.6 mm, 4 mm/ms 62.2 mm (the walls bound it: the surface lies 30–70 mm from the centre)
 *    with weaker LAFB/RBBB separation. ST-T 0.6 mm/ms at the T peak: a T part of ~40 mm (median path length).
 *  - The ST-T normaliser is at least tFloorFraction (0.25) of the QRS peak: a flat T wave creeps instead of
 *    having its noise blown up to full speed.
 *  - The T part continues from where the QRS ended (no jump: the tube the app draws stays one line, and the twin
 *    model's signal stays continuous); repolarisation then walks back through the ventricles from there.
 *  - Confinement: after each step the point is kept marginMm (2 mm) inside the epicardium by confinement.ts, which
 *    moves it back along the surface normal — the tangential part of the step survives, so at the wall the point
 *    slides along it rather than stopping dead.
 */
import { insideSurface, epicardiumSdf, type Confinement } from './confinement';
import { FRAME, ORIGIN, type TrajectoryMm, type Vec3 } from './frame';
import { peakResultant, resultantAt } from './resultant';

export const MTSI_V2_DEFAULTS = {
  qrsSpeedMmPerMs: 3,
  tSpeedMmPerMs: 0.6,
  tFloorFraction: 0.25,
  /** QRS end when the caller measured none (cine-signal.ts passes waves.ts's QRS offset). */
  qrsEndMs: 100,
  marginMm: 2,
  minResultantMv: 0.02,
};

export interface MtsiV2Options {
  fsHz: number;
  electrodes: readonly Vec3[];
  start?: Vec3;
  /** Sample (from the window start) where the QRS ends and the ST-T phase begins. */
  qrsEndSample?: number;
  qrsSpeedMmPerMs?: number;
  tSpeedMmPerMs?: number;
  tFloorFraction?: number;
  minResultantMv?: number;
  /** Where the point may go: default inside the epicardium by marginMm; null for no confinement. */
  confinement?: Confinement | null;
  marginMm?: number;
}

let defaultConfinement: { marginMm: number; confine: Confinement } | null = null;
function epicardiumConfinement(marginMm: number): Confinement {
  if (defaultConfinement?.marginMm !== marginMm)
    defaultConfinement = { marginMm, confine: insideSurface(epicardiumSdf(), marginMm) };
  return defaultConfinement.confine;
}

export function mtsiTrajectoryV2(potentials: ArrayLike<number>[], options: MtsiV2Options): TrajectoryMm {
  const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as MtsiV2Options;
  const o = { ...MTSI_V2_DEFAULTS, ...given };
  const { electrodes, fsHz } = o;
  const n = potentials[0].length;
  const qrsEnd = Math.max(0, Math.min(n, Math.round(o.qrsEndSample ?? (o.qrsEndMs * fsHz) / 1000)));
  const confine = o.confinement === undefined ? epicardiumConfinement(o.marginMm) : o.confinement;
  let p: Vec3 = o.start ?? ORIGIN;
  if (confine) p = confine(p);
  const start = p;
  const qrsPeak = peakResultant(potentials, 0, qrsEnd, start, electrodes);
  const tPeak = Math.max(peakResultant(potentials, qrsEnd, n, start, electrodes), o.tFloorFraction * qrsPeak);
  const dtMs = 1000 / fsHz;
  const points = new Float64Array(3 * n);
  for (let t = 0; t < n; t++) {
    if (t > 0) {
      const d = resultantAt(potentials, t, p, electrodes);
      const r = Math.hypot(d[0], d[1], d[2]);
      if (r > o.minResultantMv) {
        const [speed, peak] = t < qrsEnd ? [o.qrsSpeedMmPerMs, qrsPeak] : [o.tSpeedMmPerMs, tPeak];
        const s = (speed * dtMs * Math.min(1, r / peak)) / r;
        p = [p[0] + s * d[0], p[1] + s * d[1], p[2] + s * d[2]];
        if (confine) p = confine(p);
      }
    }
    points[3 * t] = p[0];
    points[3 * t + 1] = p[1];
    points[3 * t + 2] = p[2];
  }
  return { frame: FRAME, fsHz, nSamples: n, points };
}
