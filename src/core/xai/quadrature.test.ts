import { describe, expect, it } from 'vitest';
import { quadrature } from './quadrature';

describe('quadrature (captum rules)', () => {
  it('Gauss–Legendre n = 3: nodes 0.5 ± √(3/5)/2, weights 5/18, 8/18, 5/18 (textbook values)', () => {
    const q = quadrature('gausslegendre', 3);
    expect(q.alphas[0]).toBeCloseTo(0.5 - Math.sqrt(3 / 5) / 2, 14);
    expect(q.alphas[1]).toBeCloseTo(0.5, 14);
    expect(q.weights[0]).toBeCloseTo(5 / 18, 14);
    expect(q.weights[1]).toBeCloseTo(8 / 18, 14);
  });
  it('Gauss–Legendre n = 50 integrates a degree-99 polynomial exactly; weights sum to 1', () => {
    const q = quadrature('gausslegendre', 50);
    expect(q.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 13);
    const f = (a: number) => 100 * a ** 99; // ∫₀¹ = 1
    expect(q.alphas.reduce((s, a, i) => s + q.weights[i] * f(a), 0)).toBeCloseTo(1, 10);
    expect(Array.from(q.alphas).every((a, i) => i === 0 || a > q.alphas[i - 1])).toBe(true);
  });
  it('Riemann trapezoid n = 5: alphas 0..1 by 1/4, weights 1/8, 1/4, 1/4, 1/4, 1/8', () => {
    const q = quadrature('riemann_trapezoid', 5);
    expect(Array.from(q.alphas)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(Array.from(q.weights)).toEqual([0.125, 0.25, 0.25, 0.25, 0.125]);
  });
  it('refuses fewer than 2 steps', () => expect(() => quadrature('gausslegendre', 1)).toThrow('steps must be'));
});
