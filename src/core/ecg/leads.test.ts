import { describe, expect, it } from 'vitest';
import { deriveLimbLead, normaliseLeadName } from './leads';

describe('normaliseLeadName', () => {
  it.each([
    ['I', 'I'],
    ['i', 'I'],
    ['Lead I', 'I'],
    ['lead_ii', 'II'],
    ['III', 'III'],
    ['MLII', 'II'],
    ['AVR', 'aVR'],
    ['aVR', 'aVR'],
    ['avr', 'aVR'],
    ['aVL', 'aVL'],
    ['AVF', 'aVF'],
    ['a VF', 'aVF'],
    ['V1', 'V1'],
    ['v6', 'V6'],
    ['V3 (mV)', 'V3'],
    ['V4 [uV]', 'V4'],
    ['ECG V2', 'V2'],
  ])('%s → %s', (raw, want) => expect(normaliseLeadName(raw)).toBe(want));

  it.each(['vx', 'vy', 'vz', 'V7', 'time', 'Pleth', ''])('%s is not a standard lead', (raw) => {
    expect(normaliseLeadName(raw)).toBeNull();
  });
});

describe('deriveLimbLead', () => {
  // Potentials of the three limb electrodes, relative to any reference.
  const ra = new Float32Array([0.1, -0.3, 0.7]);
  const la = new Float32Array([0.4, 0.2, -0.1]);
  const ll = new Float32Array([-0.2, 0.9, 0.3]);
  const sub = (a: Float32Array, b: Float32Array) => a.map((v, k) => v - b[k]);
  const i = sub(la, ra);
  const ii = sub(ll, ra);

  it('matches the definitions from electrode potentials', () => {
    const want = {
      III: sub(ll, la),
      aVR: ra.map((v, k) => v - (la[k] + ll[k]) / 2),
      aVL: la.map((v, k) => v - (ra[k] + ll[k]) / 2),
      aVF: ll.map((v, k) => v - (ra[k] + la[k]) / 2),
    } as const;
    for (const lead of ['III', 'aVR', 'aVL', 'aVF'] as const) {
      const got = deriveLimbLead(lead, i, ii);
      got.forEach((v, k) => expect(v).toBeCloseTo(want[lead][k], 6));
    }
  });
});
