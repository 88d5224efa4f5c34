import { describe, expect, it } from 'vitest';
import { STANDARD_LEADS } from '../ecg/types';
import { cross } from './frame';
import { frankFromLeads, frankToLps, INVERSE_DOWER_MATRIX, KORS_MATRIX, VCG_INPUT_LEADS, vcgLps } from './vcg';

/** 12 leads, one sample each, every lead 0 except `values`. */
const leadsWith = (values: Partial<Record<(typeof STANDARD_LEADS)[number], number>>) =>
  STANDARD_LEADS.map((l) => Float32Array.of(values[l] ?? 0));

describe('VCG from the 12-lead ECG', () => {
  it('applies the Kors matrix (Kors et al. 1990) to a known vector', () => {
    const f = frankFromLeads(leadsWith({ I: 1 }));
    expect([f.x[0], f.y[0], f.z[0]]).toEqual([0.38, -0.07, 0.11]);
    const g = frankFromLeads(leadsWith({ II: 1, V1: 1, V6: 2 }));
    expect(g.x[0]).toBeCloseTo(-0.07 - 0.13 + 2 * 0.54, 12);
    expect(g.y[0]).toBeCloseTo(0.93 + 0.06 + 2 * 0.13, 12);
    expect(g.z[0]).toBeCloseTo(-0.23 - 0.43 + 2 * 0.31, 12);
  });

  it('uses only I, II and V1–V6: the derived limb leads change nothing', () => {
    const f = frankFromLeads(leadsWith({ III: 5, aVR: -3, aVL: 2, aVF: 7 }));
    expect([f.x[0], f.y[0], f.z[0]]).toEqual([0, 0, 0]);
    expect(KORS_MATRIX.every((r) => r.length === VCG_INPUT_LEADS.length)).toBe(true);
  });

  it('offers the inverse Dower matrix (Edenbrandt & Pahlm 1988) as an option', () => {
    const f = frankFromLeads(leadsWith({ V2: 1 }), 'inverse-dower');
    expect([f.x[0], f.y[0], f.z[0]]).toEqual(INVERSE_DOWER_MATRIX.map((r) => r[3]));
  });

  it('maps Frank axes (x left, y feet, z back) into LPS as (x, z, −y), a proper rotation', () => {
    const clean = (v: readonly number[]) => v.map((x) => x + 0); // −0 → 0
    expect(clean(frankToLps(1, 0, 0))).toEqual([1, 0, 0]);
    expect(clean(frankToLps(0, 1, 0))).toEqual([0, 0, -1]); // toward the feet = inferior
    expect(clean(frankToLps(0, 0, 1))).toEqual([0, 1, 0]); // toward the back = posterior
    // Frank's basis is right-handed too (x × y = z), and stays so in LPS.
    expect(clean(cross(frankToLps(1, 0, 0), frankToLps(0, 1, 0)))).toEqual(clean(frankToLps(0, 0, 1)));
    const v = vcgLps(leadsWith({ I: 1 }));
    expect(Array.from(v)).toEqual([0.38, 0.11, 0.07]);
  });

  it('V1 faces the front: a positive V1 alone points the VCG anterior (−y in LPS)', () => {
    expect(vcgLps(leadsWith({ V1: 1 }))[1]).toBeLessThan(0);
  });
});
