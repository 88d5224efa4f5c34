/**
 * A small, strict Wavefront OBJ reader for triangle surfaces: `v x y z` and `f a b c …` (polygons are fanned
 * into triangles). Normals, texture coordinates, groups and materials are skipped because the heart needs only
 * shape; anything else is an error that names the file and line, so a broken asset fails loudly instead of
 * rendering a torn heart.
 */
import { GeometryError, type TriangleMesh } from './heart-mesh';

/** Statements that carry no geometry we use: accepted and ignored. */
const IGNORED = new Set(['vn', 'vt', 'vp', 'o', 'g', 's', 'usemtl', 'mtllib']);

export function parseObj(text: string, file = 'OBJ'): TriangleMesh {
  const positions: number[] = [];
  const indices: number[] = [];
  const lines = text.split(/\r?\n/);
  const fail = (lineNo: number, message: string): never => {
    throw new GeometryError('bad-obj', `line ${lineNo}: ${message}`, { file, line: lineNo });
  };

  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const line = lines[i].replace(/#.*/, '').trim();
    if (line === '') continue;
    const [keyword, ...args] = line.split(/\s+/);
    if (keyword === 'v') {
      // An optional 4th (w) or 6 values (x y z r g b, a common extension) would be silently misread; refuse.
      if (args.length !== 3) fail(lineNo, `vertex needs 3 coordinates "v x y z", found ${args.length}`);
      for (const a of args) {
        const x = Number(a);
        if (a === '' || !Number.isFinite(x)) fail(lineNo, `vertex coordinate "${a}" is not a finite number`);
        positions.push(x);
      }
    } else if (keyword === 'f') {
      if (args.length < 3) fail(lineNo, `face needs at least 3 vertices, found ${args.length}`);
      const vertexCount = positions.length / 3;
      const face = args.map((a) => {
        // "i", "i/t", "i//n", "i/t/n": only the position index matters here.
        const token = a.split('/')[0];
        if (!/^-?\d+$/.test(token)) fail(lineNo, `face vertex "${a}" is not an integer index`);
        const k = Number(token);
        // OBJ is 1-based; negative indices count back from the last vertex defined so far.
        const index = k > 0 ? k - 1 : vertexCount + k;
        if (k === 0 || index < 0 || index >= vertexCount) {
          fail(lineNo, `face refers to vertex ${k}, but ${vertexCount} vertices are defined before this line`);
        }
        return index;
      });
      if (new Set(face).size !== face.length) fail(lineNo, `face repeats a vertex (${args.join(' ')})`);
      // Fan from the first vertex: exact for the convex polygons that mesh exporters write.
      for (let k = 1; k + 1 < face.length; k++) indices.push(face[0], face[k], face[k + 1]);
    } else if (!IGNORED.has(keyword)) {
      fail(lineNo, `unknown statement "${keyword}" (expected v or f)`);
    }
  }
  if (positions.length === 0) throw new GeometryError('bad-obj', 'no vertices ("v" lines) found', { file });
  if (indices.length === 0) throw new GeometryError('bad-obj', 'no faces ("f" lines) found', { file });
  return { positions: new Float32Array(positions), indices: new Uint32Array(indices) };
}
