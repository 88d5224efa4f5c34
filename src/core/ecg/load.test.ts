import { describe, expect, it } from 'vitest';
import { fixtureFiles } from '../../test-support/data';
import { MAX_INPUT_BYTES } from '../constants';
import { EcgError } from '../errors';
import { loadRecord } from './load';
import { STANDARD_LEADS } from './types';

const codeOf = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    if (e instanceof EcgError) return e.code;
    throw e;
  }
  throw new Error('expected an EcgError');
};

describe('loadRecord on real records', () => {
  it('PTB-XL 500 Hz (format 16, gain 1000/mV): first samples in mV', () => {
    const r = loadRecord(fixtureFiles('ptbxl/00285_hr.hea', 'ptbxl/00285_hr.dat'));
    expect(r).toMatchObject({
      name: '00285_hr',
      format: 'wfdb',
      fsHz: 500,
      nSamples: 5000,
      derivedLeads: [],
      notes: [],
    });
    expect(r.leadsMv).toHaveLength(12);
    // Initial values in the header, divided by the gain.
    const header = new TextDecoder().decode(fixtureFiles('ptbxl/00285_hr.hea').get('00285_hr.hea'));
    const initial = header
      .split('\n')
      .slice(1, 13)
      .map((l) => Number(l.split(/\s+/)[5]) / 1000);
    r.leadsMv.forEach((lead, k) => expect(lead[0]).toBeCloseTo(initial[k], 6));
  });

  it('PTB-XL 100 Hz', () => {
    const r = loadRecord(fixtureFiles('ptbxl/00001_lr.hea', 'ptbxl/00001_lr.dat'));
    expect(r).toMatchObject({ fsHz: 100, nSamples: 1000 });
  });

  it('LUDB: lower-case lead names, per-channel gain and baseline', () => {
    const r = loadRecord(fixtureFiles('ludb/1.hea', 'ludb/1.dat'));
    expect(r.fsHz).toBe(500);
    // 1.hea: "1.dat 16 1716(6)/mV 0 0 -120 …  i" → (−120 − 6) / 1716 mV
    expect(r.leadsMv[0][0]).toBeCloseTo((-120 - 6) / 1716, 6);
    expect(r.comments).toContain('Rhythm: Sinus bradycardia.');
  });

  it('Challenge .mat (MATLAB v4 "val") gives the same numbers as its header\'s format-16 byte offset', () => {
    const files = fixtureFiles('cinc/E07500.hea', 'cinc/E07500.mat');
    const viaMat = loadRecord(files);
    expect(viaMat.format).toBe('challenge-mat');
    expect(viaMat.comments).toContain('Dx: 67741000119109,426177001');
    const renamed = new Map(files);
    renamed.set('E07500.dat', files.get('E07500.mat')!);
    renamed.delete('E07500.mat');
    const text = new TextDecoder().decode(files.get('E07500.hea')).replaceAll('E07500.mat', 'E07500.dat');
    renamed.set('E07500.hea', new TextEncoder().encode(text));
    const viaOffset = loadRecord(renamed);
    viaMat.leadsMv.forEach((lead, k) => expect(Array.from(lead)).toEqual(Array.from(viaOffset.leadsMv[k])));
  });

  it('ptbdb: 15 signals in two files; Frank leads kept as extras', () => {
    const r = loadRecord(fixtureFiles('ptbdb/s0010_re.hea', 'ptbdb/s0010_re.dat', 'ptbdb/s0010_re.xyz'));
    expect(r).toMatchObject({ fsHz: 1000, nSamples: 2000, notes: [] });
    expect(r.extras.map((e) => e.name)).toEqual(['vx', 'vy', 'vz']);
    expect(r.leadsMv[0][0]).toBeCloseTo(-489 / 2000, 6);
  });
});

