import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseModelMetrics } from './modelMetrics';

const SHIPPED = new URL('../../../models/ecg12/metrics.json', import.meta.url);

describe('parseModelMetrics', () => {
  it('reads test n, AUROC and accuracy with their intervals', () => {
    const auroc = { estimate: 0.86, low: 0.79, high: 0.91 };
    const accuracy = { estimate: 0.77, low: 0.69, high: 0.82 };
    const json = {
      metrics: { test: { n: 154, auroc: { ...auroc, level: 0.95, resamples: 2000 }, accuracy, confusion: {} } },
    };
    expect(parseModelMetrics(json)).toEqual({ test: { n: 154, auroc, accuracy } });
  });

  it('gives null for shapes it does not know, rather than failing', () => {
    for (const x of [
      null,
      3,
      {},
      { metrics: {} },
      { metrics: { test: { n: 'x' } } },
      { metrics: { test: { n: 5, auroc: { estimate: NaN } } } },
    ]) {
      expect(parseModelMetrics(x)).toBeNull();
    }
  });

  it.runIf(existsSync(SHIPPED))('understands the metrics.json shipped with the model', () => {
    const m = parseModelMetrics(JSON.parse(readFileSync(SHIPPED, 'utf8')));
    expect(m?.test.n).toBeGreaterThan(0);
    expect(m?.test.auroc?.estimate).toBeGreaterThan(0.5);
  });
});
