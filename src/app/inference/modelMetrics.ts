/** A metric with its 95% interval, as scripts/train.ts writes it into metrics.json. */
export interface MetricEstimate {
  estimate: number;
  low: number;
  high: number;
}

/** The few numbers the panel shows about the model: held-out test performance. */
export interface ModelMetrics {
  test: { n: number; auroc: MetricEstimate | null; accuracy: MetricEstimate | null };
}

function estimate(x: unknown): MetricEstimate | null {
  if (typeof x !== 'object' || x === null) return null;
  const { estimate, low, high } = x as Record<string, unknown>;
  return [estimate, low, high].every((v) => typeof v === 'number' && Number.isFinite(v))
    ? { estimate: estimate as number, low: low as number, high: high as number }
    : null;
}

/**
 * Reads metrics.json leniently: it is informative, not needed, so an unknown shape gives null (and the
 * panel simply shows no metrics) rather than an error.
 */
export function parseModelMetrics(json: unknown): ModelMetrics | null {
  const test = (json as { metrics?: { test?: Record<string, unknown> } } | null)?.metrics?.test;
  if (typeof test !== 'object' || test === null || typeof test.n !== 'number') return null;
  const auroc = estimate(test.auroc);
  const accuracy = estimate(test.accuracy);
  return auroc || accuracy ? { test: { n: test.n, auroc, accuracy } } : null;
}
