import type { Triple } from './frameToThree';

type V = [number, number, number];
const dot = (a: Triple, b: Triple) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const cross = (a: Triple, b: Triple): V => [
  a[1] * b[2] - a[2] * b[1],
  a[2] * b[0] - a[0] * b[2],
  a[0] * b[1] - a[1] * b[0],
];
const unit = (v: Triple): V => {
  const n = Math.hypot(v[0], v[1], v[2]);
  return [v[0] / n, v[1] / n, v[2] / n];
};

/** The screen axes of a camera placed along `dir` (world, target → camera) with world up +y, as three.js sets them. */
export function cameraBasis(dir: Triple): { right: V; up: V; back: V } {
  const back = unit(dir);
  const right = unit(cross([0, 1, 0], back));
  return { right, up: cross(back, right), back };
}

/** Extent of world points [N × 3] along a camera's right / up / back axes. */
function extents(world: ArrayLike<number>, dir: Triple) {
  const { right, up, back } = cameraBasis(dir);
  const lo = [Infinity, Infinity, Infinity];
  const hi = [-Infinity, -Infinity, -Infinity];
  for (let i = 0; i + 2 < world.length; i += 3) {
    const p: Triple = [world[i], world[i + 1], world[i + 2]];
    const c = [dot(p, right), dot(p, up), dot(p, back)];
    for (let k = 0; k < 3; k++) [lo[k], hi[k]] = [Math.min(lo[k], c[k]), Math.max(hi[k], c[k])];
  }
  return { right, up, back, lo, hi };
}

/**
 * Camera that frames the points: target at the centre of their screen-aligned box, at the distance where the box
 * (times `margin`) just fits the vertical field of view `fovDeg` and the width at `aspect` (width / height). The box
 * is taken at least `minHalfMm` either side, so a short loop is not blown up until the tube and beads fill the view.
 */
export function fitCamera(
  world: ArrayLike<number>,
  dir: Triple,
  fovDeg: number,
  aspect: number,
  margin = 1.25,
  minHalfMm = 15,
): { target: V; position: V; distance: number } {
  const e = extents(world, dir);
  const mid = [0, 1, 2].map((k) => (e.lo[k] + e.hi[k]) / 2);
  const half = [0, 1].map((k) => Math.max(minHalfMm, (e.hi[k] - e.lo[k]) / 2) * margin);
  const t = Math.tan((fovDeg * Math.PI) / 360);
  // The nearest point is (hi_back − mid_back) closer than the target: add it so that it fits too.
  const distance = Math.max(half[1] / t, half[0] / (t * aspect)) + (e.hi[2] - mid[2]);
  const target: V = [0, 1, 2].map((k) => e.right[k] * mid[0] + e.up[k] * mid[1] + e.back[k] * mid[2]) as V;
  const position: V = [0, 1, 2].map((k) => target[k] + e.back[k] * distance) as V;
  return { target, position, distance };
}

/**
 * Of the candidate directions (world), the one that shows the points widest: the largest screen-box area. A loop
 * seen edge-on is a line; seen face-on it fills the view.
 */
export function widestDirection(world: ArrayLike<number>, candidates: Triple[]): number {
  let best = 0;
  let bestArea = -1;
  candidates.forEach((d, i) => {
    const e = extents(world, d);
    const area = (e.hi[0] - e.lo[0]) * (e.hi[1] - e.lo[1]);
    if (area > bestArea) [best, bestArea] = [i, area];
  });
  return best;
}

/** Screen box (CSS px) of world points seen by a camera's view-projection; used to measure how much the QRS fills. */
export function projectedBox(
  world: ArrayLike<number>,
  project: (x: number, y: number, z: number) => [number, number],
): { w: number; h: number } {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i + 2 < world.length; i += 3) {
    const [x, y] = project(world[i], world[i + 1], world[i + 2]);
    [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
  }
  return x1 >= x0 ? { w: x1 - x0, h: y1 - y0 } : { w: 0, h: 0 };
}
