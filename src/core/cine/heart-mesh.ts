/**
 * Heart surfaces as plain typed arrays, their landmarks in the heart frame, and geometric queries.
 *
 * The heart frame (shared with electrodes and the trajectory): DICOM patient LPS, +x toward the patient's left,
 * +y posterior, +z superior, millimetres, origin at the area-weighted centroid of the epicardial surface as
 * shipped (open valve rims not capped). The biv-me source is already LPS, so only a translation is applied.
 */
import { CodedError } from '../errors';
import { add, ANTERIOR, cross, dot, INFERIOR, LEFT, scale, sub, type Vec3 } from './frame';

export type { Vec3 };

/** An indexed triangle surface: xyz per vertex (mm), three vertex indices per triangle. */
export interface TriangleMesh {
  readonly positions: Float32Array;
  readonly indices: Uint32Array;
}

export interface HeartMeshes {
  readonly epicardium: TriangleMesh;
  readonly lv: TriangleMesh;
  readonly rv: TriangleMesh;
}

export type GeometryErrorCode = 'bad-obj' | 'bad-heart-asset' | 'bad-mesh';

/** The heart's files (OBJ, heart.bin) or meshes are unusable; like EcgError, the message starts with the file. */
export class GeometryError extends CodedError<GeometryErrorCode> {
  /** 1-based line of an OBJ file, when the fault is on one line. */
  readonly line?: number;
  constructor(code: GeometryErrorCode, message: string, where: { file?: string; line?: number } = {}) {
    super(code, where.file ? `${where.file}: ${message}` : message, { file: where.file });
    this.name = 'GeometryError';
    this.line = where.line;
  }
}

// sqrt, not frame's Math.hypot: this runs ~15k times per inside/distance query and hypot is several times slower.
const length = (a: Vec3): number => Math.sqrt(dot(a, a));
const unit = (a: Vec3): Vec3 => scale(a, 1 / length(a));
const vertex = (m: TriangleMesh, i: number): Vec3 => [
  m.positions[3 * i],
  m.positions[3 * i + 1],
  m.positions[3 * i + 2],
];
const triangle = (m: TriangleMesh, t: number): [Vec3, Vec3, Vec3] => [
  vertex(m, m.indices[3 * t]),
  vertex(m, m.indices[3 * t + 1]),
  vertex(m, m.indices[3 * t + 2]),
];
const triangleCount = (m: TriangleMesh): number => m.indices.length / 3;

/** Area-weighted centroid of the surface (not of the enclosed volume): defined for open surfaces too. */
export function surfaceCentroid(mesh: TriangleMesh): Vec3 {
  let sum: Vec3 = [0, 0, 0];
  let area = 0;
  for (let t = 0; t < triangleCount(mesh); t++) {
    const [a, b, c] = triangle(mesh, t);
    const A = length(cross(sub(b, a), sub(c, a))) / 2;
    sum = add(sum, scale(add(add(a, b), c), A / 3));
    area += A;
  }
  if (!(area > 0)) throw new GeometryError('bad-mesh', 'surface has no area');
  return scale(sum, 1 / area);
}

export function meshBounds(mesh: TriangleMesh): { min: Vec3; max: Vec3 } {
  const min = [Infinity, Infinity, Infinity];
  const max = [-Infinity, -Infinity, -Infinity];
  for (let i = 0; i < mesh.positions.length; i++) {
    min[i % 3] = Math.min(min[i % 3], mesh.positions[i]);
    max[i % 3] = Math.max(max[i % 3], mesh.positions[i]);
  }
  return { min: min as unknown as Vec3, max: max as unknown as Vec3 };
}

export function translateMesh(mesh: TriangleMesh, t: Vec3): TriangleMesh {
  const positions = new Float32Array(mesh.positions.length);
  for (let i = 0; i < positions.length; i++) positions[i] = mesh.positions[i] + t[i % 3];
  return { positions, indices: mesh.indices };
}

/** Moves scanner-LPS meshes into the heart frame: translation by minus the epicardial surface centroid. */
export function toHeartFrame(scanner: HeartMeshes): { meshes: HeartMeshes; translationMm: Vec3 } {
  const translationMm = scale(surfaceCentroid(scanner.epicardium), -1);
  const move = (m: TriangleMesh) => translateMesh(m, translationMm);
  return {
    meshes: { epicardium: move(scanner.epicardium), lv: move(scanner.lv), rv: move(scanner.rv) },
    translationMm,
  };
}

/**
 * Holes as loops of vertex indices, each in the direction its edges run in their one triangle. An edge a→b
 * lies on a hole when no triangle has b→a (assumes consistently oriented triangles, as exporters write).
 */
