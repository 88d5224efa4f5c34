import { describe, expect, it } from 'vitest';
import { coversPath, labelPlacements } from './TimeLabels';

describe('labels beside the trajectory, never on it', () => {
  it('offers right, left, above, below, nearest first', () => {
    const p = labelPlacements(100, 50, 40, 10);
    expect(p[0]).toEqual({ x: 106, y: 45, w: 40, h: 10 });
    expect(p[1]).toEqual({ x: 54, y: 45, w: 40, h: 10 });
    expect(p[2]).toEqual({ x: 80, y: 34, w: 40, h: 10 });
    expect(p[3]).toEqual({ x: 80, y: 56, w: 40, h: 10 });
    expect(p).toHaveLength(12);
  });
  it('finds where a path running to the right of the anchor is not covered', () => {
    const path = Float32Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? 100 + i : 50)); // (100..138, 50)
    const free = labelPlacements(100, 50, 40, 10).find((b) => !coversPath(b, path));
    expect(free).toEqual({ x: 54, y: 45, w: 40, h: 10 }); // left: the right side is the path's
  });
});