describe('loadRecord refuses bad input with a specific error', () => {
  const hea = fixtureFiles('ptbxl/00285_hr.hea').get('00285_hr.hea')!;
  const dat = fixtureFiles('ptbxl/00285_hr.dat').get('00285_hr.dat')!;
  const withHeader = (text: string, data: Uint8Array = dat) =>
    new Map([
      ['00285_hr.hea', new TextEncoder().encode(text)],
      ['00285_hr.dat', data],
    ]);
  const headerText = new TextDecoder().decode(hea);

  it('truncated .dat', () => {
    const files = new Map([
      ['00285_hr.hea', hea],
      ['00285_hr.dat', dat.subarray(0, 1000)],
    ]);
    expect(() => loadRecord(files)).toThrow(
      'header says 5000 samples per signal (120000 bytes), the file has 1000 bytes',
    );
  });
  it('missing data file', () =>
    expect(codeOf(() => loadRecord(new Map([['00285_hr.hea', hea]])))).toBe('missing-file'));
  it('data without header', () =>
    expect(() => loadRecord(new Map([['00285_hr.dat', dat]]))).toThrow('needs its .hea header'));
  it('empty file', () =>
    expect(codeOf(() => loadRecord(new Map([['00285_hr.hea', new Uint8Array(0)]])))).toBe('empty-file'));
  it('unknown format', () =>
    expect(codeOf(() => loadRecord(new Map([['x.edf', new Uint8Array(10)]])))).toBe('unknown-format'));
  it('header/data mismatch: fewer signal lines than announced', () => {
    const lines = headerText.split('\n');
    expect(() => loadRecord(withHeader([lines[0], ...lines.slice(1, 12)].join('\n')))).toThrow(
      'header says 12 signals, found 11 signal lines',
    );
  });
  it('missing chest leads are named', () => {
    const lines = headerText.split('\n');
    const text = [lines[0].replace(' 12 ', ' 10 '), ...lines.slice(1, 11)].join('\n');
    expect(() => loadRecord(withHeader(text))).toThrow('missing leads V5, V6');
  });
  it('absurd gain', () =>
    expect(codeOf(() => loadRecord(withHeader(headerText.replaceAll('1000.0(0)/mV', '1e-9(0)/mV'))))).toBe(
      'implausible-gain',
    ));
  it('gain that makes mV into volts', () => {
    expect(() => loadRecord(withHeader(headerText.replaceAll('1000.0(0)/mV', '1.0(0)/mV')))).toThrow(
      /reaches .* mV; a surface ECG stays within a few mV/,
    );
  });
  it('non-voltage units', () =>
    expect(() => loadRecord(withHeader(headerText.replaceAll('/mV', '/mmHg')))).toThrow('not a voltage unit'));
  it('invalid samples (WFDB -32768) are reported per lead', () => {
    const broken = dat.slice();
    broken[0] = 0x00;
    broken[1] = 0x80; // lead I, sample 0
    expect(() => loadRecord(withHeader(headerText, broken))).toThrow('lead I has 1 missing or non-finite samples');
  });
  it('a file over the size limit is refused before parsing', () => {
    const huge = { length: MAX_INPUT_BYTES + 1 } as unknown as Uint8Array;
    expect(
      codeOf(() =>
        loadRecord(
          new Map([
            ['00285_hr.hea', hea],
            ['00285_hr.dat', huge],
          ]),
        ),
      ),
    ).toBe('file-too-large');
  });
  it('uV units are converted', () => {
    const r = loadRecord(withHeader(headerText.replaceAll('1000.0(0)/mV', '1.0(0)/uV')));
    const ref = loadRecord(
      new Map([
        ['00285_hr.hea', hea],
        ['00285_hr.dat', dat],
      ]),
    );
    expect(r.leadsMv[3][100]).toBeCloseTo(ref.leadsMv[3][100], 6);
  });
  it('limb leads are derived when only I and II were stored', () => {
    const lines = headerText.split('\n');
    // Keep I, II, V1–V6 (8 signals); III, aVR, aVL, aVF are computed.
    const keep = [1, 2, 7, 8, 9, 10, 11, 12].map((k) => lines[k]);
    const full = loadRecord(
      new Map([
        ['00285_hr.hea', hea],
        ['00285_hr.dat', dat],
      ]),
    );
    // Data for 8 signals: take the frames' columns I, II, V1–V6 from the original.
    const src = new Int16Array(dat.buffer.slice(dat.byteOffset, dat.byteOffset + dat.byteLength));
    const out = new Int16Array(5000 * 8);
    const cols = [0, 1, 6, 7, 8, 9, 10, 11];
    for (let f = 0; f < 5000; f++) cols.forEach((c, j) => (out[f * 8 + j] = src[f * 12 + c]));
    const text = [lines[0].replace(' 12 ', ' 8 '), ...keep].join('\n');
    const r = loadRecord(withHeader(text, new Uint8Array(out.buffer)));
    expect(r.derivedLeads).toEqual(['III', 'aVR', 'aVL', 'aVF']);
    expect(r.notes.join()).toContain('computed from the limb leads');
    // PTB-XL stores all 12 as recorded; derived ones agree up to the 1 µV quantisation.
    for (const k of [2, 3, 4, 5]) {
      const diff = Math.max(...Array.from(r.leadsMv[k]).map((v, n) => Math.abs(v - full.leadsMv[k][n])));
      expect(diff, STANDARD_LEADS[k]).toBeLessThan(0.0051);
    }
  });
});
