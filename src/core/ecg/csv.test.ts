import { describe, expect, it } from 'vitest';
import { fixtureFiles } from '../../test-support/data';
import { loadRecord } from './load';
import { STANDARD_LEADS, type EcgRecord } from './types';

const enc = (s: string) => new TextEncoder().encode(s);
const csvFile = (text: string, name = 'r.csv') => new Map([[name, enc(text)]]);

/** A real record written out as CSV, the way a user's export would look. */
function asCsv(r: EcgRecord, opts: { time?: 'ms' | 's'; units?: 'uV'; sep?: string; names?: string[] } = {}): string {
  const sep = opts.sep ?? ',';
  const names = opts.names ?? STANDARD_LEADS.map((l) => (opts.units ? `${l} (${opts.units})` : l));
  const head = [...(opts.time ? [opts.time === 'ms' ? 'time_ms' : 'time'] : []), ...names].join(sep);
  const rows = [head];
  for (let n = 0; n < r.nSamples; n++) {
    const t = opts.time === 'ms' ? [(n * 1000) / r.fsHz] : opts.time === 's' ? [(n / r.fsHz).toFixed(3)] : [];
    const v = r.leadsMv.map((x) => (opts.units ? Math.round(x[n] * 1000) : x[n].toFixed(4)));
    rows.push([...t, ...v].join(sep));
  }
  return rows.join('\n');
}

describe('CSV records', () => {
  const ref = loadRecord(fixtureFiles('ptbxl/00001_lr.hea', 'ptbxl/00001_lr.dat')); // 100 Hz

  it('time column in seconds gives the rate; values in mV', () => {
    const r = loadRecord(csvFile(asCsv(ref, { time: 's' })));
    expect(r).toMatchObject({ format: 'csv', fsHz: 100, nSamples: 1000 });
    expect(r.leadsMv[6][500]).toBeCloseTo(ref.leadsMv[6][500], 4);
    expect(r.notes).toContain('units not stated: mV assumed');
  });

  it('time in ms, units in the column names (uV), lead names in other spellings', () => {
    const names = ['Lead I', 'II', 'iii', 'AVR', 'avl', 'AVF', 'V1', 'V2', 'V3', 'V4', 'V5', 'V6'].map(
      (n) => `${n} (uV)`,
    );
    const r = loadRecord(csvFile(asCsv(ref, { time: 'ms', units: 'uV', names })));
    expect(r.fsHz).toBe(100);
    expect(r.leadsMv[3][123]).toBeCloseTo(ref.leadsMv[3][123], 3);
    expect(r.notes).toEqual([]);
  });

  it('no time column: 500 Hz assumed and said; "# fs:" comment overrides', () => {
    expect(loadRecord(csvFile(asCsv(ref))).notes).toContain('no time column and no "# fs:" comment: 500 Hz assumed');
    expect(loadRecord(csvFile(`# fs: 100\n${asCsv(ref)}`)).fsHz).toBe(100);
  });

  it('semicolons with decimal commas', () => {
    const text = asCsv(ref, { sep: ';' }).replace(/(\d)\.(\d)/g, '$1,$2');
    expect(loadRecord(csvFile(`# fs=100\n${text}`)).leadsMv[0][10]).toBeCloseTo(ref.leadsMv[0][10], 4);
  });

  it.each([
    ['I,II\n1,2', /missing leads III|missing leads V1/],
    ['1,2,3\n4,5,6', 'the first row is numbers'],

    [`${STANDARD_LEADS.join(',')}\n${'0,'.repeat(11)}0,0`, 'row 2 has 13 values, the header has 12 columns'],
    [`${STANDARD_LEADS.join(',')}\n${'0,'.repeat(11)}NaN`, 'lead V6 has 1 missing or non-finite samples'],
    [`${STANDARD_LEADS.join(',')}\n${'0,'.repeat(11)}`, 'lead V6 has 1 missing'],
    ['just some text', 'has no comma, semicolon or tab'],
    [
      `time,${STANDARD_LEADS.join(',')}\n0,${'0,'.repeat(11)}0\n0.002,${'0,'.repeat(11)}0\n0.010,${'0,'.repeat(11)}0`,
      'not evenly spaced',
    ],
  ])('%j → clear error', (text, message) => {
    expect(() => loadRecord(csvFile(text))).toThrow(message);
  });
});
