import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../src/core/random';
import { earlyStopSplit } from '../train';
import { augmentWindow } from './augment';

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
    const s = [...Array(11)].map((_, j) => j - 5).find((sh) => [10, 50, 100].every((t) => out[t * C] === w[(t + sh) * C]))!;
    expect(Math.abs(s)).toBeGreaterThan(0);
    expect(Math.abs(s)).toBeLessThanOrEqual(5);
    const edge = s > 0 ? T - 1 : 0;
    expect(out[edge * C]).toBe(w[(s > 0 ? T - 1 : 0) * C]);
  });
  it('amplitude scaling stays within its bounds', () => {
    const out = new Float32Array(T * C);
    augmentWindow(w, T, C, { amplitude: 0.15, wander: 0, noise: 0, shift: 0 }, mulberry32(3), out);
    for (let i = 0; i < T * C; i++) if (Math.abs(w[i]) > 0.1) expect(Math.abs(out[i] / w[i] - 1)).toBeLessThanOrEqual(0.15 + 1e-6);
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
