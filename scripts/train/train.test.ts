import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../src/core/random';
import { sampleTrial } from '../search';
import { earlyStopSplit } from '../train';
import { augmentAny, augmentTrajectory, augmentWindow, DEFAULT_AUGMENT } from './augment';

describe('augmentWindow', () => {
  const T = 200;
  const C = 12;
  const w = Float32Array.from({ length: T * C }, (_, i) => Math.sin(i / 13));
  it('is the identity with every option at zero', () => {
    const out = new Float32Array(T * C);
    augmentWindow(w, T, C, { amplitude: 0, wander: 0, noise: 0, shift: 0 }, mulberry32(1), out);
    expect(out).toEqual(w);
  });
  it('shifts with edge replication', () => {
    const out = new Float32Array(T * C);
    let k = 0;
    for (; k < 100; k++) {
      augmentWindow(w, T, C, { amplitude: 0, wander: 0, noise: 0, shift: 5 }, mulberry32(k), out);
      if (out[0] !== w[0]) break;
    }
    // find the shift s with out[t] = w[t + s] in lead 0
    const s = [...Array(11)]
      .map((_, j) => j - 5)
      .find((sh) => [10, 50, 100].every((t) => out[t * C] === w[(t + sh) * C]))!;
    expect(Math.abs(s)).toBeGreaterThan(0);
    expect(Math.abs(s)).toBeLessThanOrEqual(5);
    const edge = s > 0 ? T - 1 : 0;
    expect(out[edge * C]).toBe(w[(s > 0 ? T - 1 : 0) * C]);
  });
  it('amplitude scaling stays within its bounds', () => {
    const out = new Float32Array(T * C);
    augmentWindow(w, T, C, { amplitude: 0.15, wander: 0, noise: 0, shift: 0 }, mulberry32(3), out);
    for (let i = 0; i < T * C; i++)
      if (Math.abs(w[i]) > 0.1) expect(Math.abs(out[i] / w[i] - 1)).toBeLessThanOrEqual(0.15 + 1e-6);
  });
});

describe('earlyStopSplit', () => {
  const train = Array.from({ length: 200 }, (_, i) => ({ id: `r${i}`, label: i % 3 === 0 ? 'normal' : 'abnormal' }));
  it('holds out 15% of each class, disjoint, the same for the same seed', () => {
    const a = earlyStopSplit(train, 1);
    const b = earlyStopSplit(train, 1);
    expect(a.stop.map((e) => e.id)).toEqual(b.stop.map((e) => e.id));
    expect(a.stop.length + a.fit.length).toBe(200);
    expect(new Set([...a.stop, ...a.fit].map((e) => e.id)).size).toBe(200);
    expect(a.stop.filter((e) => e.label === 'normal').length).toBe(Math.round(67 * 0.15));
    expect(earlyStopSplit(train, 2).stop.map((e) => e.id)).not.toEqual(a.stop.map((e) => e.id));
  });
});

describe('augmentTrajectory', () => {
  const T = 200;
  // A walk from the origin: 1 mm steps (0.02 units) along a slowly turning direction.
  const w = new Float32Array(T * 3);
  for (let t = 1; t < T; t++) {
    const a = t / 40;
    w[3 * t] = w[3 * (t - 1)] + 0.02 * Math.cos(a);
    w[3 * t + 1] = w[3 * (t - 1) + 1] + 0.02 * Math.sin(a);
    w[3 * t + 2] = w[3 * (t - 1) + 2] + 0.01;
  }
  const radius = (a: Float32Array, t: number) => Math.hypot(a[3 * t], a[3 * t + 1], a[3 * t + 2]);
  const base = { kind: 'trajectory' as const, rotationDeg: 0, scale: 0, shift: 0, noise: 0 };

  it('is the identity with every option at zero', () => {
    const out = new Float32Array(T * 3);
    augmentTrajectory(w, T, 3, base, mulberry32(1), out);
    for (let i = 0; i < w.length; i++) expect(out[i]).toBeCloseTo(w[i], 6);
  });
  it('rotates about the start point: distances from it are kept, directions change by at most the angle', () => {
    const out = new Float32Array(T * 3);
    augmentTrajectory(w, T, 3, { ...base, rotationDeg: 20 }, mulberry32(5), out);
    for (const t of [0, 50, 199]) expect(radius(out, t)).toBeCloseTo(radius(w, t), 5);
    const t = 199;
    const cos =
      (out[3 * t] * w[3 * t] + out[3 * t + 1] * w[3 * t + 1] + out[3 * t + 2] * w[3 * t + 2]) /
      (radius(out, t) * radius(w, t));
    expect(Math.acos(Math.min(1, cos)) * (180 / Math.PI)).toBeLessThanOrEqual(20 + 1e-3);
    expect(out[3 * t]).not.toBeCloseTo(w[3 * t], 4);
  });
  it('scales all axes alike within its bounds', () => {
    const out = new Float32Array(T * 3);
    augmentTrajectory(w, T, 3, { ...base, scale: 0.1 }, mulberry32(2), out);
    const f = radius(out, 150) / radius(w, 150);
    expect(Math.abs(f - 1)).toBeLessThanOrEqual(0.1 + 1e-6);
    for (const t of [30, 100, 199]) expect(radius(out, t) / radius(w, t)).toBeCloseTo(f, 5);
  });
  it('shifts with the walk re-anchored at the start point', () => {
    const out = new Float32Array(T * 3);
    for (let k = 0; k < 20; k++) {
      augmentTrajectory(w, T, 3, { ...base, shift: 5 }, mulberry32(k), out);
      expect(radius(out, 0)).toBe(0);
    }
  });
  it('refuses windows that are not 3-channel', () => {
    expect(() =>
      augmentTrajectory(new Float32Array(T * 12), T, 12, base, mulberry32(1), new Float32Array(T * 12)),
    ).toThrow(/3 channels/);
  });
  it('augmentAny keeps the 12-lead augmentation for 12-lead options (same draws as augmentWindow)', () => {
    const x = Float32Array.from({ length: T * 12 }, (_, i) => Math.sin(i / 7));
    const [a, b] = [new Float32Array(T * 12), new Float32Array(T * 12)];
    augmentAny(x, T, 12, DEFAULT_AUGMENT, mulberry32(9), a);
    augmentWindow(x, T, 12, DEFAULT_AUGMENT, mulberry32(9), b);
    expect(a).toEqual(b);
  });
});

describe('sampleTrial', () => {
  it('cine3 trials share the ecg12 trials’ structure and add only the channels and the trajectory augmentation', () => {
    for (let k = 0; k < 6; k++) {
      const e = sampleTrial(k, 7);
      const c = sampleTrial(k, 7, 'cine3');
      expect({ ...c.model, channels: 12 }).toEqual(e.model);
      expect(c.model.channels).toBe(3);
      expect(c.learningRate).toBe(e.learningRate);
      expect(e.augment).toEqual(DEFAULT_AUGMENT);
      expect(c.augment).toMatchObject({ kind: 'trajectory' });
    }
  });
});
