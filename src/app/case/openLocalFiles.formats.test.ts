import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeNpy } from '../../core/ecg/npy';
import { sharedDataDir } from '../../test-support/data';
import { createAppStore } from '../store/appStore';
import { openCase } from './openCase';
import { openLocalFiles } from './openLocalFiles';
import { ACCEPTED_EXTENSIONS } from './readLocalFiles';
import { fakeFile } from './testing/localFiles';

/** 10 s of a crude 12-lead ECG at `fs`: a 1 mV spike per second, scaled per lead. */
function spikyNpy(fs: number): Uint8Array {
  const n = 10 * fs;
  const v: number[] = [];
  for (let t = 0; t < n; t++) {
    const phase = (t % fs) / fs;
    const qrs = Math.exp(-(((phase - 0.3) / 0.012) ** 2));
    const tw = 0.25 * Math.exp(-(((phase - 0.6) / 0.05) ** 2));
    for (let l = 0; l < 12; l++) v.push((qrs + tw) * (0.5 + l / 12));
  }
  return makeNpy(v, [n, 12]);
}

describe('openLocalFiles: the new formats', () => {
  it('the picker offers them', () => {
    for (const ext of ['.npy', '.dcm', '.scp', '.xml']) expect(ACCEPTED_EXTENSIONS).toContain(ext);
  });

  it('a .npy opens at the rate the user gave (default 500 Hz), as mV unless marked z-scored', async () => {
    const store = createAppStore();
    await openLocalFiles(store, [fakeFile('a.npy', spikyNpy(500))], { openCase });
    expect(store.getState().caseStatus).toBe('ready');
    expect(store.getState().prepared?.record).toMatchObject({ format: 'npy', fsHz: 500 });
    expect(store.getState().prepared?.record.preprocessed).toBeUndefined();

    store.getState().setNpyOptions({ fsHz: 250, zscored: true });
    await openLocalFiles(store, [fakeFile('b.npy', spikyNpy(250))], { openCase });
    expect(store.getState().caseStatus).toBe('ready');
    expect(store.getState().prepared?.record).toMatchObject({
      format: 'npy',
      fsHz: 250,
      preprocessed: 'bandpassed-zscored',
    });
  });

  it('a malformed .npy is a named error in the store', async () => {
    const store = createAppStore();
    await openLocalFiles(store, [fakeFile('c.npy', spikyNpy(500).slice(0, 900))], { openCase });
    expect(store.getState().fileError).toMatchObject({ code: 'truncated-data', file: 'c.npy' });
    expect(store.getState().prepared).toBeNull(); // nothing was open, and nothing half-opened
  });

  const root = sharedDataDir("opening the clinical-format samples through the app's file path");
  it.skipIf(!root)("a DICOM file (its parser loaded on demand) opens with the device's report kept apart", async () => {
    const store = createAppStore();
    const bytes = new Uint8Array(readFileSync(join(root!, 'formats/dicom/waveform_ecg.dcm')));
    await openLocalFiles(store, [fakeFile('waveform_ecg.dcm', bytes)], { openCase });
    const s = store.getState();
    expect(s.caseStatus).toBe('ready');
    expect(s.prepared?.record.format).toBe('dicom');
    expect(s.prepared?.record.device?.statements).toEqual(['RITMO SINUSALE', 'ECG NORMALE']);
  });
});
