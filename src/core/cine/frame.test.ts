import { describe, expect, it } from 'vitest';
import {
  ANTERIOR,
  cross,
  dot,
  FRAME,
  INFERIOR,
  LEFT,
  norm,
  pointAt,
  POSTERIOR,
  RIGHT,
  SUPERIOR,
  toRows,
} from './frame';

describe('the heart frame (LPS, mm)', () => {
  it('is right-handed like DICOM patient coordinates: left × posterior = superior', () => {
    expect(cross(LEFT, POSTERIOR)).toEqual(SUPERIOR);
    expect(cross(POSTERIOR, SUPERIOR)).toEqual(LEFT);
    expect(cross(SUPERIOR, LEFT)).toEqual(POSTERIOR);
    // Determinant of the basis (triple product) is +1, not −1.
    expect(dot(cross(LEFT, POSTERIOR), SUPERIOR)).toBe(1);
  });

  it('names the opposite directions as negatives, all unit length', () => {
    for (const [a, b] of [
      [LEFT, RIGHT],
      [POSTERIOR, ANTERIOR],
      [SUPERIOR, INFERIOR],
    ]) {
      expect(a.map((v, k) => v + b[k])).toEqual([0, 0, 0]);
      expect(norm(a)).toBe(1);
    }
    expect(FRAME).toBe('LPS-mm');
  });

  it('reads and writes time-major [T × 3] points', () => {
    const pts = Float64Array.from([0, 0, 0, 1.23456, -2, 3.0004]);
    expect(pointAt(pts, 1)).toEqual([1.23456, -2, 3.0004]);
    expect(toRows(pts)).toEqual([
      [0, 0, 0],
      [1.235, -2, 3],
    ]);
  });
});
