import { describe, expect, it } from 'vitest';
import { INVERSE_DOWER_MATRIX } from '../cine/vcg';
import { loadRecord } from '../ecg/load';
import { STANDARD_LEADS } from '../ecg/types';
import { DOWER_MATRIX, projectDower, twelveFromEight } from './dower';
import { recordFilesOf, synthFiles } from './files';
import { synthesizeRecord, type SynthRecord } from './generate';
import { differenceRanges, maskInWindow } from './mask';
import { TERRITORIES } from './pathology';

const L = (name: string) => STANDARD_LEADS.indexOf(name as (typeof STANDARD_LEADS)[number]);
const ms = (r: SynthRecord, t: number) => Math.round((t * r.fsHz) / 1000);

/** Net QRS area (R − 50 … R + 50 ms) of a lead over all complete beats, each beat against its PR level (R − 60 ms). */
function qrsArea(r: SynthRecord, signal: Int16Array[], lead: string): number {
  let a = 0;
  for (const R of r.rPeaksMs) {
    const from = ms(r, R - 50);
    const to = ms(r, R + 50);
    const base = ms(r, R - 60);
    if (base < 0 || to >= signal[0].length) continue;
    for (let s = from; s <= to; s++) a += signal[L(lead)][s] - signal[L(lead)][base];
  }
  return a;
}
const frontalAxisDeg = (r: SynthRecord, sig: Int16Array[]) =>
  (Math.atan2(qrsArea(r, sig, 'aVF'), qrsArea(r, sig, 'I')) * 180) / Math.PI;

describe('Dower projection (known answers)', () => {
  it('the inverse Dower matrix of vcg.ts undoes Dower’s matrix: INVERSE_DOWER · DOWER ≈ I₃', () => {
    for (let r = 0; r < 3; r++) {
      for (let c = 0; c < 3; c++) {
        let s = 0;
        for (let k = 0; k < 8; k++) s += INVERSE_DOWER_MATRIX[r][k] * DOWER_MATRIX[k][c];
        expect(Math.abs(s - (r === c ? 1 : 0))).toBeLessThan(0.03);
      }
    }
  });
  it('a unit dipole along X gives the first column; limb leads obey Einthoven and Goldberger', () => {
    const eight = projectDower([1, 0, 0], [0, 1, 0], [0, 0, 1]);
    expect(eight.map((l) => l[0])).toEqual(DOWER_MATRIX.map((row) => row[0]));
    expect(eight.map((l) => l[2])).toEqual(DOWER_MATRIX.map((row) => row[2]));
    const twelve = twelveFromEight(eight);
    // Y (toward the feet): I = −0.235, II = 1.066, so III = 1.301, aVF = 1.1835, aVR = −0.4155, aVL = −0.768.
    const expected = [-0.235, 1.066, 1.301, -0.4155, -0.768, 1.1835];
    expected.forEach((v, l) => expect(twelve[l][1]).toBeCloseTo(v, 12));
    for (let t = 0; t < 3; t++) expect(twelve[3][t] + twelve[4][t] + twelve[5][t]).toBeCloseTo(0, 12);
  });
});

