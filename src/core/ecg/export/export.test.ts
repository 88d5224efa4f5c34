import { describe, expect, it } from 'vitest';
import { fixtureFiles } from '../../../test-support/data';
import { loadRecord } from '../load';
import { makeNpy } from '../npy';
import { toCsv } from './csv-writer';
import { toWfdb } from './wfdb-writer';

const maxAbsDiff = (a: Float32Array, b: Float32Array) => a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0);

describe('export a loaded record', () => {
  const original = loadRecord(fixtureFiles('ptbxl/00001_lr.hea', 'ptbxl/00001_lr.dat'));

  it('WFDB format 16: our reader gets the same record back (1 µV steps), checksums valid', () => {
    const { files, header } = toWfdb(original);
    expect(header.split('\n')[0]).toBe(`00001_lr 12 ${original.fsHz} ${original.nSamples}`);
    expect(header).toMatch(/^00001_lr\.dat 16 1000\(0\)\/mV 16 0 -?\d+ -?\d+ 0 V6$/m);
    const back = loadRecord(files);
    expect(back.notes).toEqual([]); // no checksum complaint
    expect(back.fsHz).toBe(original.fsHz);
    expect(back.nSamples).toBe(original.nSamples);
    for (let l = 0; l < 12; l++)
      expect(maxAbsDiff(back.leadsMv[l], original.leadsMv[l])).toBeLessThanOrEqual(0.0005 + 1e-7);
  });

  it('CSV: our reader gets the same record back (0.1 µV), rate from "# fs:"', () => {
    const csv = toCsv(original);
    const back = loadRecord(new Map([['r.csv', new TextEncoder().encode(csv)]]));
    expect(back.fsHz).toBe(original.fsHz);
    expect(back.notes).toEqual([]);
    for (let l = 0; l < 12; l++)
      expect(maxAbsDiff(back.leadsMv[l], original.leadsMv[l])).toBeLessThanOrEqual(0.00005 + 1e-7);
  });

  it('a large-amplitude record gets a smaller gain instead of clipping', () => {
    const n = 1000;
    const values = Array.from({ length: n * 12 }, (_, i) => 40 * Math.sin(i / 100));
    const big = loadRecord(new Map([['big.npy', makeNpy(values, [n, 12])]]));
    const { header, files } = toWfdb(big);
    const gain = Number(/ 16 (\d+)\(0\)\/mV/.exec(header)![1]);
    expect(gain).toBeLessThan(1000);
    expect(gain * 40).toBeLessThanOrEqual(32767);
    const back = loadRecord(files);
    expect(maxAbsDiff(back.leadsMv[5], big.leadsMv[5])).toBeLessThanOrEqual(0.5 / gain + 1e-6);
  });

  it('a z-scored record is refused (no mV to write)', () => {
    const values = Array.from({ length: 600 * 12 }, (_, i) => Math.sin(i / 30));
    const npy = makeNpy(values, [600, 12]);
    const z = loadRecord(new Map([['z.npy', npy]]), { npy: { zscored: true } });
    expect(() => toCsv(z)).toThrow(/z-scores/);
    expect(() => toWfdb(z)).toThrow(/z-scores/);
  });
});
