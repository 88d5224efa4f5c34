import type { ExplainParams } from '../core/xai/catalogue';

/** Upper bounds that keep one request from asking the browser for hours of work by mistake. */
const LIMITS = { steps: 1000, noiseSamples: 1000, samples: 20000, batchSize: 4096, segmentMs: 400 } as const;

const COUNT_FIELDS = ['steps', 'noiseSamples', 'samples', 'batchSize'] as const;

/**
 * Checks explain parameters that crossed the worker boundary (untyped there). Returns the params, or a
 * message that names the field and what was expected.
 */
export function parseExplainParams(raw: unknown): ExplainParams | string {
  if (raw === undefined) return {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return 'expected "params", an object';
  const m = raw as Record<string, unknown>;
  const out: ExplainParams = {};
  for (const f of COUNT_FIELDS) {
    const v = m[f];
    if (v === undefined) continue;
    const min = f === 'noiseSamples' ? 0 : 1;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > LIMITS[f]) return `params.${f}: expected an integer from ${min} to ${LIMITS[f]}, got ${String(v)}`;
    out[f] = v;
  }
  if (m.sigma !== undefined) {
    if (typeof m.sigma !== 'number' || !Number.isFinite(m.sigma) || m.sigma < 0 || m.sigma > 10) return `params.sigma: expected a number from 0 to 10, got ${String(m.sigma)}`;
    out.sigma = m.sigma;
  }
  if (m.segmentMs !== undefined) {
    if (typeof m.segmentMs !== 'number' || !Number.isFinite(m.segmentMs) || m.segmentMs <= 0 || m.segmentMs > LIMITS.segmentMs) {
      return `params.segmentMs: expected a number of ms in (0, ${LIMITS.segmentMs}], got ${String(m.segmentMs)}`;
    }
    out.segmentMs = m.segmentMs;
  }
  if (m.seed !== undefined) {
    if (typeof m.seed !== 'number' || !Number.isInteger(m.seed)) return `params.seed: expected an integer, got ${String(m.seed)}`;
    out.seed = m.seed;
  }
  if (m.rule !== undefined) {
    if (m.rule !== 'gausslegendre' && m.rule !== 'riemann_trapezoid') return `params.rule: expected gausslegendre or riemann_trapezoid, got ${String(m.rule)}`;
    out.rule = m.rule;
  }
  if (m.grouping !== undefined) {
    if (m.grouping !== 'lead-time' && m.grouping !== 'time') return `params.grouping: expected lead-time or time, got ${String(m.grouping)}`;
    out.grouping = m.grouping;
  }
  if (m.sigmaUnit !== undefined) {
    if (m.sigmaUnit !== 'absolute' && m.sigmaUnit !== 'relative') return `params.sigmaUnit: expected absolute or relative, got ${String(m.sigmaUnit)}`;
    out.sigmaUnit = m.sigmaUnit;
  }
  const unknown = Object.keys(m).filter((k) => !(k in out) && m[k] !== undefined && ![...COUNT_FIELDS, 'sigma', 'segmentMs', 'seed', 'rule', 'sigmaUnit', 'grouping'].includes(k));
  if (unknown.length > 0) return `params: unknown field${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}`;
  return out;
}
