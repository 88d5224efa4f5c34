/**
 * Keeping the mTSI point inside the heart: a signed distance field (SDF) of the epicardium sampled on a grid
 * (epicardium-sdf.data.ts, written by scripts/epicardium-sdf.ts from the same biv-me mesh the app draws), read with
 * trilinear interpolation, and a projection that slides a point that went too far back along the surface.
 *
 * Why a grid and not the mesh: the walk runs synchronously wherever a CineECG is needed (model input, dataset
 * build, CLI), where the heart asset is not loaded; the exact inside test (heart-mesh.ts, ~2.5 ms per point) would
 * also cost ~0.5 s per trajectory. The grid is 4 mm; scripts/validate-cine.ts checks the result against the mesh.
 */
import { EPICARDIUM_SDF } from './epicardium-sdf.data';
import type { Vec3 } from './frame';

/** The SDF's storage step: int8 values × this many mm (±63.5 mm; far from the heart the exact value matters little). */
export const SDF_QUANTUM_MM = 0.5;

export interface SignedDistanceGrid {
  originMm: readonly [number, number, number];
  spacingMm: number;
  dims: readonly [number, number, number];
  /** Signed distance per grid point in mm, negative inside; x fastest, then y, then z. */
  values: Float32Array;
}

/** Maps a point to a new position: the walk's confinement (identity = no confinement). */
export type Confinement = (p: Vec3) => Vec3;

function decodeBase64(s: string): Uint8Array {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const clean = s.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0,
    acc = 0,
    k = 0;
  for (const c of clean) {
    acc = (acc << 6) | alphabet.indexOf(c);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[k++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

let epicardium: SignedDistanceGrid | null = null;
/** The epicardium's SDF in the heart frame (decoded once). */
export function epicardiumSdf(): SignedDistanceGrid {
  if (!epicardium) {
    const raw = new Int8Array(decodeBase64(EPICARDIUM_SDF.base64).buffer);
    const { dims } = EPICARDIUM_SDF;
    if (raw.length !== dims[0] * dims[1] * dims[2])
      throw new Error(`epicardium SDF: ${raw.length} values for ${dims.join(' × ')} grid points`);
    epicardium = {
      originMm: EPICARDIUM_SDF.originMm,
      spacingMm: EPICARDIUM_SDF.spacingMm,
      dims,
      values: Float32Array.from(raw, (v) => v * EPICARDIUM_SDF.quantumMm),
    };
  }
  return epicardium;
}

/**
 * Signed distance (mm, negative inside) at p, trilinear between grid points. Outside the grid's box: the value at the
 * nearest point of the box plus the distance to it (the box is padded, so it is positive there anyway).
 */
export function signedDistance(grid: SignedDistanceGrid, p: Vec3): number {
  const { originMm: o, spacingMm: h, dims: n, values } = grid;
  let outside = 0;
  const c = [0, 0, 0],
    f = [0, 0, 0];
  for (let k = 0; k < 3; k++) {
    const u = (p[k] - o[k]) / h;
    const clamped = Math.min(n[k] - 1, Math.max(0, u));
    outside += ((u - clamped) * h) ** 2;
    c[k] = Math.min(n[k] - 2, Math.floor(clamped));
    f[k] = clamped - c[k];
  }
  const at = (x: number, y: number, z: number) => values[x + n[0] * (y + n[1] * z)];
  let v = 0;
  for (let dz = 0; dz < 2; dz++) {
    for (let dy = 0; dy < 2; dy++) {
      for (let dx = 0; dx < 2; dx++) {
        const w = (dx ? f[0] : 1 - f[0]) * (dy ? f[1] : 1 - f[1]) * (dz ? f[2] : 1 - f[2]);
        if (w) v += w * at(c[0] + dx, c[1] + dy, c[2] + dz);
      }
    }
  }
  return v + Math.sqrt(outside);
}

/** Unit outward normal of the field at p (central differences over `stepMm`); [0, 0, 0] where it is flat. */
export function outwardNormal(grid: SignedDistanceGrid, p: Vec3, stepMm = 1): Vec3 {
  const g = [0, 1, 2].map((k) => {
    const a = [...p] as [number, number, number],
      b = [...p] as [number, number, number];
    a[k] += stepMm;
    b[k] -= stepMm;
    return signedDistance(grid, a) - signedDistance(grid, b);
  });
  const len = Math.hypot(g[0], g[1], g[2]);
  return len > 0 ? [g[0] / len, g[1] / len, g[2] / len] : [0, 0, 0];
}

/**
 * Confinement to `marginMm` inside the surface: a point deeper than that is returned unchanged; one beyond it is
 * moved back along the field's normal (a few Newton steps), which keeps the tangential part of its last step — the
 * point slides along the wall instead of stopping dead or leaving the heart.
 */
export function insideSurface(grid: SignedDistanceGrid, marginMm: number): Confinement {
  return (p) => {
    let q: Vec3 = p;
    for (let iteration = 0; iteration < 6; iteration++) {
      const excess = signedDistance(grid, q) + marginMm;
      if (excess <= 1e-6) break;
      const n = outwardNormal(grid, q);
      if (n[0] === 0 && n[1] === 0 && n[2] === 0) break;
      q = [q[0] - excess * n[0], q[1] - excess * n[1], q[2] - excess * n[2]];
    }
    return q;
  };
}
