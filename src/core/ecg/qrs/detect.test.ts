import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, fixtureFiles } from '../../../test-support/data';
import { syntheticEcg } from '../../../test-support/synthetic-ecg';
import { bandpassForModel } from '../dsp/bandpass';
import { loadRecord } from '../load';
import { readWfdbAnnotations } from '../wfdb/annotations';
import { extractWaves, qrsOnsetsAcrossLeads } from '../wfdb/ludb-delineation';
import { detectQrs } from './detect';

describe('detectQrs', () => {
  it('finds every synthetic beat, at an irregular rhythm, with the onset where the QRS starts', () => {
    const onsetsMs = [400, 1200, 1900, 2800, 3400, 4300, 5000, 5900, 6500, 7400, 8100, 9000];
    const leads = syntheticEcg({ onsetsMs, noiseMv: 0.01 }).map((x) => Float32Array.from(bandpassForModel(x, 500)));
    const { onsets } = detectQrs(leads, 500);
    expect(onsets).toHaveLength(onsetsMs.length);
    // The synthetic QRS's Gaussians reach 1% of their height ~3 sd before their centres: 0–5 ms after the nominal onset.
    onsets.forEach((o, k) => expect(Math.abs(o * 2 - onsetsMs[k])).toBeLessThanOrEqual(12));
  });

  it('finds nothing in a flat or noise-only signal', () => {
    expect(detectQrs(syntheticEcg({ onsetsMs: [] }), 500).onsets).toEqual([]);
  });

  it("LUDB record 1: every expert-annotated QRS found; onsets within 10 ms of the experts' consensus", () => {
    const rec = loadRecord(fixtureFiles('ludb/1.hea', 'ludb/1.dat'));
    const leads = rec.leadsMv.map((x) => Float32Array.from(bandpassForModel(x, 500)));
    const { onsets } = detectQrs(leads, 500);
    const perLead = ['i', 'ii', 'iii', 'avr', 'avl', 'avf', 'v1', 'v2', 'v3', 'v4', 'v5', 'v6'].map((ext) =>
      extractWaves(readWfdbAnnotations(new Uint8Array(readFileSync(join(FIXTURES, 'ludb', `1.${ext}`))), `1.${ext}`)),
    );
    const complexes = qrsOnsetsAcrossLeads(perLead);
    expect(complexes.length).toBeGreaterThan(4);
    for (const c of complexes) {
      const nearest = Math.min(...onsets.map((o) => Math.abs(o - c.medianOnsetSample!)));
      expect(nearest * 2).toBeLessThanOrEqual(10);
    }
  });
});
