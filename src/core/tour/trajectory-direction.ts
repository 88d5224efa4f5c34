/**
 * Where the CineECG trajectory goes over an interval, in the LPS heart frame (+x patient's left, +y posterior,
 * +z superior; src/core/cine/frame.ts): the displacement from the point at `fromMs` to the point at `toMs`, and the
 * directions that dominate it in words ("superior and leftward").
 */

/**
 * The frontal components (superior/inferior, left/right: the plane of the QRS axis) are always named; the
 * anterior/posterior one when it is at least this fraction of the largest component.
 */
export const DOMINANT_FRACTION = 0.25;

export type DirectionWord = 'leftward' | 'rightward' | 'posterior' | 'anterior' | 'superior' | 'inferior';

export interface TrajectoryMove {
  fromMs: number;
  toMs: number;
  /** Displacement in mm: + left, + posterior, + superior. */
  leftMm: number;
  posteriorMm: number;
  superiorMm: number;
  lengthMm: number;
  /** Its direction in the frontal plane in the QRS axis's convention (0° = leftward, −90° = superior). */
  frontalDeg: number;
  /** Named directions, largest first. */
  words: DirectionWord[];
}

export function trajectoryMove(points: ArrayLike<number>, fsHz: number, fromMs: number, toMs: number): TrajectoryMove {
  const n = points.length / 3;
  if (!Number.isInteger(n) || n < 2)
    throw new Error(`a trajectory needs at least 2 points of x, y, z (got ${points.length} numbers)`);
  if (!(toMs > fromMs)) throw new Error(`the interval must run forward (from ${fromMs} ms to ${toMs} ms)`);
  const at = (ms: number) => Math.min(n - 1, Math.max(0, Math.round((ms * fsHz) / 1000)));
  const [a, b] = [at(fromMs), at(toMs)];
  const d = [0, 1, 2].map((k) => points[3 * b + k] - points[3 * a + k]);
  if (!d.every(Number.isFinite)) throw new Error('the trajectory has non-finite points in the interval');
  const largest = Math.max(...d.map(Math.abs));
  const named: Array<[number, DirectionWord]> = [
    [d[2], d[2] > 0 ? 'superior' : 'inferior'],
    [d[0], d[0] > 0 ? 'leftward' : 'rightward'],
    [d[1], d[1] > 0 ? 'posterior' : 'anterior'],
  ];
  const words =
    largest === 0
      ? []
      : named
          .filter(([v], i) => v !== 0 && (i < 2 || Math.abs(v) >= DOMINANT_FRACTION * largest))
          .sort((p, q) => Math.abs(q[0]) - Math.abs(p[0]))
          .map(([, w]) => w);
  const frontalDeg = (Math.atan2(-d[2], d[0]) * 180) / Math.PI;
  return {
    fromMs,
    toMs,
    leftMm: d[0],
    posteriorMm: d[1],
    superiorMm: d[2],
    lengthMm: Math.hypot(d[0], d[1], d[2]),
    words,
    frontalDeg,
  };
}