export function boundaryLoops(mesh: TriangleMesh): number[][] {
  const n = mesh.positions.length / 3;
  const edges = new Set<number>();
  for (let k = 0; k < mesh.indices.length; k += 3) {
    for (let e = 0; e < 3; e++) edges.add(mesh.indices[k + e] * n + mesh.indices[k + ((e + 1) % 3)]);
  }
  const next = new Map<number, number>();
  for (const key of edges) {
    const a = Math.floor(key / n),
      b = key % n;
    if (edges.has(b * n + a)) continue;
    if (next.has(a)) throw new GeometryError('bad-mesh', `vertex ${a} lies on two holes (pinched boundary)`);
    next.set(a, b);
  }
  const loops: number[][] = [];
  const seen = new Set<number>();
  for (const start of next.keys()) {
    if (seen.has(start)) continue;
    const loop = [start];
    for (let v = next.get(start); v !== start; v = next.get(v!)) {
      if (v === undefined || seen.has(v) || loop.length > next.size)
        throw new GeometryError('bad-mesh', 'a hole boundary does not close');
      loop.push(v);
    }
    loop.forEach((v) => seen.add(v));
    loops.push(loop);
  }
  return loops;
}

/** Closes every hole with a fan to its rim centroid, oriented like the rest: a watertight surface for inside tests. */
export function capHoles(mesh: TriangleMesh): TriangleMesh {
  const loops = boundaryLoops(mesh);
  const nv = mesh.positions.length / 3;
  const positions = new Float32Array(mesh.positions.length + 3 * loops.length);
  positions.set(mesh.positions);
  const indices = new Uint32Array(mesh.indices.length + 3 * loops.reduce((s, l) => s + l.length, 0));
  indices.set(mesh.indices);
  let k = mesh.indices.length;
  loops.forEach((loop, h) => {
    const c = scale(
      loop.reduce<Vec3>((s, v) => add(s, vertex(mesh, v)), [0, 0, 0]),
      1 / loop.length,
    );
    positions.set(c, 3 * (nv + h));
    // The rim edge a→b runs one way in the mesh; the cap uses it b→a so orientation stays consistent.
    loop.forEach((a, i) => indices.set([loop[(i + 1) % loop.length], a, nv + h], (k += 3) - 3));
  });
  return { positions, indices };
}

/**
 * Generalised winding number (sum of solid angles / 4π): 1 inside a closed surface, 0 outside, either orientation.
 * Scalar code on the flat arrays: it runs for every triangle of every queried point.
 */
export function isInside(point: Vec3, closed: TriangleMesh): boolean {
  const { positions: p, indices } = closed;
  let omega = 0;
  for (let k = 0; k < indices.length; k += 3) {
    const i = 3 * indices[k],
      j = 3 * indices[k + 1],
      l = 3 * indices[k + 2];
    const ax = p[i] - point[0],
      ay = p[i + 1] - point[1],
      az = p[i + 2] - point[2];
    const bx = p[j] - point[0],
      by = p[j + 1] - point[1],
      bz = p[j + 2] - point[2];
    const cx = p[l] - point[0],
      cy = p[l + 1] - point[1],
      cz = p[l + 2] - point[2];
    const la = Math.sqrt(ax * ax + ay * ay + az * az),
      lb = Math.sqrt(bx * bx + by * by + bz * bz),
      lc = Math.sqrt(cx * cx + cy * cy + cz * cz);
    // Van Oosterom & Strackee (1983): the signed solid angle of one triangle seen from the point.
    const det = ax * (by * cz - bz * cy) - ay * (bx * cz - bz * cx) + az * (bx * cy - by * cx);
    const div =
      la * lb * lc +
      (ax * bx + ay * by + az * bz) * lc +
      (bx * cx + by * cy + bz * cz) * la +
      (cx * ax + cy * ay + cz * az) * lb;
    omega += 2 * Math.atan2(det, div);
  }
  return Math.abs(omega / (4 * Math.PI)) > 0.5;
}

function segmentDistanceSq(p: Vec3, a: Vec3, b: Vec3): number {
  const ab = sub(b, a);
  const t = Math.min(1, Math.max(0, dot(sub(p, a), ab) / (dot(ab, ab) || 1)));
  const d = sub(p, add(a, scale(ab, t)));
  return dot(d, d);
}

function triangleDistanceSq(p: Vec3, a: Vec3, b: Vec3, c: Vec3): number {
  const ab = sub(b, a),
    ac = sub(c, a),
    ap = sub(p, a),
    n = cross(ab, ac),
    nn = dot(n, n);
  if (nn > 0) {
    // Barycentric coordinates of p's projection onto the triangle's plane.
    const v = dot(cross(ap, ac), n) / nn,
      w = dot(cross(ab, ap), n) / nn;
    if (v >= 0 && w >= 0 && v + w <= 1) return dot(ap, n) ** 2 / nn;
  }
  return Math.min(segmentDistanceSq(p, a, b), segmentDistanceSq(p, b, c), segmentDistanceSq(p, c, a));
}

