import type { ExplainParams } from '../core/xai/catalogue';
import { checkExplainParams, describeParamProblems } from '../core/xai/explain-params';

/**
 * Checks explain parameters that crossed the worker boundary (untyped there) with the core's one schema
 * (src/core/xai/explain-params.ts). Returns the params, or a message that names the field and what was expected.
 */
export function parseExplainParams(raw: unknown): ExplainParams | string {
  const r = checkExplainParams(raw);
  return r.ok ? r.params : describeParamProblems(r.problems, (f) => `params.${f}`);
}
