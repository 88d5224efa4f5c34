import { describe, expect, it } from 'vitest';
import { cAbs, cDiv, cExpI, cMul, cSqrt, complex } from './complex';

describe('complex arithmetic', () => {
  it('multiplies and divides', () => {
    expect(cMul(complex(1, 2), complex(3, 4))).toEqual({ re: -5, im: 10 });
    const q = cDiv(complex(1, 2), complex(3, 4)); // (11 + 2i) / 25
    expect(q.re).toBeCloseTo(0.44, 15);
    expect(q.im).toBeCloseTo(0.08, 15);
    const r = cDiv(complex(1, 2), complex(0.5, 4)); // the |im| > |re| branch: (8.5 − 3i) / 16.25
    expect(r.re).toBeCloseTo(8.5 / 16.25, 15);
    expect(r.im).toBeCloseTo(-3 / 16.25, 15);
  });

  it('takes the principal square root, keeping the sign of a zero imaginary part', () => {
    expect(cSqrt(complex(3, 4))).toEqual({ re: 2, im: 1 });
    expect(cSqrt(complex(-4, 0))).toEqual({ re: 0, im: 2 });
    expect(cSqrt(complex(-4, -0))).toEqual({ re: 0, im: -2 });
    const s = cSqrt(complex(-3, -4)); // (1 − 2i)² = −3 − 4i
    expect(s.re).toBeCloseTo(1, 15);
    expect(s.im).toBeCloseTo(-2, 15);
    expect(cSqrt(complex(0, 0))).toEqual({ re: 0, im: 0 });
  });

  it('puts e^{iθ} on the unit circle', () => {
    const e = cExpI(Math.PI / 3);
    expect(e.re).toBeCloseTo(0.5, 15);
    expect(e.im).toBeCloseTo(Math.sqrt(3) / 2, 15);
    expect(cAbs(e)).toBeCloseTo(1, 15);
  });
});
