import { describe, expect, it } from 'vitest';
import { CodedError } from '../errors';
import {
  checkExplainParams,
  describeParamProblems,
  EXPLAIN_PARAM_LIMITS,
  explainParamsOrThrow,
} from './explain-params';

const asWorker = (raw: unknown) => {
  const r = checkExplainParams(raw);
  return r.ok ? r.params : describeParamProblems(r.problems, (f) => `params.${f}`);
};

describe('one schema for explanation parameters', () => {
  it('accepts every field at its limits and treats undefined as the default', () => {
    const all = {
      steps: EXPLAIN_PARAM_LIMITS.steps,
      rule: 'riemann_trapezoid',
      noiseSamples: 0,
      sigma: 10,
      sigmaUnit: 'relative',
      samples: 1,
      segmentMs: 400,
      grouping: 'time',
      batchSize: 4096,
      seed: -3,
    };
    expect(asWorker(all)).toEqual(all);
    expect(asWorker(undefined)).toEqual({});
    expect(asWorker({ steps: undefined, seed: 2 })).toEqual({ seed: 2 });
  });

  it.each([
    [{ steps: 0 }, 'params.steps: expected an integer from 1 to 1000, got 0'],
    [{ steps: 1001 }, 'params.steps: expected an integer from 1 to 1000, got 1001'],
    [{ steps: 2.5 }, 'params.steps: expected an integer from 1 to 1000, got 2.5'],
    [{ noiseSamples: -1 }, 'params.noiseSamples: expected an integer from 0 to 1000, got -1'],
    [{ samples: Number.NaN }, 'params.samples: expected an integer from 1 to 20000, got NaN'],
    [{ sigma: Number.NaN }, 'params.sigma: expected a number from 0 to 10, got NaN'],
    [{ sigma: Number.POSITIVE_INFINITY }, 'params.sigma: expected a number from 0 to 10, got Infinity'],
    [{ segmentMs: 0 }, 'params.segmentMs: expected a number of ms in (0, 400], got 0'],
    [{ batchSize: '50' }, 'params.batchSize: expected an integer from 1 to 4096, got 50'],
    [{ seed: 0.5 }, 'params.seed: expected an integer, got 0.5'],
    [{ rule: 'simpson' }, 'params.rule: expected gausslegendre or riemann_trapezoid, got simpson'],
    [{ grouping: 'beats' }, 'params.grouping: expected lead-time or time, got beats'],
    [{ sigmaUnit: 'mV' }, 'params.sigmaUnit: expected absolute or relative, got mV'],
    [{ stpes: 5, sigam: 1 }, 'params: unknown fields stpes, sigam'],
    [null, 'expected "params", an object'],
    [[1, 2], 'expected "params", an object'],
  ])('refuses %j naming the field and the allowed range', (raw, message) => {
    expect(asWorker(raw)).toBe(message);
  });

  it('throws a coded error for callers inside the core', () => {
    expect(() => explainParamsOrThrow({ steps: -1 })).toThrow(CodedError);
    expect(() => explainParamsOrThrow({ steps: -1 })).toThrow(
      'params.steps: expected an integer from 1 to 1000, got -1',
    );
  });
});
