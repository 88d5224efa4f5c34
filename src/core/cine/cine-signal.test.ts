import { describe, expect, it } from 'vitest';
import { WINDOW_SAMPLES } from '../constants';
import { loadRecord } from '../ecg/load';
import { prepareEcg } from '../ecg/prepare';
import { fixtureFiles } from '../../test-support/data';
import {
  CINE_SIGNAL_SCALE_MM,
  TWIN_MODEL_WALK,
  cineSignal,
  cineWindow,
  windowLeads,
  windowStartSample,
} from './cine-signal';
import { pointAt, sub } from './frame';
import { vcgLps } from './vcg';

const prepared = (...files: string[]) => prepareEcg(loadRecord(fixtureFiles(...files)));
const lafb = prepared('ptbxl/00285_hr.hea', 'ptbxl/00285_hr.dat'); // PTB-XL 285: LAFB, left axis deviation
const norm = prepared('ptbxl/00001_lr.hea', 'ptbxl/00001_lr.dat'); // PTB-XL 1: NORM (100 Hz, resampled)
const at = (points: Float64Array, ms: number) => pointAt(points, ms / 2);

describe('CineECG of the model window', () => {
  it('covers exactly the 400 ms window the classifier sees, one point per sample, starting at the ventricles’ centre', () => {
    const c = cineWindow(lafb);
    expect(c.frame).toBe('LPS-mm');
    expect(c.windowStartMs).toBe(lafb.windowStartMs);
    expect(windowStartSample(lafb)).toBe(lafb.windowStartMs / 2);
    expect(c.trajectory.nSamples).toBe(WINDOW_SAMPLES);
    expect(c.trajectory.points).toHaveLength(3 * WINDOW_SAMPLES);
    expect(c.vcg).toHaveLength(3 * WINDOW_SAMPLES);
    expect(pointAt(c.trajectory.points, 0)).toEqual([0, 0, 0]);
    expect(Array.from(c.trajectory.points).every(Number.isFinite)).toBe(true);
  });

  it('measures every lead from its isoelectric level just before QRS onset', () => {
    const leads = windowLeads(lafb);
    const s = windowStartSample(lafb);
    for (let l = 0; l < 12; l++) {
      const base = [1, 2, 3, 4, 5].reduce((acc, k) => acc + lafb.filteredMv[l][s - k], 0) / 5;
      expect(leads[l][7]).toBeCloseTo(lafb.filteredMv[l][s + 7] - base, 5);
    }
    expect(Array.from(cineWindow(lafb).vcg)).toEqual(Array.from(vcgLps(leads)));
  });

  it('exports the [200 × 3] twin-model signal as trajectory mm / 50, float32, time-major, on the walk the model was trained on', () => {
    const sig = cineSignal(lafb);
    expect(TWIN_MODEL_WALK).toBe('v1');
    const { points } = cineWindow(lafb, { walk: TWIN_MODEL_WALK }).trajectory;
    // The display's default walk (v2) differs: the model must not silently follow it.
    expect(Array.from(sig)).not.toEqual(
      Array.from(cineWindow(lafb).trajectory.points, (v) => Math.fround(v / CINE_SIGNAL_SCALE_MM)),
    );
    expect(sig).toBeInstanceOf(Float32Array);
    expect(sig).toHaveLength(WINDOW_SAMPLES * 3);
    expect(sig[3 * 120 + 2]).toBeCloseTo(points[3 * 120 + 2] / CINE_SIGNAL_SCALE_MM, 6);
  });

  it('moves the LAFB fixture superiorly in mid and mid/late QRS, the normal one inferiorly (left axis deviation)', () => {
    const mid = (p: Float64Array) => sub(at(p, 60), at(p, 20));
    const midLate = (p: Float64Array) => sub(at(p, 100), at(p, 30));
    for (const walk of ['v1', 'v2'] as const) {
      const a = cineWindow(lafb, { walk }).trajectory.points,
        b = cineWindow(norm, { walk }).trajectory.points;
      expect(mid(a)[0], walk).toBeGreaterThan(0); // leftward and superior: the left-superior quadrant
      expect(mid(a)[2], walk).toBeGreaterThan(0);
      expect(midLate(a)[2], walk).toBeGreaterThan(5);
      expect(mid(b)[2], walk).toBeLessThan(0);
      // v1 walks on inferiorly; v2 reaches the lateral wall at ~50 ms and slides along it (no longer inferiorly,
      // but still far from LAFB's superior sweep).
      expect(midLate(b)[2], walk).toBeLessThan(walk === 'v1' ? 0 : 2);
    }
  });

  it('reports the QRS end it walks by (waves.ts), and the v2 walk stays near the centre-to-wall scale', () => {
    const c = cineWindow(lafb);
    expect(c.qrsOffsetMs).toBeGreaterThanOrEqual(60);
    expect(c.qrsOffsetMs).toBeLessThanOrEqual(180);
    const reach = Math.max(
      ...Array.from({ length: WINDOW_SAMPLES }, (_, t) => Math.hypot(...pointAt(c.trajectory.points, t))),
    );
    expect(reach).toBeGreaterThan(30);
    expect(reach).toBeLessThan(75); // the heart's surface lies 30–70 mm from its centre
  });
});
