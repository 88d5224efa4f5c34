/**
 * Weighted linear least squares for the perturbation methods (Kernel SHAP, LIME): minimise
 *   Σ_r w_r (y_r − X_r·β)² + λ Σ_{j penalised} β_j²
 * for several right-hand sides y at once (one per class; the design X is shared).
 *
 * Solved by Householder QR of the stacked matrix [√W·X ; √λ·I_penalised] rather than by the normal equations,
 * because the Kernel SHAP design with the default budget is nearly square (100 rows, 95 unknowns) and forming
 * XᵀWX would square its condition number. Everything is float64.
 */
export interface WlsOptions {
  /** λ ≥ 0; 0 = ordinary weighted least squares. */
  ridge?: number;
  /** Columns left out of the penalty (an intercept). */
  unpenalised?: number[];
  /**
   * When the problem is rank-deficient (fewer rows than unknowns, duplicate or collinear rows) and λ = 0, retry
   * with this tiny ridge relative to the mean diagonal of XᵀWX: it picks (close to) the minimum-norm solution
   * instead of failing, as shap falls back to lstsq when its normal equations are singular.
   */
  fallbackRidge?: number;
}

export interface WlsResult {
  /** β per right-hand side. */
  coef: Float64Array[];
  /** The λ actually used (the fallback's when it was needed). */
  ridge: number;
  /** True when λ = 0 was asked for but the problem was rank-deficient, so the fallback ridge was used. */
  regularised: boolean;
}

/** X is row-major, `rows` × `p`. */
export function weightedLeastSquares(
  X: Float64Array,
  rows: number,
  p: number,
  ys: Float64Array[],
  weights: ArrayLike<number>,
  options: WlsOptions = {},
): WlsResult {
  const ridge = options.ridge ?? 0;
  const unpen = new Set(options.unpenalised ?? []);
  if (X.length !== rows * p) throw new Error(`design matrix has ${X.length} values, expected ${rows} × ${p}`);
  if (weights.length !== rows) throw new Error(`${weights.length} weights for ${rows} rows`);
  for (const y of ys) if (y.length !== rows) throw new Error(`a target has ${y.length} values for ${rows} rows`);
  if (!(ridge >= 0)) throw new Error(`ridge must be ≥ 0, got ${ridge}`);
  for (let r = 0; r < rows; r++)
    if (!(weights[r] >= 0)) throw new Error(`weights must be ≥ 0, got ${weights[r]} at row ${r}`);

  const first = solveQr(X, rows, p, ys, weights, ridge, unpen);
  if (first) return { coef: first, ridge, regularised: false };
  if (ridge > 0) throw new Error('weighted least squares: the unpenalised columns are rank-deficient');
  // Scale the fallback to the data so that it is equally "tiny" for any units of X.
  let diag = 0;
  let count = 0;
  for (let j = 0; j < p; j++) {
    if (unpen.has(j)) continue;
    for (let r = 0; r < rows; r++) diag += weights[r] * X[r * p + j] ** 2;
    count++;
  }
  const lambda = (options.fallbackRidge ?? 1e-8) * Math.max(diag / Math.max(count, 1), Number.MIN_VALUE);
  const second = solveQr(X, rows, p, ys, weights, lambda, unpen);
  if (!second) throw new Error('weighted least squares: the unpenalised columns are rank-deficient');
  return { coef: second, ridge: lambda, regularised: true };
}

/** Householder QR least squares; null when R has a (numerically) zero pivot, i.e. the problem is rank-deficient. */
function solveQr(
  X: Float64Array,
  rows: number,
  p: number,
  ys: Float64Array[],
  weights: ArrayLike<number>,
  ridge: number,
  unpen: Set<number>,
): Float64Array[] | null {
  const pen = ridge > 0 ? [...Array(p).keys()].filter((j) => !unpen.has(j)) : [];
  const m = rows + pen.length;
  if (m < p) return null;
  // Column-major copy of the stacked system, so the inner loops run over contiguous memory.
  const A = new Float64Array(m * p);
  const B = ys.map(() => new Float64Array(m));
  for (let r = 0; r < rows; r++) {
    const s = Math.sqrt(weights[r]);
    for (let j = 0; j < p; j++) A[j * m + r] = s * X[r * p + j];
    ys.forEach((y, k) => (B[k][r] = s * y[r]));
  }
  const sl = Math.sqrt(ridge);
  pen.forEach((j, i) => (A[j * m + rows + i] = sl));

  const diag = new Float64Array(p);
  const v = new Float64Array(m);
  for (let j = 0; j < p; j++) {
    let norm = 0;
    for (let i = j; i < m; i++) norm += A[j * m + i] ** 2;
    norm = Math.sqrt(norm);
    if (norm === 0) return null;
    const alpha = A[j * m + j] > 0 ? -norm : norm;
    let vn = 0;
    for (let i = j; i < m; i++) ((v[i] = A[j * m + i] - (i === j ? alpha : 0)), (vn += v[i] ** 2));
    const reflect = (col: Float64Array, off: number) => {
      let s = 0;
      for (let i = j; i < m; i++) s += v[i] * col[off + i];
      s = (2 * s) / vn;
      for (let i = j; i < m; i++) col[off + i] -= s * v[i];
    };
    if (vn > 0) {
      for (let c = j + 1; c < p; c++) reflect(A, c * m);
      for (const b of B) reflect(b, 0);
    }
    diag[j] = alpha;
    A[j * m + j] = alpha;
  }
  // Relative pivot test: a pivot this small means a column is (numerically) a combination of the others.
  const maxDiag = Math.max(...diag.map(Math.abs));
  if (diag.some((d) => Math.abs(d) <= 1e-10 * maxDiag)) return null;

  return B.map((b) => {
    const beta = new Float64Array(p);
    for (let j = p - 1; j >= 0; j--) {
      let s = b[j];
      for (let c = j + 1; c < p; c++) s -= A[c * m + j] * beta[c];
      beta[j] = s / diag[j];
    }
    return beta;
  });
}
