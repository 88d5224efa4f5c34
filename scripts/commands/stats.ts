import { type BootstrapMethod, bootstrapMean } from '../../src/core/eval/bootstrap';
import { EvalError, describeValue } from '../../src/core/eval/eval-error';

export interface StatsArgs {
  method?: string;
  resamples?: string;
  confidence?: string;
  seed?: string;
}

/**
 * `cli stats bootstrap [--method bca|percentile] [--resamples 2000] [--confidence 0.95] [--seed S]`: stdin a JSON
 * array of numbers → `{ mean, low, high }`, the bootstrap interval of their mean (src/core/eval/bootstrap.ts;
 * resampling by mulberry32 from the seed, default 0, so a rerun prints the same interval).
 */
export function statsBootstrapCommand(stdin: string, a: StatsArgs) {
  let values: unknown;
  try {
    values = JSON.parse(stdin);
  } catch (e) {
    throw new EvalError('bad-json', `stdin is not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  if (!Array.isArray(values))
    throw new EvalError('bad-input', `expected a JSON array of numbers on stdin, got ${describeValue(values)}`);
  const method = a.method ?? 'bca';
  if (method !== 'bca' && method !== 'percentile')
    throw new EvalError('bad-input', `--method must be bca or percentile, got "${method}"`, 'method');
  return bootstrapMean(values as number[], {
    method: method as BootstrapMethod,
    resamples: numberFlag(a.resamples, 'resamples'),
    confidence: numberFlag(a.confidence, 'confidence'),
    seed: numberFlag(a.seed, 'seed'),
  });
}

function numberFlag(v: string | undefined, name: string): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n))
    throw new EvalError('bad-input', `--${name} must be a number, got "${v}"`, name);
  return n;
}
