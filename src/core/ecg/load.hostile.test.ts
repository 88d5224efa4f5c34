import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../constants';
import { fixtureFiles } from '../../test-support/data';
import { expectLoadsOrRefuses, expectRefused, timedLoad } from '../../test-support/hostile';
import type { RecordFiles } from './types';

/**
 * Hostile and broken research-format input (WFDB, Challenge .mat, CSV, .npy), built from the small in-repo fixtures
 * so it runs without the datasets. Every case must end in an EcgError naming the file and the problem, inside the
 * hang guard, or (for random mutations) in a usable record.
 */
const enc = (s: string) => new TextEncoder().encode(s);
const ptbxl = fixtureFiles('ptbxl/00001_lr.hea', 'ptbxl/00001_lr.dat');
const HEA = new TextDecoder().decode(ptbxl.get('00001_lr.hea'));
const DAT = ptbxl.get('00001_lr.dat')!;
const wfdb = (hea: string, dat: Uint8Array = DAT): RecordFiles =>
  new Map([
    ['00001_lr.hea', enc(hea)],
    ['00001_lr.dat', dat],
  ]);
const one = (name: string, bytes: Uint8Array): RecordFiles => new Map([[name, bytes]]);
const LEADS = 'I,II,III,aVR,aVL,aVF,V1,V2,V3,V4,V5,V6';
const csvOf = (rows: string[]) => enc([LEADS, ...rows].join('\n'));
const goodRow = '0.1,0.2,0.1,-0.15,0,0.15,0.3,0.4,0.5,0.6,0.5,0.4';

/** A .npy preamble (v1.0) declaring `shape`, followed by `data`. */
function npy(shape: string, data = new Uint8Array(0), descr = '<f4'): Uint8Array {
  let header = `{'descr': '${descr}', 'fortran_order': False, 'shape': ${shape}, }`;
  header += ' '.repeat(63 - ((10 + header.length) % 64)) + '\n';
  const out = new Uint8Array(10 + header.length + data.length);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, header.length & 0xff, header.length >> 8]);
  out.set(enc(header), 10);
  out.set(data, 10 + header.length);
  return out;
}

