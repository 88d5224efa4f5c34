/**
 * Bootstrap confidence intervals over cases: BCa (Efron 1987, as scipy.stats.bootstrap's default) and percentile.
 * `statistic` receives the indices of one resample. The interval endpoints follow scipy 1.10 exactly for a given
 * bootstrap distribution (bias z0 from the 'mean' percentile of the estimate, acceleration from the jackknife,
 * np.percentile's linear interpolation), which `bootstrap.test.ts` checks against scipy itself.
 */
import { BOOTSTRAP_RESAMPLES } from '../constants';
import { quantileSorted } from '../quantile';
import { mulberry32 } from '../random';
import { EvalError, describeValue } from './eval-error';

export interface Interval {
  estimate: number;
  low: number;
  high: number;
  level: number;
  resamples: number;
}

export type BootstrapMethod = 'bca' | 'percentile';

interface BootstrapOptions {
  resamples?: number;
  level?: number;
  random: () => number;
}

/** The sorted bootstrap distribution: B resamples of n indices drawn as floor(random() · n), b-major. */
export function bootstrapDistribution(
  n: number,
  statistic: (indices: Int32Array) => number,
  resamples: number,
  random: () => number,
): Float64Array {
  const boot: number[] = [];
  const idx = new Int32Array(n);
  for (let b = 0; b < resamples; b++) {
    for (let i = 0; i < n; i++) idx[i] = Math.floor(random() * n);
    const v = statistic(idx);
    if (Number.isFinite(v)) boot.push(v);
  }
  return Float64Array.from(boot).sort();
}

// Percentile intervals read the sorted distribution with np.percentile's default ('linear', type 7).
export { quantileSorted } from '../quantile';

export function bcaInterval(n: number, statistic: (indices: Int32Array) => number, opts: BootstrapOptions): Interval {
  const B = opts.resamples ?? BOOTSTRAP_RESAMPLES;
  const level = opts.level ?? 0.95;
  const estimate = statistic(Int32Array.from({ length: n }, (_, i) => i));
  const boot = bootstrapDistribution(n, statistic, B, opts.random);
  // Bias correction: the share of the distribution below the estimate, ties counted half (scipy's 'mean' kind).
  let below = 0;
  for (const v of boot) below += v < estimate ? 1 : v === estimate ? 0.5 : 0;
  const z0 = normInv(Math.min(1 - 1e-12, Math.max(1e-12, below / boot.length)));
  const a = jackknifeAcceleration(n, statistic);
  const alpha = (1 - level) / 2;
  const adjusted = (z: number) => normCdf(z0 + (z0 + z) / (1 - a * (z0 + z)));
  return {
    estimate,
    level,
    resamples: boot.length,
    low: quantileSorted(boot, adjusted(normInv(alpha))),
    high: quantileSorted(boot, adjusted(normInv(1 - alpha))),
  };
}

/** The percentile interval: the α/2 and 1 − α/2 quantiles of the bootstrap distribution. */
export function percentileInterval(
  n: number,
  statistic: (indices: Int32Array) => number,
  opts: BootstrapOptions,
): Interval {
  const B = opts.resamples ?? BOOTSTRAP_RESAMPLES;
  const level = opts.level ?? 0.95;
  const estimate = statistic(Int32Array.from({ length: n }, (_, i) => i));
  const boot = bootstrapDistribution(n, statistic, B, opts.random);
  const alpha = (1 - level) / 2;
  return {
    estimate,
    level,
    resamples: boot.length,
    low: quantileSorted(boot, alpha),
    high: quantileSorted(boot, 1 - alpha),
  };
}

/** Acceleration â = Σ d³ / (6 (Σ d²)^1.5), d = mean of the leave-one-out statistics − each of them (0 when flat). */
function jackknifeAcceleration(n: number, statistic: (indices: Int32Array) => number): number {
  const jack: number[] = [];
  const leaveOne = new Int32Array(n - 1);
  for (let i = 0; i < n; i++) {
    for (let k = 0, j = 0; k < n; k++) if (k !== i) leaveOne[j++] = k;
    jack.push(statistic(leaveOne));
  }
  const finite = jack.filter(Number.isFinite);
  const mean = finite.reduce((s, v) => s + v, 0) / finite.length;
  let num = 0;
  let den = 0;
  for (const v of finite) {
    const d = mean - v;
    num += d ** 3;
    den += d ** 2;
  }
  return den === 0 ? 0 : num / (6 * den ** 1.5);
}

/**
 * The interval of a mean, as `cli stats bootstrap` and the tables use it: values summed in resample order, seeded
 * mulberry32 resampling. Needs at least 2 finite values.
 */
export function bootstrapMean(
  values: readonly number[],
  opts: { method?: BootstrapMethod; resamples?: number; confidence?: number; seed?: number } = {},
): { mean: number; low: number; high: number } {
  if (values.length < 2) throw new EvalError('bad-input', `a bootstrap needs at least 2 values, got ${values.length}`);
  const bad = values.findIndex((v) => typeof v !== 'number' || !Number.isFinite(v));
  if (bad >= 0)
    throw new EvalError('bad-input', `value ${bad} is ${describeValue(values[bad])}, not a finite number`, `[${bad}]`);
  const resamples = opts.resamples ?? BOOTSTRAP_RESAMPLES;
  if (!Number.isInteger(resamples) || resamples < 10)
    throw new EvalError('bad-input', `resamples must be an integer ≥ 10, got ${resamples}`, 'resamples');
  const level = opts.confidence ?? 0.95;
  if (!(level > 0 && level < 1))
    throw new EvalError('bad-input', `confidence must lie strictly between 0 and 1, got ${level}`, 'confidence');
  const method = opts.method ?? 'bca';
  const mean = (idx: Int32Array) => {
    let s = 0;
    for (let i = 0; i < idx.length; i++) s += values[idx[i]];
    return s / idx.length;
  };
  const o = { resamples, level, random: mulberry32(opts.seed ?? 0) };
  const r = method === 'bca' ? bcaInterval(values.length, mean, o) : percentileInterval(values.length, mean, o);
  return { mean: r.estimate, low: r.low, high: r.high };
}

/**
 * Standard normal CDF to double precision: Marsaglia's (2004) Taylor series of Φ − ½ for |z| < 3, and in the
 * tails the continued fraction of Mills' ratio (Φ(−x) = φ(x) / (x + 1/(x + 2/(x + …)))), which keeps the relative
 * accuracy of tiny tail probabilities that ½ + series would lose.
 */
export function normCdf(z: number): number {
  if (z < -38) return 0;
  if (z > 38) return 1;
  if (Math.abs(z) >= 3) {
    const x = Math.abs(z);
    let f = x;
    for (let k = 300; k >= 1; k--) f = x + k / f;
    const tail = Math.exp(-0.5 * x * x - 0.9189385332046728) / f;
    return z < 0 ? tail : 1 - tail;
  }
  let s = z;
  let t = 0;
  let b = z;
  const q = z * z;
  for (let i = 1; s !== t;) s = (t = s) + (b *= q / (i += 2));
  return 0.5 + s * Math.exp(-0.5 * q - 0.9189385332046728);
}

/** Inverse standard normal CDF: Acklam's rational approximation (relative error < 1.2e-9), one Halley step on normCdf. */
export function normInv(p: number): number {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  const x = acklam(p);
  const e = normCdf(x) - p;
  const u = e * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
  return x - u / (1 + (x * u) / 2);
}

function acklam(p: number): number {
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239,
  ];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const lo = 0.02425;
  if (p < lo) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    );
  }
  if (p > 1 - lo) return -acklam(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
    (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
  );
}
