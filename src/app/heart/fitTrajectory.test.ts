import { describe, expect, it } from 'vitest';
import { cameraBasis, fitCamera, projectedBox, widestDirection } from './fitTrajectory';

/** A flat square loop of side 20 mm in the world x-y plane, centred at (10, 5, -3). */
const square = Float32Array.from([0, -5, -3, 20, -5, -3, 20, 15, -3, 0, 15, -3]);

/** Perspective projection of a camera at `position` looking along -back, into a canvas of w × h CSS px. */
function projector(position: number[], dir: [number, number, number], fovDeg: number, w: number, h: number) {
  const { right, up, back } = cameraBasis(dir);
  const t = Math.tan((fovDeg * Math.PI) / 360);
  return (x: number, y: number, z: number): [number, number] => {
    const p = [x - position[0], y - position[1], z - position[2]];
    const cx = p[0] * right[0] + p[1] * right[1] + p[2] * right[2];
    const cy = p[0] * up[0] + p[1] * up[1] + p[2] * up[2];
    const cz = -(p[0] * back[0] + p[1] * back[1] + p[2] * back[2]);
    return [((cx / (cz * t * (w / h)) + 1) / 2) * w, ((1 - cy / (cz * t)) / 2) * h];
  };
}

describe('fitting the camera to the trajectory', () => {
  it('centres the box and fills the view to the margin', () => {
    const fit = fitCamera(square, [0, 0, 1], 35, 1, 1.25, 5);
    expect(fit.target[0]).toBeCloseTo(10, 6);
    expect(fit.target[1]).toBeCloseTo(5, 6);
    expect(fit.target[2]).toBeCloseTo(-3, 6);
    const box = projectedBox(square, projector(fit.position, [0, 0, 1], 35, 400, 400));
    expect(box.w / 400).toBeCloseTo(1 / 1.25, 2); // the square fills 80 % of the canvas
    expect(box.h / 400).toBeCloseTo(1 / 1.25, 2);
  });
  it('a wide canvas is limited by its height, a tall one by its width', () => {
    const wide = fitCamera(square, [0, 0, 1], 35, 2, 1.25, 5);
    const box = projectedBox(square, projector(wide.position, [0, 0, 1], 35, 800, 400));
    expect(box.h / 400).toBeCloseTo(0.8, 2);
    const tall = fitCamera(square, [0, 0, 1], 35, 0.5, 1.25, 5);
    const box2 = projectedBox(square, projector(tall.position, [0, 0, 1], 35, 200, 400));
    expect(box2.w / 200).toBeCloseTo(0.8, 2);
  });
  it('never frames less than minHalfMm either side: a 2 mm loop is not blown up to fill the screen', () => {
    const tiny = square.map((v) => v / 10);
    const fit = fitCamera(tiny, [0, 0, 1], 35, 1, 1.25, 15);
    const box = projectedBox(tiny, projector(fit.position, [0, 0, 1], 35, 400, 400));
    expect(box.w / 400).toBeCloseTo(2 / (2 * 15 * 1.25), 2);
  });
  it('picks the direction that sees the loop face-on', () => {
    expect(
      widestDirection(square, [
        [1, 0, 0],
        [0, 0, 1],
        [0.7071, 0, 0.7071],
      ]),
    ).toBe(1);
  });
});
