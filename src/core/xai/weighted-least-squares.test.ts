import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../random';
import { weightedLeastSquares } from './weighted-least-squares';

/** y = X β exactly for a random design; returns the pieces. */
function problem(rows: number, p: number, seed: number) {
  const r = mulberry32(seed);
  const X = Float64Array.from({ length: rows * p }, () => r() - 0.5);
  const beta = Float64Array.from({ length: p }, (_, j) => j - p / 2);
  const y = Float64Array.from({ length: rows }, (_, i) => beta.reduce((a, b, j) => a + X[i * p + j] * b, 0));
  const w = Array.from({ length: rows }, () => 0.1 + r());
  return { X, beta, y, w };
}

describe('weighted least squares', () => {
  it('recovers β exactly for a consistent system, for several targets at once', () => {
    const { X, beta, y, w } = problem(30, 6, 1);
    const y2 = y.map((v) => 2 * v);
    const fit = weightedLeastSquares(X, 30, 6, [y, y2], w);
    expect(fit.regularised).toBe(false);
    for (let j = 0; j < 6; j++) {
      expect(fit.coef[0][j]).toBeCloseTo(beta[j], 10);
      expect(fit.coef[1][j]).toBeCloseTo(2 * beta[j], 10);
    }
  });

  it('matches the weighted normal equations on a noisy 2-parameter fit (a line through weighted points)', () => {
    // Points (0, 0) w 1, (1, 1) w 1, (2, 4) w 2; fit y = a + b t. Normal equations: [4 5; 5 9] [a b] = [9 17].
    const X = Float64Array.from([1, 0, 1, 1, 1, 2]);
    const fit = weightedLeastSquares(X, 3, 2, [Float64Array.from([0, 1, 4])], [1, 1, 2]);
    const det = 4 * 9 - 5 * 5;
    expect(fit.coef[0][0]).toBeCloseTo((9 * 9 - 5 * 17) / det, 12);
    expect(fit.coef[0][1]).toBeCloseTo((4 * 17 - 5 * 9) / det, 12);
  });

  it('ridge shrinks penalised columns only: one column, closed form β = Σwxy / (Σwx² + λ)', () => {
    const X = Float64Array.from([1, 1, 2, 1, 3, 1]);
    const y = Float64Array.from([1, 3, 2]);
    const fit = weightedLeastSquares(X, 3, 2, [y], [1, 1, 1], { ridge: 0.5, unpenalised: [1] });
    // Centre (the intercept is free): x̄ = 2, ȳ = 2; Σ(x−x̄)(y−ȳ) = 1, Σ(x−x̄)² = 2.
    expect(fit.coef[0][0]).toBeCloseTo(1 / 2.5, 12);
    expect(fit.coef[0][1]).toBeCloseTo(2 - 2 * (1 / 2.5), 12);
  });

  it('under-determined: falls back to a tiny ridge, says so, and still fits the data', () => {
    const { X, y, w } = problem(4, 10, 2);
    const fit = weightedLeastSquares(X, 4, 10, [y], w);
    expect(fit.regularised).toBe(true);
    expect(fit.ridge).toBeGreaterThan(0);
    for (let i = 0; i < 4; i++) {
      const yhat = fit.coef[0].reduce((a, b, j) => a + X[i * 10 + j] * b, 0);
      expect(yhat).toBeCloseTo(y[i], 5);
    }
  });

  it('collinear columns (duplicate) also fall back; mis-sized inputs are refused', () => {
    const X = Float64Array.from([1, 1, 2, 2, 3, 3]);
    const fit = weightedLeastSquares(X, 3, 2, [Float64Array.from([2, 4, 6])], [1, 1, 1]);
    expect(fit.regularised).toBe(true);
    expect(fit.coef[0][0]).toBeCloseTo(1, 5); // minimum norm: the weight split evenly
    expect(fit.coef[0][1]).toBeCloseTo(1, 5);
    expect(() => weightedLeastSquares(X, 3, 3, [Float64Array.from([1, 2, 3])], [1, 1, 1])).toThrow('expected 3 × 3');
    expect(() => weightedLeastSquares(X, 3, 2, [Float64Array.from([1, 2])], [1, 1, 1])).toThrow(
      'a target has 2 values',
    );
    expect(() => weightedLeastSquares(X, 3, 2, [Float64Array.from([1, 2, 3])], [1, -1, 1])).toThrow(
      'weights must be ≥ 0',
    );
  });
});
