import { describe, expect, it } from 'vitest';
import { syntheticPreparedEcg } from '../testing/syntheticEcg';
import { trajectoryOf } from './cineTrajectory';

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
});
