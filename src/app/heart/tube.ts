/**
 * A tube around a sampled path: one ring of vertices per sample, so per-sample colour and radius map exactly
 * to time (three's TubeGeometry resamples by arc length, which would smear colours where the mTSI walks slowly
 * or stands still, and its Frenet frames turn to NaN on repeated points, which the mTSI's zero-vector guard
 * produces). Frames are parallel-transported: no twisting, no undefined normal on straight runs.
 */
export interface TubeArrays {
  positions: Float32Array;
  normals: Float32Array;
  colors: Float32Array;
  indices: Uint32Array;
}

type V = [number, number, number];
const len = (v: V) => Math.hypot(v[0], v[1], v[2]);
const dot = (a: V, b: V) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const cross = (a: V, b: V): V => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
const unit = (v: V): V | null => {
  const n = len(v);
  return n > 1e-9 ? [v[0] / n, v[1] / n, v[2] / n] : null;
};
const at = (p: ArrayLike<number>, i: number): V => [p[3 * i], p[3 * i + 1], p[3 * i + 2]];

/** Any unit vector perpendicular to unit t. */
function perpendicular(t: V): V {
  const a: V = Math.abs(t[0]) < 0.9 ? [1, 0, 0] : [0, 1, 0];
  return unit(cross(t, a)) as V;
}

/** Unit tangents by central differences; a sample with no movement around it borrows its neighbour's. */
export function tangents(points: ArrayLike<number>): V[] {
  const n = points.length / 3;
  const out: Array<V | null> = [];
  for (let i = 0; i < n; i++) {
    const a = at(points, Math.max(0, i - 1));
    const b = at(points, Math.min(n - 1, i + 1));
    out.push(unit([b[0] - a[0], b[1] - a[1], b[2] - a[2]]));
  }
  const first = out.find((t) => t !== null) ?? [0, 0, 1];
  let prev: V = first;
  return out.map((t) => (prev = t ?? prev));
}

/**
 * @param points [T × 3] path.
 * @param radius per-sample radius (length T) or one number.
 * @param colors [T × 3] linear RGB in [0, 1].
 * @param radial vertices per ring.
 */
export function buildTube(
  points: ArrayLike<number>,
  radius: ArrayLike<number> | number,
  colors: ArrayLike<number>,
  radial = 10,
): TubeArrays {
  const T = points.length / 3;
  if (!Number.isInteger(T) || colors.length !== points.length)
    throw new Error(`tube: ${points.length} coordinates and ${colors.length} colour values`);
  const positions = new Float32Array(T * radial * 3);
  const normals = new Float32Array(T * radial * 3);
  const rgb = new Float32Array(T * radial * 3);
  const indices = new Uint32Array(Math.max(0, T - 1) * radial * 6);
  const ts = tangents(points);
  let normal: V = T > 0 ? perpendicular(ts[0]) : [1, 0, 0];
  for (let i = 0; i < T; i++) {
    const t = ts[i];
    // Parallel transport: remove the new tangent's part from the previous normal.
    normal =
      unit([normal[0] - dot(normal, t) * t[0], normal[1] - dot(normal, t) * t[1], normal[2] - dot(normal, t) * t[2]]) ??
      perpendicular(t);
    const binormal = cross(t, normal);
    const r = typeof radius === 'number' ? radius : radius[i];
    const c = at(points, i);
    for (let k = 0; k < radial; k++) {
      const phi = (2 * Math.PI * k) / radial;
      const [cs, sn] = [Math.cos(phi), Math.sin(phi)];
      const o = 3 * (i * radial + k);
      for (let a = 0; a < 3; a++) {
        const nrm = cs * normal[a] + sn * binormal[a];
        normals[o + a] = nrm;
        positions[o + a] = c[a] + r * nrm;
        rgb[o + a] = colors[3 * i + a];
      }
    }
  }
  let j = 0;
  for (let i = 0; i + 1 < T; i++) {
    for (let k = 0; k < radial; k++) {
      const a = i * radial + k;
      const b = i * radial + ((k + 1) % radial);
      const c = a + radial;
      const d = b + radial;
      // Counter-clockwise seen from outside (normal = cos·n + sin·b, t × n = b), so front faces face out.
      indices.set([a, b, c, b, d, c], j);
      j += 6;
    }
  }
  return { positions, normals, colors: rgb, indices };
}
