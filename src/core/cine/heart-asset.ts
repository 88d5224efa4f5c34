/**
 * public/heart/heart.bin: the three heart surfaces in one small binary the browser decodes without a library.
 *
 * Layout, little-endian, every section 4-byte aligned:
 *   "HRT1" · u32 meshCount (3) · f32 quantum (mm per position unit)
 *   meshCount × { 4-byte ASCII name ("EPI", "LV", "RV", NUL-padded) · u32 vertices · u32 triangles · u32 index bytes (2|4) }
 *   per mesh: int16 positions [3 × vertices] (mm / quantum) · pad · u16|u32 indices [3 × triangles] · pad
 * Positions are int16 on a fixed 0.01 mm grid: ±327 mm spans any heart, the error (≤ 0.005 mm) is far below the
 * MR fit's accuracy, and it saves a quarter of the file against float32. Indices are u16 whenever they fit.
 */
import { GeometryError, type HeartMeshes, type TriangleMesh, type Vec3 } from './heart-mesh';

export const HEART_ASSET_QUANTUM_MM = 0.01;
const MAGIC = 'HRT1';
const NAMES = ['EPI', 'LV', 'RV'] as const;
const KEYS = ['epicardium', 'lv', 'rv'] as const;
const HEADER_BYTES = 12;
const ENTRY_BYTES = 16;
const align4 = (n: number) => (n + 3) & ~3;

/** What public/heart/heart.json says about the shipped file (written by scripts/heart-asset.ts). */
export interface HeartAssetInfo {
  readonly file: string;
  readonly bytes: number;
  readonly source: string;
  readonly license: string;
  readonly licenseFile: string;
  readonly credit: string;
  readonly frame: string;
  readonly transform: {
    readonly rotation: number[][];
    readonly translationMm: Vec3;
    readonly scale: 1;
    readonly note: string;
  };
  readonly quantumMm: number;
  readonly meshes: Record<(typeof KEYS)[number], { vertices: number; triangles: number; openRims: number }>;
  readonly landmarks: Record<string, unknown>;
}

function sectionBytes(m: TriangleMesh): { positions: number; indices: number; indexBytes: 2 | 4 } {
  const indexBytes = m.positions.length / 3 <= 0x10000 ? 2 : 4;
  return { positions: align4(m.positions.length * 2), indices: align4(m.indices.length * indexBytes), indexBytes };
}

export function encodeHeartAsset(h: HeartMeshes, quantum = HEART_ASSET_QUANTUM_MM): Uint8Array {
  // Round with the float32 value the decoder will read back, not the double.
  const quantumMm = Math.fround(quantum);
  const meshes = KEYS.map((k) => h[k]);
  const sizes = meshes.map(sectionBytes);
  const total = HEADER_BYTES + ENTRY_BYTES * meshes.length + sizes.reduce((s, z) => s + z.positions + z.indices, 0);
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  [...MAGIC].forEach((ch, i) => view.setUint8(i, ch.charCodeAt(0)));
  view.setUint32(4, meshes.length, true);
  view.setFloat32(8, quantumMm, true);
  let at = HEADER_BYTES + ENTRY_BYTES * meshes.length;
  meshes.forEach((m, k) => {
    const entry = HEADER_BYTES + ENTRY_BYTES * k;
    [...NAMES[k]].forEach((ch, i) => view.setUint8(entry + i, ch.charCodeAt(0)));
    view.setUint32(entry + 4, m.positions.length / 3, true);
    view.setUint32(entry + 8, m.indices.length / 3, true);
    view.setUint32(entry + 12, sizes[k].indexBytes, true);
    m.positions.forEach((x, i) => {
      const q = Math.round(x / quantumMm);
      if (!(Math.abs(q) <= 0x7fff)) {
        throw new GeometryError(
          'bad-heart-asset',
          `${KEYS[k]} coordinate ${x} mm does not fit int16 × ${quantumMm} mm`,
        );
      }
      view.setInt16(at + 2 * i, q, true);
    });
    at += sizes[k].positions;
    m.indices.forEach((v, i) =>
      sizes[k].indexBytes === 2 ? view.setUint16(at + 2 * i, v, true) : view.setUint32(at + 4 * i, v, true),
    );
    at += sizes[k].indices;
  });
  return out;
}

export function decodeHeartAsset(data: ArrayBuffer | Uint8Array, file = 'heart.bin'): HeartMeshes {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const fail = (message: string): never => {
    throw new GeometryError('bad-heart-asset', message, { file });
  };
  const tag = (at: number) => String.fromCharCode(...bytes.subarray(at, at + 4)).replace(/\0+$/, '');
  if (bytes.byteLength < HEADER_BYTES || tag(0) !== MAGIC)
    fail(`not a heart asset (expected it to start with "${MAGIC}")`);
  const count = view.getUint32(4, true);
  const quantum = view.getFloat32(8, true);
  if (count !== NAMES.length) fail(`expected ${NAMES.length} meshes, header says ${count}`);
  if (!(quantum > 0 && Number.isFinite(quantum))) fail(`quantum ${quantum} mm is not a positive number`);
  let at = HEADER_BYTES + ENTRY_BYTES * count;
  if (bytes.byteLength < at) fail(`truncated: ${bytes.byteLength} bytes, the mesh table alone needs ${at}`);
  const meshes = NAMES.map((name, k): TriangleMesh => {
    const entry = HEADER_BYTES + ENTRY_BYTES * k;
    if (tag(entry) !== name) fail(`mesh ${k} should be "${name}", found "${tag(entry)}"`);
    const vertices = view.getUint32(entry + 4, true);
    const triangles = view.getUint32(entry + 8, true);
    const indexBytes = view.getUint32(entry + 12, true);
    if (indexBytes !== 2 && indexBytes !== 4) fail(`${name}: index size ${indexBytes} bytes, expected 2 or 4`);
    const end = at + align4(vertices * 6) + align4(triangles * 3 * indexBytes);
    if (end > bytes.byteLength) fail(`truncated: ${name} needs bytes up to ${end}, the file has ${bytes.byteLength}`);
    const positions = new Float32Array(vertices * 3);
    for (let i = 0; i < positions.length; i++) positions[i] = view.getInt16(at + 2 * i, true) * quantum;
    at += align4(vertices * 6);
    const indices = new Uint32Array(triangles * 3);
    for (let i = 0; i < indices.length; i++) {
      indices[i] = indexBytes === 2 ? view.getUint16(at + 2 * i, true) : view.getUint32(at + 4 * i, true);
      if (indices[i] >= vertices)
        fail(`${name}: triangle ${Math.floor(i / 3)} refers to vertex ${indices[i]} of ${vertices}`);
    }
    at += align4(triangles * 3 * indexBytes);
    return { positions, indices };
  });
  if (at !== bytes.byteLength) fail(`${bytes.byteLength - at} unexpected bytes after the last mesh`);
  return { epicardium: meshes[0], lv: meshes[1], rv: meshes[2] };
}
