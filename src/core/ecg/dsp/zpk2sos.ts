/**
 * Zeros/poles/gain → second-order sections, a line-by-line port of scipy.signal.zpk2sos for digital
 * filters with its default 'nearest' pairing, so our sections (and their order) are scipy's.
 * Sections are [b0, b1, b2, 1, a1, a2]; the "worst" poles (closest to the unit circle) come last.
 */
import { cAbs, cConj, cMul, cSub, complex, isReal, type Complex } from './complex';

/** Second-order sections, each [b0, b1, b2, a0 = 1, a1, a2]. */
export type Sos = Float64Array[];

const TOL = 100 * Number.EPSILON;

/** scipy _cplxreal: one member (positive imaginary part) of each conjugate pair, and the real values. */
function splitConjugates(values: readonly Complex[]): { pairs: Complex[]; reals: number[] } {
  // Array.prototype.sort is stable, like numpy's lexsort.
  const sorted = [...values].sort((a, b) => a.re - b.re || Math.abs(a.im) - Math.abs(b.im));
  const realByTol = (v: Complex) => Math.abs(v.im) <= TOL * cAbs(v);
  const reals = sorted.filter(realByTol).map((v) => v.re);
  const rest = sorted.filter((v) => !realByTol(v));
  const pos = rest.filter((v) => v.im > 0);
  const neg = rest.filter((v) => v.im < 0);
  if (pos.length !== neg.length) throw new RangeError('complex value with no matching conjugate');

  // Runs of (nearly) equal real part are ordered by |imag| so the two halves line up.
  const byAbsImag = (a: Complex, b: Complex) => Math.abs(a.im) - Math.abs(b.im);
  let start = 0;
  for (let i = 1; i <= pos.length; i++) {
    const sameRun = i < pos.length && pos[i].re - pos[i - 1].re <= TOL * cAbs(pos[i - 1]);
    if (sameRun) continue;
    if (i - start > 1) {
      pos.splice(start, i - start, ...pos.slice(start, i).sort(byAbsImag));
      neg.splice(start, i - start, ...neg.slice(start, i).sort(byAbsImag));
    }
    start = i;
  }
  const pairs = pos.map((p, i) => {
    const n = cConj(neg[i]);
    if (cAbs(cSub(p, n)) > TOL * cAbs(neg[i])) throw new RangeError('complex value with no matching conjugate');
    return complex((p.re + n.re) / 2, (p.im + n.im) / 2);
  });
  return { pairs, reals };
}

/** Index of the value closest to the unit circle (first one on ties, as numpy argmin). */
function worstIndex(values: readonly Complex[]): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) {
    if (Math.abs(1 - cAbs(values[i])) < Math.abs(1 - cAbs(values[best]))) best = i;
  }
  return best;
}

/** scipy _nearest_real_complex_idx: nearest to `to`, optionally restricted to real or complex values. */
function nearestIndex(from: readonly Complex[], to: Complex, which: 'real' | 'complex' | 'any'): number {
  const order = from.map((_, i) => i).sort((i, j) => cAbs(cSub(from[i], to)) - cAbs(cSub(from[j], to)));
  const found = order.find((i) => which === 'any' || (which === 'real') === isReal(from[i]));
  if (found === undefined) throw new RangeError(`no ${which} zero left to pair`);
  return found;
}

/** Coefficients of prod(1 - r·z⁻¹), highest power first; the imaginary parts cancel for conjugate sets. */
function poly(roots: readonly Complex[]): number[] {
  let c: Complex[] = [complex(1)];
  for (const r of roots) {
    const next = [...c, complex(0)];
    for (let i = 0; i < c.length; i++) next[i + 1] = cSub(next[i + 1], cMul(c[i], r));
    c = next;
  }
  return c.map((v) => v.re);
}

function section(zeros: readonly Complex[], poles: readonly Complex[]): Float64Array {
  const out = new Float64Array(6);
  const b = poly(zeros);
  const a = poly(poles);
  out.set(b, 3 - b.length);
  out.set(a, 6 - a.length);
  return out;
}

const take = <T>(arr: T[], i: number): T => arr.splice(i, 1)[0];

export function zpk2sos(zeros: readonly Complex[], poles: readonly Complex[], gain: number): Sos {
  if (zeros.length === 0 && poles.length === 0) return [Float64Array.of(gain, 0, 0, 1, 0, 0)];
  const zIn = [...zeros];
  const pIn = [...poles];
  while (pIn.length < zIn.length) pIn.push(complex(0));
  while (zIn.length < pIn.length) zIn.push(complex(0));
  const nSections = Math.floor((pIn.length + 1) / 2);
  if (pIn.length % 2 === 1) {
    pIn.push(complex(0));
    zIn.push(complex(0));
  }
  const toList = ({ pairs, reals }: { pairs: Complex[]; reals: number[] }) => [
    ...pairs,
    ...reals.map((r) => complex(r)),
  ];
  const z = toList(splitConjugates(zIn));
  const p = toList(splitConjugates(pIn));
  const countReal = (v: readonly Complex[]) => v.filter(isReal).length;

  const sos: Sos = new Array(nSections);
  for (let si = nSections - 1; si >= 0; si--) {
    const p1 = take(p, worstIndex(p));
    if (isReal(p1) && countReal(p) === 0) {
      // Last remaining real pole: a first-order section padded with a pole and zero at the origin.
      const z1 = take(z, nearestIndex(z, p1, 'real'));
      sos[si] = section([z1, complex(0)], [p1, complex(0)]);
    } else if (p.length + 1 === z.length && !isReal(p1) && countReal(p) === 1 && countReal(z) === 1) {
      // One real pole and one real zero left: this complex pole must take a complex zero.
      const z1 = take(z, nearestIndex(z, p1, 'complex'));
      sos[si] = section([z1, cConj(z1)], [p1, cConj(p1)]);
    } else {
      let p2: Complex;
      if (isReal(p1)) {
        const realIdx = p.map((v, i) => (isReal(v) ? i : -1)).filter((i) => i >= 0);
        p2 = take(p, realIdx[worstIndex(realIdx.map((i) => p[i]))]);
      } else {
        p2 = cConj(p1);
      }
      if (z.length === 0) {
        sos[si] = section([], [p1, p2]);
        continue;
      }
      const z1 = take(z, nearestIndex(z, p1, 'any'));
      if (!isReal(z1)) sos[si] = section([z1, cConj(z1)], [p1, p2]);
      else if (z.length > 0) sos[si] = section([z1, take(z, nearestIndex(z, p1, 'real'))], [p1, p2]);
      else sos[si] = section([z1], [p1, p2]);
    }
  }
  for (let i = 0; i < 3; i++) sos[0][i] *= gain;
  return sos;
}
