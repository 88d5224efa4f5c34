import { describe, expect, it } from 'vitest';
import { loadRecord } from '../../core/ecg/load';
import { prepareEcg } from '../../core/ecg/prepare';
import { fixtureFiles } from '../../test-support/data';
import { syntheticPreparedEcg } from '../testing/syntheticEcg';
import { caseTrajectory, segmentsOf, trajectoryOf } from './cineTrajectory';
import { timeLabels } from './trajectoryStyle';

describe('trajectoryOf', () => {
  it('gives one finite point per sample of the model window, starting at the ventricles’ centre', () => {
    const prepared = syntheticPreparedEcg();
    const t = trajectoryOf(prepared);
    expect(t.fsHz).toBe(prepared.fsHz);
    expect(t.points.length).toBe(3 * prepared.windowSamples);
    expect(t.points.every(Number.isFinite)).toBe(true);
    expect(Array.from(t.points.subarray(0, 3))).toEqual([0, 0, 0]);
    expect(Math.hypot(t.points[3 * 199], t.points[3 * 199 + 1], t.points[3 * 199 + 2])).toBeGreaterThan(1); // it went somewhere
  });

  it('carries the window beat’s waves: the synthetic QRS ends before 100 ms, its T wave (centred at 300 ms) starts after', () => {
    const s = trajectoryOf(syntheticPreparedEcg()).segments!;
    expect(s.qrsEndMs).toBeGreaterThan(50);
    expect(s.qrsEndMs).toBeLessThan(100);
    expect(s.tOnsetMs!).toBeGreaterThan(s.qrsEndMs);
    expect(s.tOnsetMs!).toBeLessThan(300);
    expect(s.tEndMs!).toBeGreaterThan(300);
  });

  it('PTB-XL 00285 (the first case): labels QRS · 0, ST · 84, T · 174', () => {
    const t = trajectoryOf(prepareEcg(loadRecord(fixtureFiles('ptbxl/00285_hr.hea', 'ptbxl/00285_hr.dat'))));
    expect(t.segments).toEqual({ qrsEndMs: 84, tOnsetMs: 174, tEndMs: 342 });
    expect(
      timeLabels(t.points.length / 3, t.fsHz, t.segments)
        .filter((l) => l.segment)
        .map((l) => l.text),
    ).toEqual(['QRS · 0', 'ST · 84', 'T · 174']);
  });

  it('a failed wave estimate gives null segments (the fixed split), not an error', () => {
    const p = syntheticPreparedEcg();
    expect(segmentsOf({ ...p, filteredMv: [] })).toBeNull();
  });

  it('caseTrajectory computes once per prepared record', () => {
    const p = syntheticPreparedEcg();
    expect(caseTrajectory(p)).toBe(caseTrajectory(p));
    expect(caseTrajectory(syntheticPreparedEcg())).not.toBe(caseTrajectory(p));
  });
});
