import { describe, expect, it } from 'vitest';
import { boundingRadius, lpsArrayToThree, lpsToThree, threeToLps } from './frameToThree';

const det = (a: number[], b: number[], c: number[]) =>
  a[0] * (b[1] * c[2] - b[2] * c[1]) - a[1] * (b[0] * c[2] - b[2] * c[0]) + a[2] * (b[0] * c[1] - b[1] * c[0]);

describe('LPS → three.js world', () => {
  it('puts superior up, anterior toward the default camera and the patient’s left on the viewer’s right', () => {
    expect(lpsToThree([0, 0, 1])).toEqual([0, 1, 0]); // superior = world up
    expect(lpsToThree([0, -1, 0])).toEqual([0, 0, 1]); // anterior = toward a camera on +z (the anterior view)
    expect(lpsToThree([1, 0, 0])).toEqual([1, 0, 0]); // patient's left = screen right in that view
  });

  it('is a rotation: determinant +1, so meshes are not mirrored', () => {
    const cols = [lpsToThree([1, 0, 0]), lpsToThree([0, 1, 0]), lpsToThree([0, 0, 1])];
    expect(det(cols[0], cols[1], cols[2])).toBe(1);
  });

  it('inverts', () => {
    const p = [12.5, -3, 40] as const;
    expect(threeToLps(lpsToThree(p))).toEqual([12.5, -3, 40]);
  });

  it('maps arrays of triples and refuses anything else', () => {
    expect(Array.from(lpsArrayToThree([1, 2, 3, -4, 5, -6]))).toEqual([1, 3, -2, -4, -6, -5]);
    expect(() => lpsArrayToThree([1, 2])).toThrow(/triples/);
  });

  it('bounding radius covers every array', () => {
    expect(boundingRadius([3, 4, 0], [0, 0, -6, 1, 1, 1])).toBe(6);
    expect(boundingRadius()).toBe(0);
  });
});
