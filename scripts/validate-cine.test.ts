import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { QRS_REGION_MS } from '../src/core/constants';
import { FIXTURES, sharedDataDir } from '../src/test-support/data';
import {
  lafbStats,
  listCohortRecords,
  loadEpicardium,
  maxOutside,
  rbbbStats,
  trajectoryFeatures,
  vcgAgainstFrank,
  type Cohort,
  type TrajectoryFeatures,
} from './validate-cine';

describe('Kors VCG against the recorded Frank leads (PTB s0010_re excerpt in the fixtures)', () => {
  it('correlates ≥ 0.8 on every axis over the QRS complexes, with no sign flip (PTB vx, vy, vz are Frank x, y, z)', () => {
    const v = vcgAgainstFrank(join(FIXTURES, 'ptbdb/s0010_re.hea'));
    expect(v.beats).toBeGreaterThanOrEqual(2);
    for (const r of v.r.kors) expect(r).toBeGreaterThanOrEqual(0.8);
    expect(v.r['inverse-dower'][0]).toBeGreaterThanOrEqual(0.8);
    expect(v.r['inverse-dower'][1]).toBeGreaterThanOrEqual(0.8);
  });
});

const root = sharedDataDir(
  'CineECG validation on the shared datasets (Kors on the full PTB record, LAFB/RBBB/NORM cohorts, heart mesh)',
);

describe.skipIf(!root)('CineECG validation on ../shared/data', () => {
  it('Kors VCG vs Frank leads over all 52 beats of s0010_re: r ≥ 0.85 per axis', () => {
    const v = vcgAgainstFrank(join(root!, 'ptbdb/s0010_re.hea'));
    expect(v.beats).toBeGreaterThan(40);
    for (const r of v.r.kors) expect(r).toBeGreaterThanOrEqual(0.85);
  });

  const feats: Record<Cohort, TrajectoryFeatures[]> = { LAFB: [], NORM: [], RBBB: [] };
  const load = () => {
    if (feats.NORM.length) return feats;
    for (const r of listCohortRecords(root!)) {
      const f = trajectoryFeatures(r);
      for (const c of r.cohorts) feats[c].push(f);
    }
    return feats;
  };

  it('LAFB trajectories move superiorly in mid/late QRS, and into the left-superior quadrant in mid QRS, unlike NORM', () => {
    const { LAFB, NORM } = load();
    expect(LAFB.length).toBeGreaterThanOrEqual(30);
    expect(NORM.length).toBeGreaterThanOrEqual(200);
    const s = lafbStats(LAFB, NORM);
    expect(s.midLate.aucSuperior).toBeGreaterThanOrEqual(0.85);
    expect(s.mid.aucSuperior).toBeGreaterThanOrEqual(0.8);
    expect(s.mid.leftSuperiorLafb - s.mid.leftSuperiorNorm).toBeGreaterThanOrEqual(0.2);
    // Not "more leftward than NORM": late LAFB forces turn right-superior, in the Kors VCG as in the mTSI.
    expect(s.midLate.aucLeftward).toBeLessThan(0.5);
    expect(s.midLate.vcgAucLeftward).toBeLessThan(0.5);
  });

  it('RBBB trajectories end the QRS region anterior-rightward of the ventricles’ centre, NORM ones do not', () => {
    const { RBBB, NORM } = load();
    expect(RBBB.length).toBeGreaterThanOrEqual(10);
    const s = rbbbStats(RBBB, NORM);
    expect(s.qrsEndRightAnteriorRbbb).toBeGreaterThanOrEqual(0.7);
    expect(s.qrsEndRightAnteriorNorm).toBeLessThanOrEqual(0.1);
    expect(s.aucTerminalRightAnterior).toBeGreaterThanOrEqual(0.75);
  });

  it('the QRS part spans the ventricles: median span ≥ 55 mm and extent ≥ 50 mm (walk v1: ~20 and ~17 mm)', () => {
    const all = [...new Set(Object.values(load()).flat())];
    const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
    expect(med(all.map((f) => f.qrsSpanMm))).toBeGreaterThanOrEqual(55);
    expect(med(all.map((f) => f.qrsExtentMm))).toBeGreaterThanOrEqual(50);
    expect(Math.max(...all.map((f) => f.qrsSpanMm))).toBeLessThan(130); // bounded by the heart (~130 mm across)
  });

  it(`no trajectory leaves the epicardium of the heart mesh, over the whole 400 ms (exact test)`, () => {
    const epicardium = loadEpicardium(root!);
    expect(epicardium).not.toBeNull();
    const all = [...new Set(Object.values(load()).flat())].filter((_, k) => k % 3 === 0); // a third: the inside test is brute force
    const outside = all.map((f) => maxOutside(f.points, epicardium!, undefined, 5));
    expect(Math.max(...outside)).toBe(0);
  });

  it('the walk v1 (before issue 11) reproduces its published figures: QRS within ~20 mm, the T part out of the heart', () => {
    const epicardium = loadEpicardium(root!)!;
    const some = listCohortRecords(root!)
      .filter((_, k) => k % 10 === 0)
      .map((r) => trajectoryFeatures(r, { walk: 'v1' }));
    const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
    expect(med(some.map((f) => f.qrsSpanMm))).toBeLessThan(30);
    const whole = some.map((f) => maxOutside(f.points, epicardium, undefined, 5));
    expect(whole.filter((d) => d > 0).length / whole.length).toBeGreaterThan(0.8);
    expect(Math.max(...some.map((f) => maxOutside(f.points, epicardium, QRS_REGION_MS / 2, 5)))).toBeLessThan(15);
  });
});
