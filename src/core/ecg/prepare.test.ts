import { describe, expect, it } from 'vitest';
import { fixtureFiles } from '../../test-support/data';
import { syntheticEcg } from '../../test-support/synthetic-ecg';
import { WINDOW_SAMPLES } from '../constants';
import { loadRecord } from './load';
import { prepareEcg } from './prepare';
import type { EcgRecord } from './types';

const record = (leadsMv: Float32Array[], fsHz = 500): EcgRecord => ({
  name: 'synthetic',
  format: 'csv',
  fsHz,
  nSamples: leadsMv[0].length,
  leadsMv,
  derivedLeads: [],
  extras: [],
  comments: [],
  sourceFiles: ['synthetic.csv'],
  notes: [],
});

describe('prepareEcg', () => {
  it('PTB-XL LAFB record: 200 × 12 window taken from the z-scored record at a detected QRS onset', () => {
    const p = prepareEcg(loadRecord(fixtureFiles('ptbxl/00285_hr.hea', 'ptbxl/00285_hr.dat')));
    expect(p).toMatchObject({ fsHz: 500, nSamples: 5000, windowSamples: WINDOW_SAMPLES });
    expect(p.window).toHaveLength(200 * 12);
    expect(p.qrsOnsetsMs).toContain(p.windowStartMs);
    // Heart rate of this record is ~83 bpm: 12–14 beats in 10 s.
    expect(p.qrsOnsetsMs.length).toBeGreaterThanOrEqual(12);
    expect(p.qrsOnsetsMs.length).toBeLessThanOrEqual(14);
    const s = p.windowStartMs / 2;
    for (const [t, l] of [
      [0, 0],
      [57, 4],
      [199, 11],
    ])
      expect(p.window[t * 12 + l]).toBe(p.zscored[l][s + t]);
    for (const z of p.zscored) {
      const mean = z.reduce((a, b) => a + b, 0) / z.length;
      const sd = Math.sqrt(z.reduce((a, b) => a + (b - mean) ** 2, 0) / z.length);
      expect(mean).toBeCloseTo(0, 4);
      expect(sd).toBeCloseTo(1, 4);
    }
  });

  it('100 Hz input is resampled to 500 Hz', () => {
    const lr = prepareEcg(loadRecord(fixtureFiles('ptbxl/00001_lr.hea', 'ptbxl/00001_lr.dat')));
    expect(lr.nSamples).toBe(5000);
    expect(lr.leadsMv[0]).toHaveLength(5000);
  });

  it('1000 Hz input (ptbdb excerpt) is resampled to 500 Hz', () => {
    const p = prepareEcg(loadRecord(fixtureFiles('ptbdb/s0010_re.hea', 'ptbdb/s0010_re.dat', 'ptbdb/s0010_re.xyz')));
    expect(p.nSamples).toBe(1000);
    expect(p.qrsOnsetsMs.length).toBeGreaterThanOrEqual(1);
  });

  it('refuses a flat record and a too-short one with specific errors', () => {
    expect(() => prepareEcg(record(syntheticEcg({ onsetsMs: [] })))).toThrow('no QRS complex found in 10.0 s');
    expect(() => prepareEcg(record(syntheticEcg({ onsetsMs: [100], seconds: 0.5 })))).toThrow('at least 0.8 s');
  });
});
