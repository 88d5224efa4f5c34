import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../random';
import { epicardiumSdf, insideSurface, outwardNormal, signedDistance, type SignedDistanceGrid } from './confinement';
import { decodeHeartAsset } from './heart-asset';
import { capHoles, distanceOutsideEpicardium, distanceToSurface, isInside } from './heart-mesh';
import type { Vec3 } from './frame';

/** The heart the app draws (public/heart, the same biv-me mesh the SDF was sampled from): the exact reference. */
const heart = decodeHeartAsset(readFileSync(resolve(import.meta.dirname, '../../../public/heart/heart.bin')));
const closed = capHoles(heart.epicardium);
const exactSigned = (p: Vec3) => distanceToSurface(p, closed) * (isInside(p, closed) ? -1 : 1);
const randomPoints = (n: number, seed: number, half = 80): Vec3[] => {
  const r = mulberry32(seed);
  return Array.from({ length: n }, () => [(r() * 2 - 1) * half, (r() * 2 - 1) * half, (r() * 2 - 1) * half] as Vec3);
};

describe('trilinear signed distance on a known field', () => {
  // The exact SDF of a sphere of radius 10 about the origin, on a 1 mm grid: trilinear reads it back closely.
  const n = 31;
  const values = new Float32Array(n ** 3);
  for (let z = 0; z < n; z++)
    for (let y = 0; y < n; y++)
      for (let x = 0; x < n; x++) values[x + n * (y + n * z)] = Math.hypot(x - 15, y - 15, z - 15) - 10;
  const sphere: SignedDistanceGrid = { originMm: [-15, -15, -15], spacingMm: 1, dims: [n, n, n], values };

  it('is exact on grid points, close between them, and grows with the distance outside the box', () => {
    expect(signedDistance(sphere, [0, 0, 0])).toBeCloseTo(-10, 6);
    expect(signedDistance(sphere, [10, 0, 0])).toBeCloseTo(0, 6);
    expect(signedDistance(sphere, [3.3, -4.6, 6.1])).toBeCloseTo(Math.hypot(3.3, 4.6, 6.1) - 10, 1);
    expect(signedDistance(sphere, [25, 0, 0])).toBeCloseTo(5 + 10, 6); // 10 mm beyond the box's face at x = 15
  });

  it('points its normal outward, and its confinement puts a point outside back to the margin, along the normal', () => {
    const nrm = outwardNormal(sphere, [0, 6, 0]);
    expect(nrm[1]).toBeCloseTo(1, 2);
    const confine = insideSurface(sphere, 2);
    const q = confine([0, 0, 13]);
    expect(q[0]).toBeCloseTo(0, 2);
    expect(q[1]).toBeCloseTo(0, 2);
    expect(q[2]).toBeCloseTo(8, 1);
    expect(confine([1, 2, 3])).toEqual([1, 2, 3]); // deeper than the margin: untouched
  });
});

describe('the epicardium SDF (epicardium-sdf.data.ts) against the exact mesh', () => {
  const grid = epicardiumSdf();

  it('agrees with the exact signed distance within 1.5 mm within 15 mm of the surface', () => {
    const errors = randomPoints(400, 7)
      .map((p) => [exactSigned(p), signedDistance(grid, p)])
      .filter(([e]) => Math.abs(e) < 15)
      .map(([e, s]) => Math.abs(e - s));
    expect(errors.length).toBeGreaterThan(50);
    expect(Math.max(...errors)).toBeLessThan(1.5);
  });

  it('confinement with a 2 mm margin never leaves the exact epicardium, from points anywhere around the heart', () => {
    const confine = insideSurface(grid, 2);
    for (const p of randomPoints(300, 11, 120)) {
      const q = confine(p);
      expect(distanceOutsideEpicardium(q, heart.epicardium), `from (${p.map((v) => v.toFixed(0))})`).toBe(0);
    }
  });
});
