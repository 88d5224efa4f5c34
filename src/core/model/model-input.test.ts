import { describe, expect, it } from 'vitest';
import { cineSignal } from '../cine/cine-signal';
import { loadRecord } from '../ecg/load';
import { prepareEcg } from '../ecg/prepare';
import { fixtureFiles } from '../../test-support/data';
import { modelInputFor, modelInputOf } from './model-input';

describe('modelInputOf', () => {
  const prepared = prepareEcg(loadRecord(fixtureFiles('ptbxl/00285_hr.hea', 'ptbxl/00285_hr.dat')));
  it('gives the 12-lead window to a 12-channel model and the CineECG signal of the same window to a 3-channel one', () => {
    expect(modelInputOf(prepared, 12)).toBe(prepared.window);
    const cine = modelInputOf(prepared, 3);
    expect(cine.length).toBe(prepared.windowSamples * 3);
    expect(Array.from(cine)).toEqual(Array.from(cineSignal(prepared)));
  });
  it('by registry input kind: 12-lead → the window, cinecg → the CineECG signal of the same window', () => {
    expect(modelInputFor(prepared, '12-lead')).toBe(prepared.window);
    expect(Array.from(modelInputFor(prepared, 'cinecg'))).toEqual(Array.from(cineSignal(prepared)));
  });
  it('refuses other channel counts by name', () => {
    expect(() => modelInputOf(prepared, 8)).toThrow(/8 channels/);
  });
});
