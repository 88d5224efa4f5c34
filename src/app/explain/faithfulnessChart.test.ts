import { describe, expect, it } from 'vitest';
import { curvesLayout, formatAuc, formatRho } from './faithfulnessChart';

describe('the deletion/insertion chart', () => {
  it('maps fraction to x and margin to y on one scale that includes 0', () => {
    const l = curvesLayout({ deletion: [4, 2, 0], insertion: [0, 1, 4] }, { width: 120, height: 60, pad: 10 });
    expect([l.yMin, l.yMax]).toEqual([0, 4]);
    // x: 10, 60, 110; y: 4 → 10 (top), 2 → 30, 0 → 50 (bottom).
    expect(l.points.deletion).toBe('10.0,10.0 60.0,30.0 110.0,50.0');
    expect(l.points.insertion).toBe('10.0,50.0 60.0,40.0 110.0,10.0');
    // A further series widens the common scale.
    expect(curvesLayout({ a: [4, 0], b: [8, 0] }, { width: 120, height: 60, pad: 10 }).points.a).toBe(
      '10.0,30.0 110.0,50.0',
    );
    expect(l.zeroY).toBe(50);
  });
  it('a margin that changes sign keeps 0 inside; a flat curve still gets a scale', () => {
    const l = curvesLayout({ d: [3, -1], i: [-1, 3] }, { width: 100, height: 50, pad: 0 });
    expect([l.yMin, l.yMax, l.zeroY]).toEqual([-1, 3, 37.5]);
    expect(curvesLayout({ d: [0, 0], i: [0, 0] }, { width: 10, height: 10, pad: 0 })).toMatchObject({
      yMin: -1,
      yMax: 1,
      zeroY: 5,
    });
  });
  it('formats areas and ρ', () => {
    expect(formatAuc(1.23456)).toBe('1.23');
    expect(formatAuc(Number.NaN)).toBe('–');
    expect(formatRho(-0.034)).toBe('-0.03');
    expect(formatRho(null)).toBe('–');
  });
});