describe('hostile WFDB input: refused by name, before decoding', () => {
  it('zero-length header or data file', async () => {
    await expectRefused(wfdb(''), '00001_lr.hea', 'empty-file', 'empty');
    await expectRefused(wfdb(HEA, new Uint8Array(0)), '00001_lr.dat', 'empty-file', 'empty');
  });

  it('truncated data, and a header counting more samples than the file holds', async () => {
    await expectRefused(
      wfdb(HEA, DAT.slice(0, 12345)),
      '00001_lr.dat',
      'truncated-data',
      /header says 1000 samples.*file has 12345 bytes/,
    );
    await expectRefused(
      wfdb(HEA.replace('100 1000', '100 2000')),
      '00001_lr.dat',
      'truncated-data',
      'header says 2000 samples',
    );
  });

  it('huge sample counts: refused from the header alone (no decode, no allocation)', async () => {
    await expectRefused(
      wfdb(HEA.replace('100 1000', '100 9007199254740991')),
      '00001_lr.hea',
      'too-long',
      `at most ${LIMITS.maxSamplesPerLead}`,
    );
    await expectRefused(wfdb(HEA.replace('100 1000', '100 600000')), '00001_lr.hea', 'too-long', '6000 s of recording');
    // No count in the header: the data file's size decides, and is checked before decoding.
    const headerless = HEA.replace('100 1000', '100').split('\n').slice(0, 2).join('\n').replace(' 12 ', ' 1 ');
    await expectRefused(
      wfdb(headerless.replace(' 16 ', ' 8 '), new Uint8Array(LIMITS.maxSamplesPerLead + 1)),
      '00001_lr.dat',
      'too-long',
      `${LIMITS.maxSamplesPerLead + 1} samples per lead`,
    );
  });

  it('huge signal counts and impossible gains or rates', async () => {
    await expectRefused(
      wfdb(HEA.replace('00001_lr 12', '00001_lr 1000000')),
      '00001_lr.hea',
      'too-many-channels',
      `1000000 signals; at most ${LIMITS.maxChannels}`,
    );
    await expectRefused(
      wfdb(HEA.replace(/1000\.0\(0\)/g, '1e12(0)')),
      '00001_lr.hea',
      'implausible-gain',
      'gain 1000000000000',
    );
    await expectRefused(
      wfdb(HEA.replace(/1000\.0\(0\)/g, '0.0001(0)')),
      '00001_lr.hea',
      'implausible-gain',
      'gain 0.0001',
    );
    await expectRefused(
      wfdb(HEA.replace(/1000\.0\(0\)/g, '0.01(0)')),
      '00001_lr.hea',
      'implausible-amplitude',
      /lead I reaches .* mV.*gain and units/,
    );
    for (const fs of ['0', '-5', '1e9', 'NaN'])
      await expectRefused(wfdb(HEA.replace('12 100 ', `12 ${fs} `)), '00001_lr.hea', 'bad-header', /sampl/);
    await expectRefused(wfdb(HEA.replace('12 100 ', '12 10 ')), '00001_lr.hea', 'bad-header', 'outside 50–20000 Hz');
  });

  it('a header pointing at itself, at another header, or outside its folder', async () => {
    await expectRefused(
      wfdb(HEA.replaceAll('00001_lr.dat', '00001_lr.hea')),
      '00001_lr.hea',
      'bad-header',
      'a header cannot hold its own samples',
    );
    await expectRefused(
      wfdb(HEA.replace('00001_lr.dat 16', 'other.hea 16')),
      '00001_lr.hea',
      'bad-header',
      '"other.hea"',
    );
    await expectRefused(
      wfdb(HEA.replace('00001_lr.dat 16', '../../etc/passwd 16')),
      '00001_lr.hea',
      'bad-header',
      'not a plain file name',
    );
  });

  it('a multi-segment header whose segment is the record itself (a loop) is refused, not followed', async () => {
    const loop = new Map([['r.hea', enc('r/2 1 500 1000\nr 500\nr 500\n')]]);
    await expectRefused(loop, 'r.hea', 'unsupported-format', 'multi-segment');
  });

  it('a data file given without its header, and too many files at once', async () => {
    await expectRefused(one('00001_lr.dat', DAT), '00001_lr.dat', 'missing-file', 'needs its .hea header');
    const many: RecordFiles = new Map(
      Array.from({ length: LIMITS.maxFilesPerRecord + 1 }, (_, k) => [`f${k}.dat`, DAT] as const),
    );
    const { error } = await timedLoad(many);
    expect(error?.message).toContain(`${LIMITS.maxFilesPerRecord + 1} files given`);
  });

  it('property: random bit flips anywhere in header or data end in a record or a named refusal', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.boolean(),
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: 7 })), { minLength: 1, maxLength: 16 }),
        async (inHeader, flips) => {
          const target = inHeader ? enc(HEA) : DAT.slice();
          for (const [at, bit] of flips) target[at % target.length] ^= 1 << bit;
          await expectLoadsOrRefuses(inHeader ? wfdb(new TextDecoder().decode(target)) : wfdb(HEA, target));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('Challenge .mat: truncated, zero-length, and a matrix header claiming 2³¹ columns', async () => {
    const cinc = fixtureFiles('cinc/E07500.hea', 'cinc/E07500.mat');
    const mat = cinc.get('E07500.mat')!;
    const withMat = (m: Uint8Array) => new Map([...cinc, ['E07500.mat', m]]);
    await expectRefused(withMat(mat.slice(0, 5000)), 'E07500.mat', 'truncated-data', 'needs 120000 bytes');
    await expectRefused(withMat(new Uint8Array(0)), 'E07500.mat', 'empty-file', 'empty');
    const huge = mat.slice();
    new DataView(huge.buffer).setInt32(8, 0x7fffffff, true);
    await expectRefused(withMat(huge), 'E07500.mat', 'truncated-data', /needs \d+ bytes of data/);
  });
});

