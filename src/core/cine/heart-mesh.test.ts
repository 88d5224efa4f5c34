import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sharedDataDir } from '../../test-support/data';
import { mulberry32 } from '../random';
import {
  boundaryLoops,
  capHoles,
  distanceOutsideEpicardium,
  GeometryError,
  heartLandmarks,
  isInside,
  surfaceCentroid,
  toHeartFrame,
  type TriangleMesh,
  type Vec3,
} from './heart-mesh';
import { parseObj } from './obj';

const mesh = (positions: number[], indices: number[]): TriangleMesh => ({
  positions: new Float32Array(positions),
  indices: new Uint32Array(indices),
});

// Unit cube [0,1]³, triangles counter-clockwise seen from outside; the last two are the top (z = 1).
const CUBE_V = [0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 1, 0, 0, 0, 1, 1, 0, 1, 1, 1, 1, 0, 1, 1];
const CUBE_F = [
  0, 2, 1, 0, 3, 2, 0, 1, 5, 0, 5, 4, 1, 2, 6, 1, 6, 5, 2, 3, 7, 2, 7, 6, 3, 0, 4, 3, 4, 7, 4, 5, 6, 4, 6, 7,
];
const cube = mesh(CUBE_V, CUBE_F);
const openBox = mesh(CUBE_V, CUBE_F.slice(0, -6));

/** Ellipsoid (rx, ry, rz) around `c` as a UV sphere; `openTop` drops the triangles above that latitude ring. */
function ellipsoid(r: Vec3, c: Vec3 = [0, 0, 0], openTop = 0, slices = 48, stacks = 24): TriangleMesh {
  const p: number[] = [0 + c[0], c[1], r[2] + c[2]];
  for (let i = 1; i < stacks; i++) {
    const th = (Math.PI * i) / stacks;
    for (let j = 0; j < slices; j++) {
      const ph = (2 * Math.PI * j) / slices;
      p.push(
        c[0] + r[0] * Math.sin(th) * Math.cos(ph),
        c[1] + r[1] * Math.sin(th) * Math.sin(ph),
        c[2] + r[2] * Math.cos(th),
      );
    }
  }
  p.push(c[0], c[1], c[2] - r[2]);
  const ring = (i: number, j: number) => 1 + (i - 1) * slices + (j % slices);
  const f: number[] = [];
  for (let j = 0; j < slices; j++) {
    if (openTop === 0) f.push(0, ring(1, j), ring(1, j + 1));
    for (let i = 1; i < stacks - 1; i++) {
      if (i < openTop) continue;
      f.push(ring(i, j), ring(i + 1, j), ring(i + 1, j + 1), ring(i, j), ring(i + 1, j + 1), ring(i, j + 1));
    }
    f.push(ring(stacks - 1, j), p.length / 3 - 1, ring(stacks - 1, j + 1));
  }
  return mesh(p, f);
}

function signedVolume(m: TriangleMesh): number {
  let v = 0;
  for (let t = 0; t < m.indices.length; t += 3) {
    const [a, b, c] = [0, 1, 2].map((k) =>
      Array.from(m.positions.subarray(3 * m.indices[t + k], 3 * m.indices[t + k] + 3)),
    );
    v +=
      (a[0] * (b[1] * c[2] - b[2] * c[1]) - a[1] * (b[0] * c[2] - b[2] * c[0]) + a[2] * (b[0] * c[1] - b[1] * c[0])) /
      6;
  }
  return v;
}

describe('inside test and distance outside the surface', () => {
  it('cube: 0 inside, Euclidean distance outside (face, edge, corner)', () => {
    expect(boundaryLoops(cube)).toEqual([]);
    expect(surfaceCentroid(cube)).toEqual([0.5, 0.5, 0.5]);
    expect(distanceOutsideEpicardium([0.5, 0.5, 0.5], cube)).toBe(0);
    expect(distanceOutsideEpicardium([0.99, 0.01, 0.5], cube)).toBe(0);
    expect(distanceOutsideEpicardium([2, 0.5, 0.5], cube)).toBeCloseTo(1, 12);
    expect(distanceOutsideEpicardium([2, 2, 0.5], cube)).toBeCloseTo(Math.SQRT2, 12);
    expect(distanceOutsideEpicardium([-1, -1, -1], cube)).toBeCloseTo(Math.sqrt(3), 12);
  });

  it('does not depend on the triangles’ orientation', () => {
    const flipped = mesh(
      CUBE_V,
      CUBE_F.map((_, i) => CUBE_F[i - (i % 3) + 2 - (i % 3)]),
    );
    expect(signedVolume(flipped)).toBeCloseTo(-1, 12);
    expect(isInside([0.5, 0.5, 0.5], flipped)).toBe(true);
    expect(isInside([1.5, 0.5, 0.5], flipped)).toBe(false);
  });

  it('sphere: random points inside give 0, outside give r − R within the tessellation error', () => {
    const R = 50;
    const sphere = ellipsoid([R, R, R]);
    const random = mulberry32(7);
    for (let k = 0; k < 40; k++) {
      const dir = [random() - 0.5, random() - 0.5, random() - 0.5];
      const n = Math.hypot(...dir);
      const r = k % 2 ? 55 + 150 * random() : 48 * random();
      const p = dir.map((x) => (x / n) * r) as unknown as Vec3;
      const d = distanceOutsideEpicardium(p, sphere);
      if (r < R) expect(d, `r = ${r}`).toBe(0);
      else expect(Math.abs(d - (r - R)), `r = ${r}`).toBeLessThan(0.5); // sagitta R(1 − cos(π/48)) ≈ 0.1 mm
    }
  });

  it('an open surface is capped first: the hole’s plane counts as surface', () => {
    const loops = boundaryLoops(openBox);
    expect(loops).toHaveLength(1);
    expect(new Set(loops[0])).toEqual(new Set([4, 5, 6, 7]));
    const closed = capHoles(openBox);
    expect(boundaryLoops(closed)).toEqual([]);
    expect(signedVolume(closed)).toBeCloseTo(1, 6); // the cap has the same orientation as the walls
    expect(distanceOutsideEpicardium([0.5, 0.5, 0.9], openBox)).toBe(0);
    expect(distanceOutsideEpicardium([0.5, 0.5, 1.5], openBox)).toBeCloseTo(0.5, 6);
  });
});

