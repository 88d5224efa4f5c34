/**
 * Path-integral quadrature rules as captum defines them (captum/attr/_utils/approximation_methods.py):
 * `alphas` are the points on the straight path from baseline (0) to input (1), `weights` multiply the
 * gradients there. Both sum to 1, so a constant gradient (a linear model) is integrated exactly.
 */
export type IntegrationRule = 'gausslegendre' | 'riemann_trapezoid';

export interface Quadrature {
  alphas: Float64Array;
  weights: Float64Array;
}

export function quadrature(rule: IntegrationRule, steps: number): Quadrature {
  if (!Number.isInteger(steps) || steps < 2) throw new Error(`steps must be an integer ≥ 2, got ${steps}`);
  return rule === 'gausslegendre' ? gaussLegendre(steps) : riemannTrapezoid(steps);
}

/** captum riemann_trapezoid: alphas = linspace(0, 1, n), weights 1/(n−1) with the two ends halved. */
function riemannTrapezoid(n: number): Quadrature {
  const alphas = Float64Array.from({ length: n }, (_, i) => i / (n - 1));
  const weights = new Float64Array(n).fill(1 / (n - 1));
  weights[0] = weights[n - 1] = 1 / (2 * (n - 1));
  return { alphas, weights };
}

/**
 * captum gausslegendre: numpy's leggauss(n) nodes x and weights w on [−1, 1], mapped to [0, 1]:
 * alphas = (x + 1) / 2, weights = w / 2. Nodes by Newton's method on the Legendre polynomial P_n.
 */
function gaussLegendre(n: number): Quadrature {
  const x = new Float64Array(n);
  const w = new Float64Array(n);
  for (let i = 0; i < Math.ceil(n / 2); i++) {
    let z = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5)); // Tricomi's initial guess for the i-th largest root
    let dp = 0;
    for (let iter = 0; iter < 100; iter++) {
      let p0 = 1;
      let p1 = z;
      for (let k = 2; k <= n; k++) [p0, p1] = [p1, ((2 * k - 1) * z * p1 - (k - 1) * p0) / k];
      dp = (n * (z * p1 - p0)) / (z * z - 1); // P_n'(z)
      const dz = p1 / dp;
      z -= dz;
      if (Math.abs(dz) < 1e-15) break;
    }
    x[i] = -z;
    x[n - 1 - i] = z;
    w[i] = w[n - 1 - i] = 2 / ((1 - z * z) * dp * dp);
  }
  return { alphas: x.map((v) => (v + 1) / 2), weights: w.map((v) => v / 2) };
}