describe('synthesizeRecord', () => {
  it('is deterministic: the same seed and index give identical files; another seed differs', () => {
    const a = synthFiles(synthesizeRecord(7, 3, 'mixed'));
    const b = synthFiles(synthesizeRecord(7, 3, 'mixed'));
    for (const [name, bytes] of a) expect(Buffer.from(bytes).equals(Buffer.from(b.get(name)!))).toBe(true);
    const c = synthesizeRecord(8, 3, 'normal');
    expect(
      Buffer.from(c.digital[0].buffer).equals(Buffer.from(synthesizeRecord(7, 3, 'normal').digital[0].buffer)),
    ).toBe(false);
  });

  it('the twin is the same record without the change: equal to the normal record of the same seed, bit for bit', () => {
    for (const p of ['lafb', 'bbb', 'st', 't-inversion'] as const) {
      const r = synthesizeRecord(11, 2, p);
      const normal = synthesizeRecord(11, 2, 'normal');
      r.twinDigital.forEach((lead, l) => expect(lead).toEqual(normal.digital[l]));
      expect(r.rPeaksMs).toEqual(normal.rPeaksMs);
    }
    const n = synthesizeRecord(11, 2, 'normal');
    n.digital.forEach((lead, l) => expect(lead).toEqual(n.twinDigital[l]));
    expect(Object.values(n.mask).every((ranges) => ranges.length === 0)).toBe(true);
    expect(n.label).toBe('normal');
  });

  it('QRS changes (lafb, bbb) leave everything more than 200 ms from every R peak identical to the twin', () => {
    for (const p of ['lafb', 'bbb'] as const) {
      const r = synthesizeRecord(5, 1, p);
      let checked = 0;
      for (let s = 0; s < r.digital[0].length; s++) {
        if (r.rPeaksMs.some((R) => Math.abs((s * 1000) / r.fsHz - R) <= 200)) continue;
        checked++;
        for (let l = 0; l < 12; l++)
          if (r.digital[l][s] !== r.twinDigital[l][s]) throw new Error(`${p}: lead ${l} differs at sample ${s}`);
      }
      expect(checked).toBeGreaterThan(1500);
    }
  });

  it('mask rule exactly, read back through the WFDB reader: in the mask ⇔ |record − twin| ≥ 0.02 mV', () => {
    const r = synthesizeRecord(3, 0, 'st');
    const files = synthFiles(r);
    const rec = loadRecord(recordFilesOf(files, r.name));
    const twin = loadRecord(recordFilesOf(files, `${r.name}-healthy`));
    const truth = JSON.parse(new TextDecoder().decode(files.get(`${r.name}.truth.json`)));
    expect(Object.keys(truth)).toEqual(['label', 'pathology', 'fsHz', 'mask']);
    expect(truth).toMatchObject({ label: 'abnormal', pathology: 'st', fsHz: 500 });
    let inMask = 0;
    STANDARD_LEADS.forEach((name, l) => {
      const m = maskInWindow(truth.mask, 0, rec.leadsMv[l].length)[l];
      for (let s = 0; s < m.length; s++) {
        const diffUv = Math.abs(Math.round(rec.leadsMv[l][s] * 1000) - Math.round(twin.leadsMv[l][s] * 1000));
        expect(m[s] === 1).toBe(diffUv >= 20);
        inMask += m[s];
      }
      expect(truth.mask[name]).toEqual(differenceRanges(r.digital[l], r.twinDigital[l], 20));
    });
    expect(inMask).toBeGreaterThan(0);
  });

  it('lafb: the frontal QRS axis (net areas of I and aVF) moves from normal to left of −30°', () => {
    for (let i = 0; i < 6; i++) {
      const r = synthesizeRecord(21, i, 'lafb');
      const twin = frontalAxisDeg(r, r.twinDigital);
      const rec = frontalAxisDeg(r, r.digital);
      expect(twin, `case ${i}`).toBeGreaterThan(-30);
      expect(twin, `case ${i}`).toBeLessThan(90);
      expect(rec, `case ${i}`).toBeLessThan(-30);
    }
  });

  it('bbb: the change sits in a widened QRS (R − 80 … R + 140 ms) and reaches past R + 40 ms (terminal delay)', () => {
    for (let i = 0; i < 4; i++) {
      const r = synthesizeRecord(22, i, 'bbb');
      let late = 0;
      for (const ranges of Object.values(r.mask)) {
        for (const [a, b] of ranges) {
          const t0 = (a * 1000) / r.fsHz;
          const t1 = ((b - 1) * 1000) / r.fsHz;
          const R = r.rPeaksMs.find((x) => x - 80 <= t0 && t1 <= x + 140);
          expect(R, `range ${a}–${b} of case ${i}`).toBeDefined();
          if (t1 > R! + 40) late++;
        }
      }
      expect(late).toBeGreaterThan(r.rPeaksMs.length);
    }
  });

  it('st: elevation or depression in the ST segment, with the sign it was given in the leads facing the territory', () => {
    const facing = { anterior: 'V2', inferior: 'aVF', lateral: 'I' } as const;
    const seen = new Set<string>();
    for (let i = 0; i < 12; i++) {
      const r = synthesizeRecord(23, i, 'st');
      const { territory, sign } = r.injection;
      seen.add(`${territory}${sign}`);
      for (const ranges of Object.values(r.mask)) {
        for (const [a, b] of ranges)
          expect(r.rPeaksMs.some((R) => R <= (a * 1000) / r.fsHz && ((b - 1) * 1000) / r.fsHz <= R + 260)).toBe(true);
      }
      const l = L(facing[territory!]);
      const R = r.rPeaksMs[3];
      const s = ms(r, R + 130);
      expect(Math.sign(r.digital[l][s] - r.twinDigital[l][s])).toBe(sign);
      expect(TERRITORIES[territory!]).toBeDefined();
    }
    expect(seen.size).toBeGreaterThanOrEqual(4);
  });

  it('t-inversion: the T wave in the leads facing the territory turns negative', () => {
    const facing = { anterior: 'V2', inferior: 'aVF', lateral: 'I' } as const;
    for (let i = 0; i < 8; i++) {
      const r = synthesizeRecord(24, i, 't-inversion');
      const l = L(facing[r.injection.territory!]);
      const R = r.rPeaksMs[2];
      const rr = (r.rPeaksMs[3] - R) / 1000;
      const peak = ms(r, R + 290 * Math.sqrt(rr));
      const base = ms(r, R - 60);
      expect(r.digital[l][peak] - r.digital[l][base], `case ${i} ${r.injection.territory}`).toBeLessThan(-50);
      expect(r.twinDigital[l][peak] - r.digital[l][peak]).toBeGreaterThan(100);
    }
  });

  it('refuses a bad seed or index with a message naming it', () => {
    expect(() => synthesizeRecord(-1, 0)).toThrow(/seed must be an integer/);
    expect(() => synthesizeRecord(1, 1.5)).toThrow(/record index/);
  });
});