describe('landmarks and the heart frame', () => {
  // A bullet-shaped "epicardium" opened at the top, with its long axis along −z; cavities left and right-anterior.
  const epicardium = ellipsoid([30, 30, 60], [5, 5, 5], 4);
  const lv = ellipsoid([10, 10, 30], [15, 5, 5]);
  const rv = ellipsoid([10, 10, 30], [-5, -15, 5]);

  it('finds the base on the open rim, the apex opposite, and the septum direction from LV to RV', () => {
    const l = heartLandmarks({ epicardium, lv, rv });
    expect(l.valveRims).toBe(1);
    expect(l.baseCentre[0]).toBeCloseTo(5, 4);
    expect(l.baseCentre[2]).toBeGreaterThan(45);
    expect(l.apex).toEqual([5, 5, -55]);
    expect(l.longAxisAnglesDeg.inferior).toBeCloseTo(0, 3);
    expect(l.longAxisAnglesDeg.left).toBeCloseTo(90, 3);
    expect(l.septumDirection[0]).toBeCloseTo(-Math.SQRT1_2, 3);
    expect(l.septumDirection[1]).toBeCloseTo(-Math.SQRT1_2, 3);
  });

  it('moves the epicardial surface centroid to the origin, translation only', () => {
    const { meshes, translationMm } = toHeartFrame({ epicardium, lv, rv });
    surfaceCentroid(meshes.epicardium).forEach((x) => expect(Math.abs(x)).toBeLessThan(1e-4));
    expect(meshes.lv.positions[0] - lv.positions[0]).toBeCloseTo(translationMm[0], 4);
    expect(meshes.lv.indices).toBe(lv.indices);
  });

  it('needs an open rim to place the base', () => {
    expect(() => heartLandmarks({ epicardium: cube, lv: cube, rv: cube })).toThrow(GeometryError);
  });
});

const data = sharedDataDir('heart orientation checks on the biv-me OBJs');

describe.skipIf(!data)('the biv-me heart (../shared/data/heart)', () => {
  // Read in beforeAll, not at collection: a skipped describe still runs its body to collect its tests.
  let meshes: ReturnType<typeof toHeartFrame>['meshes'];
  let l: ReturnType<typeof heartLandmarks>;
  beforeAll(() => {
    const read = (n: string) => parseObj(readFileSync(join(data!, 'heart', `patient1_${n}_000.obj`), 'utf8'), n);
    meshes = toHeartFrame({
      epicardium: read('EPICARDIAL'),
      lv: read('LV_ENDOCARDIAL'),
      rv: read('RV_ENDOCARDIAL'),
    }).meshes;
    l = heartLandmarks(meshes);
  });

  it('is in DICOM patient LPS: long axis left, anterior, inferior; RV right and anterior of the LV', () => {
    expect(l.valveRims).toBe(4); // mitral, tricuspid, aortic, pulmonary
    for (const angle of Object.values(l.longAxisAnglesDeg)) {
      expect(angle).toBeGreaterThan(30);
      expect(angle).toBeLessThan(75);
    }
    expect(l.rvCentroid[0]).toBeLessThan(l.lvCentroid[0] - 20);
    expect(l.rvCentroid[1]).toBeLessThan(l.lvCentroid[1] - 10);
    expect(l.longAxisLengthMm).toBeGreaterThan(80);
    expect(l.longAxisLengthMm).toBeLessThan(130);
  });

  it('holds both cavities inside the capped epicardium', () => {
    expect(boundaryLoops(capHoles(meshes.epicardium))).toEqual([]);
    expect(distanceOutsideEpicardium(l.lvCentroid, meshes.epicardium)).toBe(0);
    expect(distanceOutsideEpicardium(l.rvCentroid, meshes.epicardium)).toBe(0);
    expect(distanceOutsideEpicardium([0, 0, 0], meshes.epicardium)).toBe(0);
    const far = distanceOutsideEpicardium([300, 0, 0], meshes.epicardium);
    expect(far).toBeGreaterThanOrEqual(300 - l.bounds.max[0] - 1e-3);
    expect(far).toBeLessThan(300 - l.bounds.max[0] + 10);
    expect(
      distanceOutsideEpicardium(l.apex.map((x, i) => x + 10 * l.longAxis[i]) as unknown as Vec3, meshes.epicardium),
    ).toBeGreaterThan(5);
  });
});
