import { describe, expect, it } from 'vitest';
import { deriveLimbLead } from '../ecg/leads';
import { unipolarPotentials } from './unipolar';

/** 12 leads from electrode potentials (vs any reference): what an ideal recorder would write. */
function leadsFrom(ra: number[], la: number[], ll: number[], chest: number[][]): Float32Array[] {
  const n = ra.length,
    f = (g: (t: number) => number) => Float32Array.from({ length: n }, (_, t) => g(t));
  const wct = (t: number) => (ra[t] + la[t] + ll[t]) / 3;
  return [
    f((t) => la[t] - ra[t]),
    f((t) => ll[t] - ra[t]),
    f((t) => ll[t] - la[t]),
    f((t) => ra[t] - (la[t] + ll[t]) / 2),
    f((t) => la[t] - (ra[t] + ll[t]) / 2),
    f((t) => ll[t] - (ra[t] + la[t]) / 2),
    ...chest.map((c) => f((t) => c[t] - wct(t))),
  ];
}

describe('unipolar potentials (VR, VL, VF, V1–V6 against Wilson’s central terminal)', () => {
  const ra = [0.3, -0.2, 1],
    la = [-0.1, 0.4, 0.5],
    ll = [0.9, 0.1, -0.2];
  const chest = [
    [1, 2, 3],
    [0, 0, 0],
    [-1, 0.5, 2],
    [0.2, 0.2, 0.2],
    [3, -3, 0],
    [0.1, 0.2, 0.3],
  ];
  const leads = leadsFrom(ra, la, ll, chest);

  it('recover each limb electrode minus the WCT from the augmented leads (VR = 2/3 aVR …), and the chest leads as they are', () => {
    const u = unipolarPotentials(leads);
    for (let t = 0; t < 3; t++) {
      const wct = (ra[t] + la[t] + ll[t]) / 3;
      expect(u[0][t]).toBeCloseTo(ra[t] - wct, 6);
      expect(u[1][t]).toBeCloseTo(la[t] - wct, 6);
      expect(u[2][t]).toBeCloseTo(ll[t] - wct, 6);
      expect(u[0][t] + u[1][t] + u[2][t]).toBeCloseTo(0, 6);
      for (let k = 0; k < 6; k++) expect(u[3 + k][t]).toBeCloseTo(chest[k][t] - wct, 6);
    }
  });

  it('give the same limb potentials from I and II alone, as when the loader derived the augmented leads', () => {
    const derived: Float32Array[] = leads.map((x) => Float32Array.from(x));
    for (const [k, lead] of [
      [3, 'aVR'],
      [4, 'aVL'],
      [5, 'aVF'],
    ] as const)
      derived[k] = deriveLimbLead(lead, leads[0], leads[1]);
    const a = unipolarPotentials(derived),
      b = unipolarPotentials(leads, 0, 3, 'I-II');
    for (let e = 0; e < 3; e++)
      for (let t = 0; t < 3; t++) {
        expect(a[e][t]).toBeCloseTo(b[e][t], 6);
        expect(b[e][t]).toBeCloseTo(unipolarPotentials(leads)[e][t], 6);
      }
  });

  it('take a window [start, start + length) and refuse one outside the record', () => {
    expect(unipolarPotentials(leads, 1, 2)[8]).toEqual(unipolarPotentials(leads)[8].slice(1));
    expect(() => unipolarPotentials(leads, 2, 2)).toThrow(/outside/);
    expect(() => unipolarPotentials(leads.slice(0, 11))).toThrow(/12 standard leads/);
  });
});
