/**
 * The one schema for explanation parameters (valibot), with limits and NaN checks. Used where parameters arrive:
 * the worker (untyped messages from the page), the core's `explainWindow` (every caller: CLI, evaluation, bench)
 * and the CLI (`cli explain` options). Each caller words the problem its own way (`params.steps` for the worker,
 * `--steps` for the CLI) from the same field, allowed range and rejected value.
 */
import * as v from 'valibot';
import { CodedError } from '../errors';
import type { ExplainParams } from './catalogue';

/** Upper bounds that keep one request from asking for hours of work by mistake. */
export const EXPLAIN_PARAM_LIMITS = {
  steps: 1000,
  noiseSamples: 1000,
  samples: 20000,
  batchSize: 4096,
  sigma: 10,
  segmentMs: 400,
} as const;

const L = EXPLAIN_PARAM_LIMITS;
/** An integer in [min, max]; the message is what was expected ("an integer from 1 to 1000"). */
const integer = (min: number, max: number) => {
  const expected = `an integer from ${min} to ${max}`;
  return v.optional(
    v.pipe(v.number(expected), v.integer(expected), v.minValue(min, expected), v.maxValue(max, expected)),
  );
};
const oneOf = <const T extends readonly string[]>(options: T) => v.optional(v.picklist(options, options.join(' or ')));

export const ExplainParamsSchema = v.strictObject({
  steps: integer(1, L.steps),
  rule: oneOf(['gausslegendre', 'riemann_trapezoid']),
  noiseSamples: integer(0, L.noiseSamples),
  sigma: v.optional(
    v.pipe(
      v.number(`a number from 0 to ${L.sigma}`),
      v.minValue(0, `a number from 0 to ${L.sigma}`),
      v.maxValue(L.sigma, `a number from 0 to ${L.sigma}`),
    ),
  ),
  sigmaUnit: oneOf(['absolute', 'relative']),
  samples: integer(1, L.samples),
  segmentMs: v.optional(
    v.pipe(
      v.number(`a number of ms in (0, ${L.segmentMs}]`),
      v.gtValue(0, `a number of ms in (0, ${L.segmentMs}]`),
      v.maxValue(L.segmentMs, `a number of ms in (0, ${L.segmentMs}]`),
    ),
  ),
  grouping: oneOf(['lead-time', 'time']),
  batchSize: integer(1, L.batchSize),
  seed: v.optional(v.pipe(v.number('an integer'), v.integer('an integer'))),
});

// The schema and the ExplainParams interface (catalogue.ts, imported by the page without valibot) stay the same shape.
type SchemaOutput = v.InferOutput<typeof ExplainParamsSchema>;
const sameShape: [
  SchemaOutput extends ExplainParams ? true : false,
  ExplainParams extends SchemaOutput ? true : false,
] = [true, true];
void sameShape;

/** One rejected field: its name, what was expected (or that the field is unknown), and the value given. */
export interface ParamProblem {
  field: string;
  expected: string | null;
  got: unknown;
}

export type ParamsCheck = { ok: true; params: ExplainParams } | { ok: false; problems: ParamProblem[] };

/** Checks untyped parameters against the schema; `undefined` is "all defaults". Never throws. */
export function checkExplainParams(raw: unknown): ParamsCheck {
  if (raw === undefined) return { ok: true, params: {} };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { ok: false, problems: [{ field: '', expected: null, got: raw }] };
  // valibot's strictObject stops at the first unknown key; list them all (a typo is easier to see beside the others).
  const unknown = Object.keys(raw).filter(
    (k) => !(k in ExplainParamsSchema.entries) && (raw as Record<string, unknown>)[k] !== undefined,
  );
  if (unknown.length > 0)
    return {
      ok: false,
      problems: unknown.map((field) => ({ field, expected: null, got: (raw as Record<string, unknown>)[field] })),
    };
  const given = Object.fromEntries(Object.entries(raw).filter(([, x]) => x !== undefined)); // `{ steps: undefined }` = default
  const r = v.safeParse(ExplainParamsSchema, given);
  if (r.success) return { ok: true, params: r.output };
  return {
    ok: false,
    problems: r.issues.map((issue) => ({
      field: v.getDotPath(issue) ?? '',
      expected: issue.message,
      got: issue.input,
    })),
  };
}

/**
 * One message for the first problems: `name` words a field for the reader (`params.steps`, `--steps`).
 * A wrong value reads "<name>: expected <range>, got <value>"; unknown fields are listed together.
 */
export function describeParamProblems(
  problems: ParamProblem[],
  name: (field: string) => string,
  whole = 'params',
): string {
  if (problems.length === 1 && problems[0].field === '') return `expected "${whole}", an object`;
  const unknown = problems.filter((p) => p.expected === null).map((p) => p.field);
  const wrong = problems.find((p) => p.expected !== null);
  if (wrong) return `${name(wrong.field)}: expected ${wrong.expected}, got ${String(wrong.got)}`;
  return `${whole}: unknown field${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}`;
}

/** The checked parameters, or a CodedError('bad-params') naming the field: for callers inside the core. */
export function explainParamsOrThrow(raw: unknown): ExplainParams {
  const r = checkExplainParams(raw);
  if (r.ok) return r.params;
  throw new CodedError(
    'bad-params',
    describeParamProblems(r.problems, (f) => `params.${f}`),
    { field: r.problems[0].field },
  );
}
