/**
 * The heart frame every CineECG quantity lives in (shared with heart-mesh.ts; do not change it alone):
 * DICOM patient coordinates, LPS — +x toward the patient's left, +y posterior, +z superior — in millimetres,
 * origin at the ventricles' centre (the centroid of the biventricular epicardial surface).
 * DICOM's patient system is right-handed, so x̂ × ŷ = ẑ (left × posterior = superior); frame.test.ts checks it.
 */
export const FRAME = 'LPS-mm' as const;
export type FrameName = typeof FRAME;

/** A length in millimetres (branded so a metre or a z-score cannot slip in unnoticed). */
export type Mm = number & { readonly __unit: 'mm' };
export const mm = (v: number): Mm => v as Mm;

/** A point or displacement in the heart frame, [x, y, z] in mm. */
export type Vec3 = readonly [number, number, number];
export type PointMm = readonly [Mm, Mm, Mm];
export const pointMm = (x: number, y: number, z: number): PointMm => [mm(x), mm(y), mm(z)];

export const ORIGIN: PointMm = pointMm(0, 0, 0);
/** Unit vectors of the anatomical directions, in the frame. */
export const LEFT: Vec3 = [1, 0, 0];
export const RIGHT: Vec3 = [-1, 0, 0];
export const POSTERIOR: Vec3 = [0, 1, 0];
export const ANTERIOR: Vec3 = [0, -1, 0];
export const SUPERIOR: Vec3 = [0, 0, 1];
export const INFERIOR: Vec3 = [0, 0, -1];

/**
 * A path through the frame, one point per sample, time-major: points[3 t + axis], mm.
 * Float64 on purpose: a trajectory is a running sum of small steps.
 */
export interface TrajectoryMm {
  frame: FrameName;
  fsHz: number;
  nSamples: number;
  points: Float64Array;
}

export const add = (a: Vec3, b: Vec3): Vec3 => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
export const sub = (a: Vec3, b: Vec3): Vec3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
export const scale = (a: Vec3, k: number): Vec3 => [a[0] * k, a[1] * k, a[2] * k];
export const dot = (a: Vec3, b: Vec3): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
export const norm = (a: Vec3): number => Math.hypot(a[0], a[1], a[2]);
export const cross = (a: Vec3, b: Vec3): Vec3 => [
  a[1] * b[2] - a[2] * b[1],
  a[2] * b[0] - a[0] * b[2],
  a[0] * b[1] - a[1] * b[0],
];

/** Point t of a time-major [T × 3] array. */
export function pointAt(points: ArrayLike<number>, t: number): Vec3 {
  return [points[3 * t], points[3 * t + 1], points[3 * t + 2]];
}

/** [[x, y, z], …] for JSON, rounded to `decimals` (0.001 mm is far below any anatomical meaning). */
export function toRows(points: ArrayLike<number>, decimals = 3): number[][] {
  const k = 10 ** decimals;
  const rows: number[][] = [];
  for (let i = 0; i + 2 < points.length; i += 3) {
    rows.push([Math.round(points[i] * k) / k, Math.round(points[i + 1] * k) / k, Math.round(points[i + 2] * k) / k]);
  }
  return rows;
}
