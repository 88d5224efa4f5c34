import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../random';
import { electrodeArray, ELECTRODES, standardElectrodes } from './electrodes';
import { norm, pointAt, scale, sub, type Vec3 } from './frame';
import { decodeHeartAsset } from './heart-asset';
import { distanceOutsideEpicardium, distanceToSurface, capHoles } from './heart-mesh';
import { mtsiTrajectory } from './mtsi';
import { MTSI_V2_DEFAULTS, mtsiTrajectoryV2 } from './mtsi-v2';

const T = 60;
const QRS_END = 25;
const electrodes = electrodeArray();
const E = standardElectrodes();
/** Nine potentials, all zero except electrode `name`, given per sample. */
function only(name: (typeof ELECTRODES)[number], mv: (t: number) => number, n = T): Float64Array[] {
  return ELECTRODES.map((e) => Float64Array.from({ length: n }, (_, t) => (e === name ? mv(t) : 0)));
}
const unit = (v: Vec3) => scale(v, 1 / norm(v));
const steps = (points: Float64Array) =>
  Array.from({ length: points.length / 3 - 1 }, (_, t) => norm(sub(pointAt(points, t + 1), pointAt(points, t))));
const free = { fsHz: 500, electrodes, qrsEndSample: QRS_END, confinement: null };

describe('mTSI walk v2 without confinement (known inputs)', () => {
  it('is the default walk of mtsiTrajectory', () => {
    const p = only('V6', () => 1);
    expect(Array.from(mtsiTrajectory(p, { qrsEndSample: QRS_END }).points)).toEqual(
      Array.from(mtsiTrajectoryV2(p, { fsHz: 500, electrodes, qrsEndSample: QRS_END }).points),
    );
  });

  it('moves a constant dipole in a straight line at the QRS speed, then at the ST-T speed', () => {
    const n = 40,
      qrsEnd = 10; // 90 mm in all: short of the electrode (|V6| > 100 mm), where the pull would turn
    const tr = mtsiTrajectoryV2(
      only('V6', () => 0.8, n),
      { ...free, qrsEndSample: qrsEnd },
    );
    expect(norm(E.V6)).toBeGreaterThan(100);
    const dir = unit(E.V6);
    const s = steps(tr.points);
    const qrsStep = MTSI_V2_DEFAULTS.qrsSpeedMmPerMs * 2,
      tStep = MTSI_V2_DEFAULTS.tSpeedMmPerMs * 2; // 2 ms per sample
    for (let t = 0; t < n - 1; t++) expect(s[t]).toBeCloseTo(t + 1 < qrsEnd ? qrsStep : tStep, 9);
    const end = pointAt(tr.points, n - 1);
    const travelled = (qrsEnd - 1) * qrsStep + (n - qrsEnd) * tStep;
    for (let k = 0; k < 3; k++) expect(end[k]).toBeCloseTo(dir[k] * travelled, 6);
  });

  it('takes the speeds it is given, per millisecond whatever the sample rate', () => {
    const tr = mtsiTrajectoryV2(
      only('V2', () => -0.5),
      { ...free, fsHz: 1000, qrsSpeedMmPerMs: 1.5, tSpeedMmPerMs: 0.25 },
    );
    const s = steps(tr.points);
    expect(s[0]).toBeCloseTo(1.5, 9);
    expect(s[T - 2]).toBeCloseTo(0.25, 9);
    expect(norm(sub(unit(pointAt(tr.points, T - 1)), scale(unit(E.V2), -1)))).toBeLessThan(1e-9); // pushed away
  });

  it('steps in proportion to the heart vector’s strength relative to its phase peak', () => {
    // QRS: 2 mV, then 0.5 mV (a quarter step). ST-T: 0.6 mV peak, 0.3 mV (half a step).
    const mv = (t: number) => (t < 10 ? 2 : t < QRS_END ? 0.5 : t < 40 ? 0.6 : 0.3);
    const s = steps(mtsiTrajectoryV2(only('V4', mv), free).points);
    expect(s[5]).toBeCloseTo(6, 9);
    expect(s[15]).toBeCloseTo(1.5, 9);
    expect(s[30]).toBeCloseTo(1.2, 9);
    expect(s[50]).toBeCloseTo(0.6, 9);
  });

  it('does not blow a flat T wave up to full speed: its normaliser is at least a quarter of the QRS peak', () => {
    const mv = (t: number) => (t < QRS_END ? 2 : 0.1);
    const s = steps(mtsiTrajectoryV2(only('V5', mv), free).points);
    expect(s[40]).toBeCloseTo(1.2 * (0.1 / (0.25 * 2)), 9);
  });

  it('leaves a zero or sub-floor signal at the start (no NaN), and starts where it is told', () => {
    expect(
      Array.from(
        mtsiTrajectoryV2(
          only('V1', () => 0),
          free,
        ).points,
      ).every((v) => v === 0),
    ).toBe(true);
    expect(
      Array.from(
        mtsiTrajectoryV2(
          only('V1', () => 0.01),
          free,
        ).points,
      ).every((v) => v === 0),
    ).toBe(true);
    expect(
      pointAt(
        mtsiTrajectoryV2(
          only('V1', () => 1),
          { ...free, start: [5, -3, 2] },
        ).points,
        0,
      ),
    ).toEqual([5, -3, 2]);
  });

  it('does not freeze where version 1 did: a signal at 3 % of the peak still moves the point', () => {
    const mv = (t: number) => (t < 5 ? 1 : 0.03);
    const s = steps(mtsiTrajectoryV2(only('V6', mv), { ...free, qrsEndSample: T }).points);
    expect(s[20]).toBeCloseTo(6 * 0.03, 9);
    const old = mtsiTrajectory(only('V6', mv), { walk: 'v1' });
    expect(norm(sub(pointAt(old.points, 21), pointAt(old.points, 20)))).toBe(0);
  });
});

