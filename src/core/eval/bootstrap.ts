/**
 * Bias-corrected and accelerated (BCa) bootstrap confidence intervals (Efron 1987; as scipy.stats.bootstrap's
 * default). Resampling is over cases; `statistic` receives the indices of one resample.
 */
import { BOOTSTRAP_RESAMPLES } from '../constants';

export interface Interval {
  estimate: number;
  low: number;
  high: number;
  level: number;
  resamples: number;
}

export function bcaInterval(
  n: number,
  statistic: (indices: Int32Array) => number,
  opts: { resamples?: number; level?: number; random: () => number },
): Interval {
  const B = opts.resamples ?? BOOTSTRAP_RESAMPLES;
  const level = opts.level ?? 0.95;
  const all = Int32Array.from({ length: n }, (_, i) => i);
  const estimate = statistic(all);
  const boot: number[] = [];
  const idx = new Int32Array(n);
  for (let b = 0; b < B; b++) {
    for (let i = 0; i < n; i++) idx[i] = Math.floor(opts.random() * n);
    const v = statistic(idx);
    if (Number.isFinite(v)) boot.push(v);
  }
  boot.sort((a, b) => a - b);
  // Bias correction: how often the bootstrap falls below the estimate.
  const below = boot.filter((v) => v < estimate).length + 0.5 * boot.filter((v) => v === estimate).length;
  const z0 = normInv(Math.min(1 - 1e-9, Math.max(1e-9, below / boot.length)));
  // Acceleration from the jackknife.
  const jack: number[] = [];
  const leaveOne = new Int32Array(n - 1);
  for (let i = 0; i < n; i++) {
    for (let k = 0, j = 0; k < n; k++) if (k !== i) leaveOne[j++] = k;
    jack.push(statistic(leaveOne));
  }
  const finiteJack = jack.filter(Number.isFinite);
  const mean = finiteJack.reduce((a, b) => a + b, 0) / finiteJack.length;
  let num = 0;
  let den = 0;
  for (const v of finiteJack) {
    const d = mean - v;
    num += d ** 3;
    den += d ** 2;
  }
  const a = den === 0 ? 0 : num / (6 * den ** 1.5);
  const alpha = (1 - level) / 2;
  const adjusted = (z: number) => normCdf(z0 + (z0 + z) / (1 - a * (z0 + z)));
  const pick = (p: number) => boot[Math.min(boot.length - 1, Math.max(0, Math.floor(p * (boot.length - 1) + 0.5)))];
  return { estimate, low: pick(adjusted(normInv(alpha))), high: pick(adjusted(normInv(1 - alpha))), level, resamples: boot.length };
}

/** Standard normal CDF (Abramowitz–Stegun 7.1.26 erf, |error| < 1.5e-7). */
export function normCdf(z: number): number {
  const t = 1 / (1 + (0.3275911 * Math.abs(z)) / Math.SQRT2);
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-(z * z) / 2);
  return z >= 0 ? 0.5 * (1 + y) : 0.5 * (1 - y);
}

/** Inverse standard normal CDF (Acklam's rational approximation, relative error < 1.2e-9). */
export function normInv(p: number): number {
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const lo = 0.02425;
  if (p < lo) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  if (p > 1 - lo) return -normInv(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}
