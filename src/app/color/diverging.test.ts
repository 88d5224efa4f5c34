import { describe, expect, it } from 'vitest';
import { divergingColor, sequentialColor } from './diverging';

describe('attribution colour scales', () => {
  it('diverging: blue for −1 (normal), near-white for 0, red for +1 (abnormal), clamped outside', () => {
    expect(divergingColor(-1)).toEqual([5, 48, 97]);
    expect(divergingColor(0)).toEqual([247, 247, 247]);
    expect(divergingColor(1)).toEqual([103, 0, 31]);
    expect(divergingColor(5)).toEqual(divergingColor(1));
    expect(divergingColor(Number.NaN)).toEqual(divergingColor(0));
    const [r, , b] = divergingColor(0.5);
    expect(r).toBeGreaterThan(b);
    const [r2, , b2] = divergingColor(-0.5);
    expect(b2).toBeGreaterThan(r2);
  });

  it('sequential: white at 0 to dark red at 1, monotone in darkness', () => {
    expect(sequentialColor(0)).toEqual([247, 247, 247]);
    expect(sequentialColor(1)).toEqual([103, 0, 31]);
    const lum = (v: number) => sequentialColor(v).reduce((a, c) => a + c, 0);
    for (let v = 0.1; v <= 1; v += 0.1) expect(lum(v)).toBeLessThan(lum(v - 0.1));
  });
});
