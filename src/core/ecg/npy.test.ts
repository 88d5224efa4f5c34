import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedDataDir } from '../../test-support/data';
import { EcgError } from '../errors';
import { loadRecord } from './load';
import { float16, makeNpy, parseNpy } from './npy';
import { readNpyRecord } from './npy-record';
import { modelWindow, prepareEcg } from './prepare';

const codeOf = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    if (e instanceof EcgError) return `${e.code}:${e.field ?? ''}`;
    throw e;
  }
  return 'no error';
};

/** A 12-lead (N, 12) array: lead l at sample t is a sine scaled by l+1, so any transposition shows. */
function leadsArray(n: number, fs = 500): number[] {
  const out: number[] = [];
  for (let t = 0; t < n; t++)
    for (let l = 0; l < 12; l++) out.push(((l + 1) / 10) * Math.sin((2 * Math.PI * 1.2 * t) / fs));
  return out;
}

describe('parseNpy', () => {
  it('reads <f4, <f8 and <f2 in versions 1 and 2, C order, with the shape', () => {
    const values = [1.5, -2, 0.25, 3, 65504, -(2 ** -14)]; // all exact in half precision
    for (const descr of ['<f4', '<f8', '<f2'] as const) {
      for (const version of [1, 2] as const) {
        const { shape, data } = parseNpy(makeNpy(values, [2, 3], descr, version));
        expect(shape).toEqual([2, 3]);
        expect(Array.from(data)).toEqual(values.map((v) => (descr === '<f4' ? Math.fround(v) : v)));
      }
    }
  });

  it('decodes half floats exactly: subnormals, infinities, NaN', () => {
    expect(float16(0x3c00)).toBe(1);
    expect(float16(0xc000)).toBe(-2);
    expect(float16(0x0001)).toBe(2 ** -24);
    expect(float16(0x7bff)).toBe(65504);
    expect(float16(0x7c00)).toBe(Infinity);
    expect(float16(0xfc00)).toBe(-Infinity);
    expect(float16(0x7e00)).toBeNaN();
  });

  it('refuses malformed files with a code and the header field', () => {
    const good = makeNpy([1, 2, 3, 4], [2, 2]);
    const text = (b: Uint8Array) => new TextDecoder('latin1').decode(b);
    const withHeader = (from: string, to: string) =>
      Uint8Array.from(text(good).replace(from, to.padEnd(from.length, ' ')), (c) => c.charCodeAt(0));
    expect(codeOf(() => parseNpy(new TextEncoder().encode('hello world, not numpy')))).toBe('bad-npy:magic');
    expect(codeOf(() => parseNpy(withHeader("'<f4'", "'>f4'")))).toBe('bad-npy:descr');
    expect(codeOf(() => parseNpy(withHeader("'<f4'", "'<i2'")))).toBe('bad-npy:descr');
    expect(codeOf(() => parseNpy(withHeader('False', 'True')))).toBe('bad-npy:fortran_order');
    expect(codeOf(() => parseNpy(good.subarray(0, good.length - 1)))).toBe('truncated-data:');
    expect(codeOf(() => parseNpy(good.subarray(0, 20)))).toBe('truncated-data:');
    const v9 = good.slice();
    v9[6] = 9;
    expect(codeOf(() => parseNpy(v9))).toBe('bad-npy:version');
  });
});

describe('readNpyRecord', () => {
  const n = 5000;
  const bytes = makeNpy(leadsArray(n), [n, 12]);

  it('(N, 12) in standard order → 12 leads in mV at the given rate, and says what it assumed', () => {
    const r = readNpyRecord(bytes, 'x.npy', { fsHz: 250 });
    expect(r.format).toBe('npy');
    expect(r.fsHz).toBe(250);
    expect(r.nSamples).toBe(n);
    expect(r.leadsMv[11][125]).toBeCloseTo(1.2 * Math.sin((2 * Math.PI * 1.2 * 125) / 500), 6);
    expect(r.leadsMv[0][125]).toBeCloseTo(0.1 * Math.sin((2 * Math.PI * 1.2 * 125) / 500), 6);
    expect(r.preprocessed).toBeUndefined();
    expect(r.notes.join(' ')).toMatch(/mV assumed/);
    expect(readNpyRecord(bytes, 'x.npy').notes.join(' ')).toMatch(/500 Hz assumed/);
  });

  it('the loading entry point recognises it by content and passes the options', () => {
    const r = loadRecord(new Map([['array.bin', bytes]]), { npy: { fsHz: 1000, zscored: true } });
    expect(r.fsHz).toBe(1000);
    expect(r.preprocessed).toBe('bandpassed-zscored');
  });

  it('refuses (12, N), 1-D and 3-D arrays naming the shape', () => {
    expect(codeOf(() => readNpyRecord(makeNpy(leadsArray(300), [12, 300]), 'x.npy'))).toBe('bad-npy:shape');
    expect(() => readNpyRecord(makeNpy(leadsArray(300), [12, 300]), 'x.npy')).toThrow(/transpose/);
    expect(codeOf(() => readNpyRecord(makeNpy([1, 2, 3], [3]), 'x.npy'))).toBe('bad-npy:shape');
    expect(codeOf(() => readNpyRecord(makeNpy(leadsArray(10), [10, 6, 2]), 'x.npy'))).toBe('bad-npy:shape');
  });
});

const root = sharedDataDir('the .npy --zscored path against the training arrays (ptbxl-zscored)');

describe.skipIf(!root)(
  '--zscored: preparation skips band-pass and z-score, exactly as training uses the arrays',
  () => {
    it('a ptbxl-zscored array gives the window training gives', () => {
      const file = join(root!, 'ptbxl-zscored/arrays/10010.npy');
      const bytes = new Uint8Array(readFileSync(file));
      const p = prepareEcg(readNpyRecord(bytes, '10010.npy', { fsHz: 500, zscored: true }));
      // What scripts/dataset/sources.ts does for these arrays: the leads as they are, for the model and for detection.
      const { shape, data } = parseNpy(bytes);
      const leads = Array.from({ length: 12 }, (_, l) =>
        Float32Array.from({ length: shape[0] }, (_, t) => data[t * 12 + l]),
      );
      const w = modelWindow(leads, leads);
      expect(p.windowStartMs).toBe((w.start * 1000) / 500);
      expect(Array.from(p.window)).toEqual(Array.from(w.window));
      // Without --zscored the same numbers are taken as mV and filtered + z-scored again: a different input.
      const asMv = prepareEcg(readNpyRecord(bytes, '10010.npy', { fsHz: 500 }));
      expect(asMv.zscored[0][1000]).not.toBe(p.zscored[0][1000]);
    });
  },
);
