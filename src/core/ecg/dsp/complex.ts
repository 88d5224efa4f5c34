/**
 * The little complex arithmetic filter design needs (poles and zeros), as plain immutable values.
 * Only design-time code uses this; filtering runs on real Float64Arrays.
 */

export interface Complex {
  readonly re: number;
  readonly im: number;
}

export const complex = (re: number, im = 0): Complex => ({ re, im });

export const cAdd = (a: Complex, b: Complex): Complex => complex(a.re + b.re, a.im + b.im);
export const cSub = (a: Complex, b: Complex): Complex => complex(a.re - b.re, a.im - b.im);
export const cMul = (a: Complex, b: Complex): Complex => complex(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re);
export const cScale = (a: Complex, s: number): Complex => complex(a.re * s, a.im * s);
export const cConj = (a: Complex): Complex => complex(a.re, -a.im);
export const cAbs = (a: Complex): number => Math.hypot(a.re, a.im);

/**
 * Smith's algorithm (no overflow when |b| is very large or small), written as numpy does it
 * (multiply by 1/d) so designed coefficients agree with scipy's to the last bit or two.
 */
export function cDiv(a: Complex, b: Complex): Complex {
  if (Math.abs(b.re) >= Math.abs(b.im)) {
    const r = b.im / b.re;
    const scl = 1 / (b.re + b.im * r);
    return complex((a.re + a.im * r) * scl, (a.im - a.re * r) * scl);
  }
  const r = b.re / b.im;
  const scl = 1 / (b.im + b.re * r);
  return complex((a.re * r + a.im) * scl, (a.im * r - a.re) * scl);
}

/** Principal square root (branch cut on the negative real axis, sign of the imaginary zero kept), as C99 csqrt. */
export function cSqrt(a: Complex): Complex {
  if (a.re === 0 && a.im === 0) return complex(0, a.im);
  const t = Math.sqrt((Math.abs(a.re) + cAbs(a)) / 2);
  if (a.re >= 0) return complex(t, a.im / (2 * t));
  return complex(Math.abs(a.im) / (2 * t), Object.is(a.im, -0) || a.im < 0 ? -t : t);
}

/** e^(i·theta). */
export const cExpI = (theta: number): Complex => complex(Math.cos(theta), Math.sin(theta));

/** Exactly real, as numpy's isreal (imaginary part == 0). */
export const isReal = (a: Complex): boolean => a.im === 0;
