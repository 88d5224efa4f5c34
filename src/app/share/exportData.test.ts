import { describe, expect, it } from 'vitest';
import { attributionsCsv, exportName } from './exportData';

describe('attribution exports', () => {
  it('writes Φ = (A¹ − A⁰)/2 per lead and Φd = Σ Φ / max |Σ Φ| per sample', () => {
    const T = 3;
    const a0 = new Float32Array(T * 12);
    const a1 = new Float32Array(T * 12);
    a1[0] = 2; // t0, lead I: Φ = 1
    a1[12 + 11] = -4; // t1, V6: Φ = −2
    const csv = attributionsCsv([a0, a1], 12, 500).trim().split('\n');
    expect(csv[0]).toBe('t_ms,I,II,III,aVR,aVL,aVF,V1,V2,V3,V4,V5,V6,phi_d');
    expect(csv).toHaveLength(T + 1);
    const r0 = csv[1].split(',').map(Number);
    const r1 = csv[2].split(',').map(Number);
    expect(r0[0]).toBe(0);
    expect(r0[1]).toBe(1);
    expect(r0[13]).toBeCloseTo(0.5, 6); // 1 / max(|1|, |−2|)
    expect(r1[0]).toBe(2);
    expect(r1[12]).toBe(-2);
    expect(r1[13]).toBeCloseTo(-1, 6);
  });
  it('names files after the case and the method', () => {
    expect(exportName('ptbxl-00285', 'ig', 'attributions', 'csv')).toBe('ptbxl-00285-ig-attributions.csv');
    expect(exportName('my record (1)', 'lime', 'figure', 'png')).toBe('my_record_1_-lime-figure.png');
  });
});
