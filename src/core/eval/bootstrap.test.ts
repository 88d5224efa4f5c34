import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bootstrapMean, normCdf, normInv, quantileSorted } from './bootstrap';

/** Written by scripts/reference/bootstrap_reference.py with SciPy 1.10 (see its docstring). */
const ref = JSON.parse(readFileSync(join(__dirname, '__fixtures__', 'bootstrap-reference.json'), 'utf8')) as {
  samples: Record<string, number[]>;
  sameDistribution: {
    sample: string;
    seed: number;
    resamples: number;
    confidence: number;
    mean: number;
    bca: [number, number];
    percentile: [number, number];
  }[];
  scipyOwnRng: {
    sample: string;
    resamples: number;
    bca: [number, number];
    bcaSpread: [number, number];
    percentile: [number, number];
    percentileSpread: [number, number];
  }[];
};

const close = (a: number, b: number, tol: number) => expect(Math.abs(a - b), `${a} vs ${b}`).toBeLessThanOrEqual(tol);

describe('normal quantiles to double precision', () => {
  it('Φ and Φ⁻¹ against known values (scipy.special.ndtr / ndtri)', () => {
    close(normCdf(1.959963984540054), 0.975, 1e-15);
    close(normCdf(-3), 0.0013498980316300933, 1e-15);
    close(normInv(0.025), -1.9599639845400545, 1e-13);
    close(normInv(0.9999), 3.719016485455709, 1e-12);
    close(normInv(1e-10), -6.361340902404056, 1e-9);
  });
  it('np.percentile linear interpolation', () => {
    expect(quantileSorted([1, 2, 4, 8], 0.5)).toBe(3);
    expect(quantileSorted([1, 2, 4, 8], 0.9)).toBeCloseTo(6.8, 12);
  });
});

describe('bootstrap of a mean against scipy.stats.bootstrap', () => {
  it.each(ref.sameDistribution.map((r) => [r.sample, r.seed, r.confidence, r] as const))(
    "same bootstrap distribution (%s, seed %d, %f): BCa and percentile equal SciPy's to 1e-9",
    (_s, _seed, _c, r) => {
      const x = ref.samples[r.sample];
      const o = { seed: r.seed, resamples: r.resamples, confidence: r.confidence };
      const bca = bootstrapMean(x, { ...o, method: 'bca' });
      const pct = bootstrapMean(x, { ...o, method: 'percentile' });
      close(bca.mean, r.mean, 1e-12);
      close(bca.low, r.bca[0], 1e-9 * Math.abs(r.bca[0]));
      close(bca.high, r.bca[1], 1e-9 * Math.abs(r.bca[1]));
      close(pct.low, r.percentile[0], 1e-9 * Math.abs(r.percentile[0]));
      close(pct.high, r.percentile[1], 1e-9 * Math.abs(r.percentile[1]));
    },
  );

  it('the skewed sample separates BCa from percentile by far more than the tolerance, so a percentile bootstrap fails', () => {
    const r = ref.sameDistribution.find((d) => d.sample === 'skewed' && d.confidence === 0.95)!;
    expect(r.bca[1] - r.percentile[1]).toBeGreaterThan(3); // 9.79 vs 6.40
    expect(r.bca[0] - r.percentile[0]).toBeGreaterThan(0.1); // 0.86 vs 0.69
  });

  it.each(ref.scipyOwnRng.map((r) => [r.sample, r] as const))(
    'independent resampling (%s, 100 000 resamples each): ours within 2× the range of 8 SciPy runs of their mean',
    (_s, r) => {
      const x = ref.samples[r.sample];
      const ours = bootstrapMean(x, { method: 'bca', resamples: r.resamples, seed: 1 });
      const tolLow = 2 * r.bcaSpread[0];
      const tolHigh = 2 * r.bcaSpread[1];
      close(ours.low, r.bca[0], tolLow);
      close(ours.high, r.bca[1], tolHigh);
      if (r.sample === 'skewed') {
        // What a percentile bootstrap would give is far outside that tolerance.
        expect(Math.abs(r.percentile[1] - r.bca[1])).toBeGreaterThan(20 * tolHigh);
        expect(Math.abs(r.percentile[0] - r.bca[0])).toBeGreaterThan(10 * tolLow);
      }
    },
  );

  it('bad input is refused with a message', () => {
    expect(() => bootstrapMean([1])).toThrow('at least 2 values');
    expect(() => bootstrapMean([1, Number.NaN])).toThrow('value 1 is NaN, not a finite number');
    expect(() => bootstrapMean([1, 2], { confidence: 1.5 })).toThrow('confidence');
    expect(() => bootstrapMean([1, 2], { resamples: 2.5 })).toThrow('resamples');
  });
});
