import { describe, expect, it } from 'vitest';
import { CINE_SIGNAL_SCALE_MM, cineSignal } from '../../src/core/cine/cine-signal';
import { loadRecord } from '../../src/core/ecg/load';
import { prepareEcg } from '../../src/core/ecg/prepare';
import { fixtureFiles } from '../../src/test-support/data';
import { cineWindowAt, peakRadiusMm, quantiles, trajectoryDistanceMm } from './cine';

describe('cine3 data set windows', () => {
  const p = prepareEcg(loadRecord(fixtureFiles('ptbxl/00285_hr.hea', 'ptbxl/00285_hr.dat')));
  const start = p.windowStartMs / 2;

  it('are exactly the signal cli predict feeds the CineECG model (cineSignal of the prepared record)', () => {
    expect(cineWindowAt(p.filteredMv, start)).toEqual(cineSignal(p));
    expect(cineWindowAt(p.filteredMv, start)).toHaveLength(200 * 3);
  });

  it('from z-scored leads are a different trajectory (why ptbxl-zscored is left out)', () => {
    const mv = cineWindowAt(p.filteredMv, start);
    const z = cineWindowAt(p.zscored, start);
    expect(trajectoryDistanceMm(mv, mv)).toEqual({ mean: 0, end: 0 });
    expect(trajectoryDistanceMm(z, mv).mean).toBeGreaterThan(1);
  });

  it('helpers: reach and quantiles', () => {
    const a = new Float32Array([0, 0, 0, 0.6, 0.8, 0]);
    expect(peakRadiusMm(a)).toBeCloseTo(CINE_SIGNAL_SCALE_MM, 4);
    expect(quantiles([3, 1, 2, 4, 5, 6, 7, 8, 9, 10])).toEqual({ n: 10, median: 6, p90: 10 });
  });
});