describe('hostile CSV input', () => {
  it('a header row of 10⁶ columns is refused from its delimiters, quickly', async () => {
    const wide = enc(`${Array.from({ length: 1_000_000 }, (_, k) => `c${k}`).join(',')}\n${'0,'.repeat(999_999)}0\n`);
    await expectRefused(
      one('wide.csv', wide),
      'wide.csv',
      'too-many-channels',
      `1000000 columns; at most ${LIMITS.maxCsvColumns}`,
    );
  });

  it('NaN, Inf and empty cells name the lead and the first bad sample', async () => {
    await expectRefused(
      one('nan.csv', csvOf([goodRow, goodRow.replace('0.3', 'NaN')])),
      'nan.csv',
      'non-finite-values',
      'lead V1 has 1 missing or non-finite samples',
    );
    await expectRefused(
      one('inf.csv', csvOf([goodRow.replace('0.4', 'Infinity'), goodRow])),
      'inf.csv',
      'non-finite-values',
      'lead V2',
    );
    await expectRefused(
      one('big.csv', csvOf([goodRow, goodRow.replace('0.5', '1e999')])),
      'big.csv',
      'non-finite-values',
      'lead V3',
    );
  });

  it('huge amplitudes and a huge stated rate', async () => {
    await expectRefused(
      one('amp.csv', csvOf(Array(50).fill(goodRow.replace('0.2', '3e30')))),
      'amp.csv',
      'implausible-amplitude',
      /lead II reaches 3\.00e\+30 mV/,
    );
    await expectRefused(
      one('fs.csv', enc(`# fs: 1e12\n${LEADS}\n${goodRow}\n`)),
      'fs.csv',
      'bad-header',
      'sampling rate 1000000000000 Hz',
    );
  });

  it('wrong counts: a row with fewer values than the header', async () => {
    await expectRefused(
      one('rows.csv', csvOf([goodRow, '1,2,3'])),
      'rows.csv',
      'bad-csv',
      'row 3 has 3 values, the header has 12 columns',
    );
  });

  it('wrong encodings: UTF-16 with a BOM is read; without one, or binary, is named', async () => {
    const text = `${LEADS}\n${Array(100).fill(goodRow).join('\n')}\n`;
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) utf16[2 + 2 * i] = text.charCodeAt(i);
    const ok = await expectLoadsOrRefuses(one('bom.csv', utf16));
    expect(ok.record?.nSamples).toBe(100);
    await expectRefused(
      one('nobom.csv', utf16.subarray(2)),
      'nobom.csv',
      'bad-csv',
      'UTF-16 without a byte-order mark',
    );
    const binary = Uint8Array.from({ length: 5000 }, (_, i) => (i * 7919) & 0xff);
    const out = await expectLoadsOrRefuses(one('binary.csv', binary));
    expect(out.error?.file).toBe('binary.csv');
  });

  it('zero-length and comment-only files', async () => {
    await expectRefused(one('empty.csv', new Uint8Array(0)), 'empty.csv', 'empty-file', 'empty');
    await expectRefused(
      one('comments.csv', enc('# fs: 500\n# units: mV\n')),
      'comments.csv',
      'empty-file',
      'no header row',
    );
  });
});

describe('hostile .npy input', () => {
  it('a shape of 10⁹ × 12 is refused from the header before its data is decoded', async () => {
    await expectRefused(
      one('huge.npy', npy('(1000000000, 12)')),
      'huge.npy',
      'too-long',
      `1000000000 rows (samples per lead); at most ${LIMITS.maxSamplesPerLead}`,
    );
  });

  it('NaN in the data, a wrong shape, a wrong dtype, a truncated file', async () => {
    const data = new Float32Array(12 * 500).fill(0.1);
    data[12 * 7 + 3] = NaN;
    await expectRefused(
      one('nan.npy', npy('(500, 12)', new Uint8Array(data.buffer))),
      'nan.npy',
      'non-finite-values',
      /lead aVR has 1 missing or non-finite samples .*first at sample 7/,
    );
    await expectRefused(one('t.npy', npy('(12, 500)', new Uint8Array(data.buffer))), 't.npy', 'bad-npy', 'transpose');
    await expectRefused(
      one('i8.npy', npy('(500, 12)', new Uint8Array(data.buffer), '<i8')),
      'i8.npy',
      'bad-npy',
      'dtype "<i8"',
    );
    await expectRefused(
      one('cut.npy', npy('(500, 12)', new Uint8Array(data.buffer, 0, 1000))),
      'cut.npy',
      'truncated-data',
      'needs 24000 bytes',
    );
  });
});
