import { describe, expect, it } from 'vitest';
import { attributionView } from './attributionView';

/** Two time steps × two leads, worked by hand: Φ = (A¹ − A⁰)/2 = [[1, −2], [0.5, 0.5]]. */
const a0 = Float32Array.from([0, 2, -1, 0]);
const a1 = Float32Array.from([2, -2, 0, 1]);

describe('attributionView', () => {
  it('signed: Φ over max |Φ| on one shared scale, and eq. 2 per time step', () => {
    const v = attributionView([a0, a1], 2, 'signed', 'abnormal');
    expect(v.scale).toBe(2);
    expect(Array.from(v.cells)).toEqual([0.5, -1, 0.25, 0.25]);
    expect(Array.from(v.mapped)).toEqual([-1, 1]); // sums −1 and 1, over max |sum| = 1
  });

  it('post-processed: sign flipped for a normal case, then positive / absolute / scaled, strongest = 1', () => {
    expect(Array.from(attributionView([a0, a1], 2, 'positive', 'abnormal').cells)).toEqual([1, 0, 0.5, 0.5]);
    expect(Array.from(attributionView([a0, a1], 2, 'positive', 'normal').cells)).toEqual([0, 1, 0, 0]);
    expect(Array.from(attributionView([a0, a1], 2, 'absolute', 'abnormal').cells)).toEqual([0.5, 1, 0.25, 0.25]);
    expect(Array.from(attributionView([a0, a1], 2, 'scaled', 'abnormal').cells)).toEqual(
      [1, 0, 2.5 / 3, 2.5 / 3].map((x) => Math.fround(x)),
    );
    // eq. 2 does not depend on the display
    expect(Array.from(attributionView([a0, a1], 2, 'absolute', 'normal').mapped)).toEqual([-1, 1]);
  });

  it('all-zero attributions give zeros, not NaN', () => {
    const z = new Float32Array(4);
    const v = attributionView([z, z], 2, 'signed', 'normal');
    expect(Array.from(v.cells)).toEqual([0, 0, 0, 0]);
    expect(Array.from(v.mapped)).toEqual([0, 0]);
  });
});