describe('mTSI walk v2 confined to the heart (the default)', () => {
  const heart = decodeHeartAsset(readFileSync(resolve(import.meta.dirname, '../../../public/heart/heart.bin')));
  const closed = capHoles(heart.epicardium);

  it('never leaves the exact epicardium, whatever the (random, strong, long) signal', () => {
    const r = mulberry32(2026);
    for (let trial = 0; trial < 12; trial++) {
      const n = 200;
      const potentials = ELECTRODES.map(() => {
        const f = 0.5 + 3 * r(),
          ph = 6 * r(),
          a = 2 * r() - 1;
        return Float64Array.from({ length: n }, (_, t) => a * Math.sin((f * t) / 30 + ph));
      });
      const tr = mtsiTrajectoryV2(potentials, {
        fsHz: 500,
        electrodes,
        qrsEndSample: 50,
        qrsSpeedMmPerMs: 5,
        tSpeedMmPerMs: 3,
      });
      for (let t = 0; t < n; t += 3)
        expect(distanceOutsideEpicardium(pointAt(tr.points, t), heart.epicardium), `trial ${trial} t ${t}`).toBe(0);
    }
  });

  it('stops at the wall when pushed straight out, and slides along it when pushed at a slant', () => {
    const out = mtsiTrajectoryV2(
      only('V6', () => 1, 120),
      { fsHz: 500, electrodes, qrsEndSample: 120 },
    );
    const last = pointAt(out.points, 119);
    expect(distanceOutsideEpicardium(last, heart.epicardium)).toBe(0);
    expect(distanceToSurface(last, closed)).toBeLessThan(MTSI_V2_DEFAULTS.marginMm + 1.5);
    expect(norm(sub(pointAt(out.points, 119), pointAt(out.points, 110)))).toBeLessThan(1); // pinned: no further to go
    // V5 and LA together pull at a slant to the lateral wall: after first contact the point keeps moving along it
    // (> 5 mm, against ~0 for the straight push) at the margin's distance from the surface.
    const slant = ELECTRODES.map((e) => new Float64Array(120).fill(e === 'V5' ? 1 : e === 'LA' ? 0.8 : 0));
    const s = mtsiTrajectoryV2(slant, { fsHz: 500, electrodes, qrsEndSample: 120 });
    const contact = Array.from({ length: 120 }, (_, t) => t).find(
      (t) => distanceToSurface(pointAt(s.points, t), closed) < MTSI_V2_DEFAULTS.marginMm + 0.5,
    )!;
    expect(contact).toBeGreaterThan(0);
    expect(contact).toBeLessThan(60);
    expect(
      steps(s.points)
        .slice(contact)
        .reduce((a, b) => a + b, 0),
    ).toBeGreaterThan(5);
    for (let t = contact; t < 120; t += 4) {
      expect(distanceOutsideEpicardium(pointAt(s.points, t), heart.epicardium)).toBe(0);
      expect(distanceToSurface(pointAt(s.points, t), closed)).toBeGreaterThan(1);
    }
  });
});
