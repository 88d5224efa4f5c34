import { describe, expect, it } from 'vitest';
import { electrodeArray, ELECTRODES, standardElectrodes } from './electrodes';
import { norm, pointAt, scale, sub, type Vec3 } from './frame';
import { MTSI_DEFAULTS, mtsiTrajectory, resultantAt, type MtsiOptions } from './mtsi';

const T = 50;
/** Nine potentials, all zero except electrode `name`, constant `mv`. */
function only(name: (typeof ELECTRODES)[number], mv: number, n = T): Float64Array[] {
  return ELECTRODES.map((e) => new Float64Array(n).fill(e === name ? mv : 0));
}
const unit = (v: Vec3) => scale(v, 1 / norm(v));
/** The walk as it was before issue 11 (the default is now v2: mtsi-v2.test.ts). */
const v1 = (p: Float64Array[], o: MtsiOptions = {}) => mtsiTrajectory(p, { walk: 'v1', ...o });

describe('mTSI trajectory, walk v1', () => {
  const E = standardElectrodes();

  it('starts at the ventricles’ centre and walks straight toward the one active electrode by step × samples', () => {
    for (const name of ['V6', 'V1', 'LL', 'RA'] as const) {
      const tr = v1(only(name, 0.7));
      expect(pointAt(tr.points, 0)).toEqual([0, 0, 0]);
      const end = pointAt(tr.points, T - 1);
      const expected = scale(unit(E[name]), (T - 1) * 1); // 1 mm per sample at 500 Hz
      for (let k = 0; k < 3; k++) expect(end[k]).toBeCloseTo(expected[k], 9);
      for (let t = 1; t < T; t++)
        expect(norm(sub(pointAt(tr.points, t), pointAt(tr.points, t - 1)))).toBeCloseTo(1, 12);
    }
  });

  it('walks away from an electrode whose potential is negative', () => {
    const end = pointAt(v1(only('V2', -0.4)).points, T - 1);
    const away = scale(unit(E.V2), -(T - 1));
    for (let k = 0; k < 3; k++) expect(end[k]).toBeCloseTo(away[k], 9);
  });

  it('does not step faster for a larger signal in fixed mode; scales the step by |d| / peak in scaled mode', () => {
    const p = only('V6', 0.1);
    p[8] = Float64Array.from({ length: T }, (_, t) => (t < 25 ? 2 : 0.5)); // V6 steps down to a quarter
    const fixed = v1(p);
    const scaled = v1(p, { stepMode: 'scaled' });
    expect(norm(pointAt(fixed.points, T - 1))).toBeCloseTo(T - 1, 9);
    expect(norm(pointAt(scaled.points, T - 1))).toBeCloseTo(24 + 25 * 0.25, 6);
  });

  it('leaves a zero (or flat sub-guard) signal at the origin: the zero-vector guard, no NaN', () => {
    const zero = v1(ELECTRODES.map(() => new Float64Array(T)));
    expect(Array.from(zero.points).every((v) => v === 0)).toBe(true);
    const tiny = v1(only('V4', MTSI_DEFAULTS.minResultantMv / 2));
    expect(Array.from(tiny.points).every((v) => v === 0)).toBe(true);
  });

  it('ignores samples below 5 % of the window’s peak resultant (noise in the isoelectric segments)', () => {
    const p = only('V6', 0);
    p[8][10] = 1;
    p[8][20] = 0.04;
    p[8][30] = 0.06;
    const moved = [10, 20, 30].map((t) => {
      const tr = v1(p);
      return norm(sub(pointAt(tr.points, t), pointAt(tr.points, t - 1)));
    });
    expect(moved.map((m) => Math.round(m))).toEqual([1, 0, 1]);
  });

  it('scales the step with the sample rate (0.5 mm/ms) and honours an explicit stepMm', () => {
    expect(norm(pointAt(v1(only('V6', 1), { fsHz: 1000 }).points, T - 1))).toBeCloseTo(0.5 * (T - 1), 9);
    expect(norm(pointAt(v1(only('V6', 1), { stepMm: 2 }).points, T - 1))).toBeCloseTo(2 * (T - 1), 9);
  });

  it('sums the pulls of all electrodes: equal potentials on V1 and V6 pull between them', () => {
    const p = only('V1', 1);
    p[8].fill(1);
    const d = resultantAt(p, 0, [0, 0, 0], electrodeArray());
    const expected = [0, 1, 2].map((k) => unit(E.V1)[k] + unit(E.V6)[k]);
    for (let k = 0; k < 3; k++) expect(d[k]).toBeCloseTo(expected[k], 12);
    expect(() => v1(p.slice(0, 8))).toThrow(/8 potentials for 9 electrodes/);
  });
});
