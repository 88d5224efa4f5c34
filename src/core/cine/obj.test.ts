import { describe, expect, it } from 'vitest';
import { GeometryError } from './heart-mesh';
import { parseObj } from './obj';

const square = ['v 0 0 0', 'v 1 0 0', 'v 1 1 0', 'v 0 1 0'].join('\n');

function errorOf(text: string): GeometryError {
  try {
    parseObj(text, 'test.obj');
  } catch (e) {
    expect(e).toBeInstanceOf(GeometryError);
    return e as GeometryError;
  }
  throw new Error('expected parseObj to throw');
}

describe('parseObj', () => {
  it('reads vertices and triangles, 1-based to 0-based', () => {
    const m = parseObj('# OBJ file\nv 26.2490 28.9452 -85.2875\nv 1 0 0\nv 0 1 0\nf 1 2 3\n');
    expect(Array.from(m.positions)).toEqual([26.249, 28.9452, -85.2875, 1, 0, 0, 0, 1, 0].map(Math.fround));
    expect(Array.from(m.indices)).toEqual([0, 1, 2]);
    expect(m.indices).toBeInstanceOf(Uint32Array);
  });

  it('fans quads and polygons into triangles from their first vertex', () => {
    expect(Array.from(parseObj(`${square}\nf 1 2 3 4`).indices)).toEqual([0, 1, 2, 0, 2, 3]);
    const pentagon = parseObj(`${square}\nv 0.5 1.5 0\nf 1 2 3 5 4`);
    expect(pentagon.indices.length / 3).toBe(3);
  });

  it('accepts texture/normal references, negative indices, CRLF, comments and ignorable statements', () => {
    const text = `o heart\r\ng wall\r\ns 1\r\n${square}\r\nvn 0 0 1\r\nvt 0 0\r\nf 1/1/1 2//1 3/1  # tail comment\r\nf -4 -2 -1\r\n`;
    expect(Array.from(parseObj(text).indices)).toEqual([0, 1, 2, 0, 2, 3]);
  });

  it('names the file and line of a malformed vertex', () => {
    const e = errorOf('v 0 0 0\nv 1 0\n');
    expect(e.code).toBe('bad-obj');
    expect(e.line).toBe(2);
    expect(e.message).toMatch(/^test\.obj: line 2: vertex needs 3 coordinates/);
    expect(errorOf('v 0 0 nan').message).toMatch(/line 1: vertex coordinate "nan" is not a finite number/);
    expect(errorOf('v 0 0 0 1').message).toMatch(/found 4/);
  });

  it('refuses faces that point at missing vertices, repeat one, or have fewer than three', () => {
    expect(errorOf(`${square}\nf 1 2 5`).message).toMatch(
      /line 5: face refers to vertex 5, but 4 vertices are defined/,
    );
    expect(errorOf(`${square}\nf 0 1 2`).message).toMatch(/face refers to vertex 0/);
    expect(errorOf(`${square}\nf -5 1 2`).message).toMatch(/face refers to vertex -5/);
    expect(errorOf(`f 1 2 3\n${square}`).line).toBe(1); // vertices must come before the faces using them
    expect(errorOf(`${square}\nf 1 2 2`).message).toMatch(/repeats a vertex/);
    expect(errorOf(`${square}\nf 1 2`).message).toMatch(/at least 3 vertices, found 2/);
    expect(errorOf(`${square}\nf 1 2 x`).message).toMatch(/"x" is not an integer index/);
  });

  it('refuses unknown statements and files without geometry', () => {
    expect(errorOf(`${square}\nl 1 2`).message).toMatch(/line 5: unknown statement "l"/);
    expect(errorOf('# nothing\n').message).toMatch(/no vertices/);
    expect(errorOf(square).message).toMatch(/no faces/);
  });
});
