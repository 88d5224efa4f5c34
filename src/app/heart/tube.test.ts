import { describe, expect, it } from 'vitest';
import { buildTube, tangents } from './tube';

const helix = (T: number) =>
  Float32Array.from({ length: 3 * T }, (_, j) => {
    const i = Math.floor(j / 3);
    return [20 * Math.cos(i / 10), 20 * Math.sin(i / 10), i][j % 3];
  });
const grey = (T: number) => new Float32Array(3 * T).fill(0.5);

describe('buildTube', () => {
  it('makes one ring per sample at the asked radius, normals unit and ⟂ the tangent', () => {
    const T = 40;
    const radial = 8;
    const pts = helix(T);
    const radius = Float32Array.from({ length: T }, (_, i) => (i < 20 ? 2 : 1));
    const tube = buildTube(pts, radius, grey(T), radial);
    const ts = tangents(pts);
    expect(tube.positions.length).toBe(T * radial * 3);
    expect(tube.indices.length).toBe((T - 1) * radial * 6);
    for (let i = 0; i < T; i++) {
      for (let k = 0; k < radial; k++) {
        const o = 3 * (i * radial + k);
        const d = [0, 1, 2].map((a) => tube.positions[o + a] - pts[3 * i + a]);
        const n = [0, 1, 2].map((a) => tube.normals[o + a]);
        expect(Math.hypot(...d)).toBeCloseTo(radius[i], 4);
        expect(Math.hypot(...n)).toBeCloseTo(1, 5);
        expect(Math.abs(n[0] * ts[i][0] + n[1] * ts[i][1] + n[2] * ts[i][2])).toBeLessThan(1e-5);
      }
    }
  });

  it('winds triangles so their faces point outward (front faces visible from outside)', () => {
    const T = 10;
    const pts = Float32Array.from({ length: 3 * T }, (_, j) => (j % 3 === 2 ? Math.floor(j / 3) : 0)); // straight along z
    const tube = buildTube(pts, 1, grey(T), 6);
    const p = (v: number) => [0, 1, 2].map((a) => tube.positions[3 * v + a]);
    for (let t = 0; t < tube.indices.length; t += 3) {
      const [a, b, c] = [p(tube.indices[t]), p(tube.indices[t + 1]), p(tube.indices[t + 2])];
      const e1 = [b[0] - a[0], b[1] - a[1], b[2] - a[2]];
      const e2 = [c[0] - a[0], c[1] - a[1], c[2] - a[2]];
      const n = [e1[1] * e2[2] - e1[2] * e2[1], e1[2] * e2[0] - e1[0] * e2[2], e1[0] * e2[1] - e1[1] * e2[0]];
      const centre = [(a[0] + b[0] + c[0]) / 3, (a[1] + b[1] + c[1]) / 3];
      expect(n[0] * centre[0] + n[1] * centre[1]).toBeGreaterThan(0); // radial part of the face normal points away from the axis
    }
  });

  it('copies each sample’s colour to its ring', () => {
    const T = 3;
    const colors = Float32Array.from([1, 0, 0, 0, 1, 0, 0, 0, 1]);
    const tube = buildTube(helix(T), 1, colors, 4);
    for (let i = 0; i < T; i++)
      for (let k = 0; k < 4; k++)
        expect(Array.from(tube.colors.subarray(3 * (i * 4 + k), 3 * (i * 4 + k) + 3))).toEqual(
          Array.from(colors.subarray(3 * i, 3 * i + 3)),
        );
  });

  it('stays finite where the path stands still (the mTSI guard repeats points) and for a single point', () => {
    const pts = Float32Array.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 2, 1, 0]);
    const tube = buildTube(pts, 1, grey(6), 6);
    expect(tube.positions.every(Number.isFinite)).toBe(true);
    expect(tube.normals.every(Number.isFinite)).toBe(true);
    const still = buildTube(new Float32Array(3 * 5), 1, grey(5), 6);
    expect(still.positions.every(Number.isFinite)).toBe(true);
    expect(buildTube(new Float32Array(3), 1, grey(1), 6).indices.length).toBe(0);
  });

  it('refuses colours that do not match the points', () => {
    expect(() => buildTube(helix(4), 1, grey(3))).toThrow(/colour/);
  });
});