/** Unsigned distance (mm) from a point to the nearest point of the surface. Brute force over ~5k triangles. */
export function distanceToSurface(point: Vec3, mesh: TriangleMesh): number {
  const p = mesh.positions;
  let best = Infinity;
  for (let t = 0; t < triangleCount(mesh); t++) {
    // Cheap rejection first: a triangle lies within its longest vertex-to-vertex span of vertex a, so if
    // |p − a| − span already exceeds the best distance, the exact (allocating) test cannot win.
    const i = 3 * mesh.indices[3 * t],
      j = 3 * mesh.indices[3 * t + 1],
      l = 3 * mesh.indices[3 * t + 2];
    const dx = p[i] - point[0],
      dy = p[i + 1] - point[1],
      dz = p[i + 2] - point[2];
    const span = Math.sqrt(
      Math.max(
        (p[j] - p[i]) ** 2 + (p[j + 1] - p[i + 1]) ** 2 + (p[j + 2] - p[i + 2]) ** 2,
        (p[l] - p[i]) ** 2 + (p[l + 1] - p[i + 1]) ** 2 + (p[l + 2] - p[i + 2]) ** 2,
      ),
    );
    const lower = Math.sqrt(dx * dx + dy * dy + dz * dz) - span;
    if (lower > 0 && lower * lower >= best) continue;
    best = Math.min(best, triangleDistanceSq(point, ...triangle(mesh, t)));
  }
  return Math.sqrt(best);
}

// Capping is done once per mesh object; meshes are treated as immutable.
const capped = new WeakMap<TriangleMesh, TriangleMesh>();

/**
 * 0 for a point inside the epicardium, else its distance (mm) to the epicardial surface. The valve rims are
 * open in the source, so they are capped first: a point above a valve plane is outside, measured to the cap.
 */
export function distanceOutsideEpicardium(point: Vec3, epicardium: TriangleMesh): number {
  let closed = capped.get(epicardium);
  if (!closed) capped.set(epicardium, (closed = capHoles(epicardium)));
  return isInside(point, closed) ? 0 : distanceToSurface(point, closed);
}

export interface HeartLandmarks {
  /** Epicardial vertex farthest from the base centre. */
  readonly apex: Vec3;
  /** Mean of the epicardium's open valve-rim vertices (mitral, tricuspid, aortic, pulmonary). */
  readonly baseCentre: Vec3;
  /** Unit vector base centre → apex, and that distance. */
  readonly longAxis: Vec3;
  readonly longAxisLengthMm: number;
  /** Angles (°) between the long axis and the patient's left (+x), anterior (−y) and inferior (−z). */
  readonly longAxisAnglesDeg: { readonly left: number; readonly anterior: number; readonly inferior: number };
  /** Area-weighted surface centroids. */
  readonly epicardiumCentroid: Vec3;
  readonly lvCentroid: Vec3;
  readonly rvCentroid: Vec3;
  /** Unit vector ⊥ long axis from the LV cavity across the septum toward the RV. */
  readonly septumDirection: Vec3;
  readonly valveRims: number;
  readonly bounds: { readonly min: Vec3; readonly max: Vec3 };
}

export function heartLandmarks(h: HeartMeshes): HeartLandmarks {
  const rims = boundaryLoops(h.epicardium);
  if (rims.length === 0) throw new GeometryError('bad-mesh', 'the epicardium is closed: no valve rim marks the base');
  const rimVertices = rims.flat();
  const baseCentre = scale(
    rimVertices.reduce<Vec3>((s, v) => add(s, vertex(h.epicardium, v)), [0, 0, 0]),
    1 / rimVertices.length,
  );
  let apex = baseCentre;
  for (let i = 0; i < h.epicardium.positions.length / 3; i++) {
    const v = vertex(h.epicardium, i);
    if (length(sub(v, baseCentre)) > length(sub(apex, baseCentre))) apex = v;
  }
  const longAxis = unit(sub(apex, baseCentre));
  const deg = (a: Vec3) => (Math.acos(Math.max(-1, Math.min(1, dot(longAxis, a)))) * 180) / Math.PI;
  const lvCentroid = surfaceCentroid(h.lv),
    rvCentroid = surfaceCentroid(h.rv);
  const lvToRv = sub(rvCentroid, lvCentroid);
  return {
    apex,
    baseCentre,
    longAxis,
    longAxisLengthMm: length(sub(apex, baseCentre)),
    longAxisAnglesDeg: { left: deg(LEFT), anterior: deg(ANTERIOR), inferior: deg(INFERIOR) },
    epicardiumCentroid: surfaceCentroid(h.epicardium),
    lvCentroid,
    rvCentroid,
    septumDirection: unit(sub(lvToRv, scale(longAxis, dot(lvToRv, longAxis)))),
    valveRims: rims.length,
    bounds: meshBounds(h.epicardium),
  };
}
