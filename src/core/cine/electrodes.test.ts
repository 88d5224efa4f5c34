import { describe, expect, it } from 'vitest';
import { electrodeArray, ELECTRODES, standardElectrodes, THORAX } from './electrodes';
import { norm } from './frame';

describe('electrode positions of the generic adult', () => {
  const e = standardElectrodes();

  it('follow the placement rules: V1/V2 either side of the sternum at one height, V4–V6 on one horizontal level', () => {
    expect(e.V1[2]).toBe(e.V2[2]);
    expect(e.V1[0]).toBeLessThan(THORAX.midlineX); // V1 right of the midline
    expect(e.V2[0]).toBeGreaterThan(THORAX.midlineX);
    expect(e.V4[2]).toBe(e.V5[2]);
    expect(e.V5[2]).toBe(e.V6[2]);
    expect(e.V4[2]).toBeLessThan(e.V2[2]); // 5th ICS below the 4th
    expect(e.V3[2]).toBeCloseTo((e.V2[2] + e.V4[2]) / 2, 9);
  });

  it('wrap around the left chest from front to side: V1 → V6 go leftward, V6 lies at the mid-axillary line', () => {
    const chest = (['V1', 'V2', 'V3', 'V4', 'V5', 'V6'] as const).map((k) => e[k]);
    for (let k = 1; k < 6; k++) expect(chest[k][0]).toBeGreaterThan(chest[k - 1][0]);
    for (const k of ['V1', 'V2', 'V3', 'V4', 'V5'] as const) expect(e[k][1]).toBeLessThan(0); // in front of the heart
    expect(e.V6[1]).toBeGreaterThan(e.V5[1]);
    expect(e.V6[0] - THORAX.midlineX).toBe(THORAX.halfBreadth);
  });

  it('put the limb roots at the shoulders (above the heart) and the left hip (far below)', () => {
    expect(e.RA[0]).toBeLessThan(0);
    expect(e.LA[0]).toBeGreaterThan(0);
    expect(e.RA[2]).toBeGreaterThan(100);
    expect(e.LA[2]).toBe(e.RA[2]);
    expect(e.LL[2]).toBeLessThan(-300);
    // Every electrode is outside a 60 mm ball around the ventricles' centre (the heart's own half-size).
    for (const p of electrodeArray(e)) expect(norm(p)).toBeGreaterThan(60);
  });

  it('come in the order of the unipolar potentials', () => {
    expect(ELECTRODES).toEqual(['RA', 'LA', 'LL', 'V1', 'V2', 'V3', 'V4', 'V5', 'V6']);
    expect(electrodeArray(e)[0]).toBe(e.RA);
  });
});
