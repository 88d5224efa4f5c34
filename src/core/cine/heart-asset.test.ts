import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedDataDir } from '../../test-support/data';
import { decodeHeartAsset, encodeHeartAsset, HEART_ASSET_QUANTUM_MM, type HeartAssetInfo } from './heart-asset';
import {
  GeometryError,
  heartLandmarks,
  surfaceCentroid,
  toHeartFrame,
  type HeartMeshes,
  type TriangleMesh,
} from './heart-mesh';
import { parseObj } from './obj';

const PUBLIC_HEART = resolve(import.meta.dirname, '../../../public/heart');
const HALF_QUANTUM = HEART_ASSET_QUANTUM_MM / 2 + 1e-5; // rounding plus float32 noise at ~100 mm

const tri = (positions: number[], indices: number[]): TriangleMesh => ({
  positions: new Float32Array(positions),
  indices: new Uint32Array(indices),
});
const small: HeartMeshes = {
  epicardium: tri([0, 0, 0, 10.123, 0, 0, 0, -20.456, 0, 0, 0, 30.789], [0, 1, 2, 0, 2, 3, 0, 3, 1, 1, 3, 2]),
  lv: tri([1, 1, 1, 2, 1, 1, 1, 2, 1], [0, 1, 2]),
  rv: tri([-1, -1, -1, -2, -1, -1, -1, -2, -1], [0, 2, 1]),
};

function maxDifference(a: Float32Array, b: Float32Array): number {
  expect(a.length).toBe(b.length);
  return a.reduce((m, x, i) => Math.max(m, Math.abs(x - b[i])), 0);
}

function expectSame(decoded: HeartMeshes, expected: HeartMeshes): void {
  for (const key of ['epicardium', 'lv', 'rv'] as const) {
    expect(maxDifference(decoded[key].positions, expected[key].positions), key).toBeLessThanOrEqual(HALF_QUANTUM);
    expect(Array.from(decoded[key].indices), key).toEqual(Array.from(expected[key].indices));
  }
}

const errorOf = (bytes: Uint8Array): GeometryError => {
  try {
    decodeHeartAsset(bytes);
  } catch (e) {
    expect(e).toBeInstanceOf(GeometryError);
    expect((e as GeometryError).code).toBe('bad-heart-asset');
    return e as GeometryError;
  }
  throw new Error('expected decodeHeartAsset to throw');
};

describe('heart asset encode/decode', () => {
  it('round-trips positions to within half a quantum and indices exactly', () => {
    const bin = encodeHeartAsset(small);
    expect(String.fromCharCode(...bin.subarray(0, 4))).toBe('HRT1');
    expect(bin.byteLength % 4).toBe(0);
    expectSame(decodeHeartAsset(bin), small);
    expectSame(decodeHeartAsset(bin.slice().buffer), small); // an ArrayBuffer from fetch works the same
  });

  it('switches to 32-bit indices above 65536 vertices', () => {
    const n = 70_000;
    const big = tri(
      Array.from({ length: 3 * n }, (_, i) => (i % 997) / 10),
      [0, 1, n - 1, n - 1, 1, 2],
    );
    const decoded = decodeHeartAsset(encodeHeartAsset({ ...small, lv: big }));
    expect(Array.from(decoded.lv.indices)).toEqual([0, 1, n - 1, n - 1, 1, 2]);
    expect(maxDifference(decoded.lv.positions, big.positions)).toBeLessThanOrEqual(HALF_QUANTUM);
  });

  it('refuses coordinates that do not fit the int16 grid', () => {
    expect(() => encodeHeartAsset({ ...small, rv: tri([400, 0, 0, 0, 1, 0, 0, 0, 1], [0, 1, 2]) })).toThrow(
      /does not fit int16/,
    );
  });

  it('names what is wrong with a damaged file', () => {
    const bin = encodeHeartAsset(small);
    expect(errorOf(new TextEncoder().encode('# OBJ file\nv 1 2 3')).message).toMatch(/not a heart asset/);
    expect(errorOf(bin.subarray(0, 30)).message).toMatch(/truncated/);
    expect(errorOf(bin.subarray(0, bin.length - 4)).message).toMatch(/truncated: RV needs bytes up to/);
    const extra = new Uint8Array(bin.length + 4);
    extra.set(bin);
    expect(errorOf(extra).message).toMatch(/4 unexpected bytes/);
    const renamed = bin.slice();
    renamed[12 + 16] = 'X'.charCodeAt(0); // the LV entry's name
    expect(errorOf(renamed).message).toMatch(/mesh 1 should be "LV", found "XV"/);
    const badIndex = bin.slice();
    const view = new DataView(badIndex.buffer);
    // The last index of the file (RV, u16, followed by 2 bytes of padding) points past RV's 3 vertices.
    view.setUint16(badIndex.length - 4, 9, true);
    expect(errorOf(badIndex).message).toMatch(/RV: triangle 0 refers to vertex 9 of 3/);
  });
});

describe('the shipped public/heart/heart.bin', () => {
  const bin = readFileSync(join(PUBLIC_HEART, 'heart.bin'));
  const info = JSON.parse(readFileSync(join(PUBLIC_HEART, 'heart.json'), 'utf8')) as HeartAssetInfo;
  const heart = decodeHeartAsset(bin);

  it('decodes to the meshes heart.json describes, with its credit and license beside it', () => {
    expect(info.bytes).toBe(bin.byteLength);
    expect(info.quantumMm).toBe(HEART_ASSET_QUANTUM_MM);
    for (const key of ['epicardium', 'lv', 'rv'] as const) {
      expect(heart[key].positions.length / 3, key).toBe(info.meshes[key].vertices);
      expect(heart[key].indices.length / 3, key).toBe(info.meshes[key].triangles);
    }
    expect(info.license).toBe('Apache-2.0');
    expect(info.credit).toMatch(/biv-me/);
    expect(existsSync(join(PUBLIC_HEART, info.licenseFile))).toBe(true);
    expect(readFileSync(join(PUBLIC_HEART, info.licenseFile), 'utf8')).toMatch(/Apache License\s+Version 2\.0/);
  });

  it('is in the heart frame: epicardial centroid at the origin, landmarks as heart.json says', () => {
    surfaceCentroid(heart.epicardium).forEach((x) => expect(Math.abs(x)).toBeLessThan(0.01));
    const l = heartLandmarks(heart);
    const recorded = info.landmarks as {
      apex: number[];
      baseCentre: number[];
      lvCentroid: number[];
      rvCentroid: number[];
    };
    for (const key of ['apex', 'baseCentre', 'lvCentroid', 'rvCentroid'] as const) {
      l[key].forEach((x, i) => expect(Math.abs(x - recorded[key][i]), key).toBeLessThanOrEqual(0.0051));
    }
  });
});

const data = sharedDataDir('heart.bin against the biv-me OBJs it was built from');

describe.skipIf(!data)('heart.bin matches the OBJs moved into the heart frame', () => {
  it('same vertices (within the 0.01 mm grid) and the same triangles', () => {
    const read = (n: string) => parseObj(readFileSync(join(data!, 'heart', `patient1_${n}_000.obj`), 'utf8'), n);
    const { meshes } = toHeartFrame({
      epicardium: read('EPICARDIAL'),
      lv: read('LV_ENDOCARDIAL'),
      rv: read('RV_ENDOCARDIAL'),
    });
    expectSame(decodeHeartAsset(readFileSync(join(PUBLIC_HEART, 'heart.bin'))), meshes);
  });
});
