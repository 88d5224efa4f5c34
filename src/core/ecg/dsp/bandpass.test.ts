import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedDataDir } from '../../../test-support/data';
import { describe, expect, it } from 'vitest';
import { BANDPASS_HIGH_HZ, BANDPASS_LOW_HZ, BANDPASS_ORDER, MODEL_FS_HZ } from '../../constants';
import { bandpassForModel, modelBandpassSos } from './bandpass';
import bwFixture from './fixtures/butterworth.json';
import ffFixture from './fixtures/filtfilt.json';
import { makeNpyF4, parseNpy } from '../npy';
import { zscore } from './zscore';

describe('bandpassForModel', () => {
  it('uses exactly scipy butter(4, [0.5, 40], btype="band", fs=500, output="sos")', () => {
    const ref = bwFixture.cases.find(
      (c) =>
        c.kind === 'bandpass' &&
        c.order === BANDPASS_ORDER &&
        c.lowHz === BANDPASS_LOW_HZ &&
        c.highHz === BANDPASS_HIGH_HZ &&
        c.fsHz === MODEL_FS_HZ,
    );
    expect(ref).toBeDefined();
    expect(modelBandpassSos().map((s) => Array.from(s))).toEqual(ref?.sos);
  });

  it('is scipy filtfilt with the model filter (fixture signal)', () => {
    const y = bandpassForModel(Float64Array.from(ffFixture.x));
    const ref = ffFixture.bandpass.sosfiltfiltSamePad;
    let m = 0;
    y.forEach((v, i) => (m = Math.max(m, Math.abs(v - ref[i]))));
    expect(m).toBeLessThan(1e-10);
  });
});

describe('npy.test-helper', () => {
  it('reads back a float32 C-order array', () => {
    const { shape, data } = parseNpy(makeNpyF4([1.5, -2, 0.25, 3, 4, 5], [2, 3]));
    expect(shape).toEqual([2, 3]);
    expect(Array.from(data)).toEqual([1.5, -2, 0.25, 3, 4, 5]);
  });
});

// ---- Real data: the model's training arrays (ptbxl-zscored) from the raw PTB-XL records ----

const RECORDS = [103, 195, 310]; // in both ptbxl/records500 and ptbxl-zscored
const dataDir = sharedDataDir(`the PTB-XL training-array comparison (records ${RECORDS.join(', ')})`) ?? '/nonexistent';
const rawPath = (id: number) => join(dataDir, 'ptbxl', 'records500', '00000', `${String(id).padStart(5, '0')}_hr.dat`);
const npyPath = (id: number) => join(dataDir, 'ptbxl-zscored', 'arrays', `${id}.npy`);
const haveData = RECORDS.every((id) => existsSync(rawPath(id)) && existsSync(npyPath(id)));

/** WFDB format 16, 12 interleaved leads, gain 1000/mV, baseline 0 (as the .hea files say) → Float32 mV per lead, as the app holds it. */
function readPtbxlMv(id: number): Float32Array[] {
  const bytes = readFileSync(rawPath(id));
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = bytes.byteLength / 2 / 12;
  return Array.from({ length: 12 }, (_, lead) =>
    Float32Array.from({ length: n }, (_, t) => view.getInt16(2 * (12 * t + lead), true) / 1000),
  );
}

describe('ptbxl-zscored reproduction', () => {
  it.skipIf(!haveData)('band-pass + z-score of the raw records matches the training arrays', () => {
    for (const id of RECORDS) {
      const { shape, data } = parseNpy(new Uint8Array(readFileSync(npyPath(id))));
      expect(shape).toEqual([5000, 12]);
      const leads = readPtbxlMv(id);
      let maxErr = 0;
      let sumSq = 0;
      leads.forEach((mv, lead) => {
        const z = zscore(bandpassForModel(mv, MODEL_FS_HZ));
        for (let t = 0; t < 5000; t++) {
          const d = z[t] - data[12 * t + lead];
          maxErr = Math.max(maxErr, Math.abs(d));
          sumSq += d * d;
        }
      });
      const rms = Math.sqrt(sumSq / data.length);
      console.info(`ptbxl ${id}: max |error| ${maxErr.toExponential(2)}, rms ${rms.toExponential(2)}`);
      // The arrays were made with transfer-function filtfilt(b, a): its 9 rounded polynomial
      // coefficients are a filter slightly off the exact Butterworth, and the SOS form (the exact one,
      // to rounding) differs from it by up to 1.06e-4 here (record 310, start-up transient of a
      // 0.8 mV offset); scipy's own sosfiltfilt gives the same numbers (2.2e-5, 4.1e-5, 1.06e-4).
      expect(maxErr).toBeLessThan(2e-4);
      expect(rms).toBeLessThan(5e-5);
    }
  });
});
