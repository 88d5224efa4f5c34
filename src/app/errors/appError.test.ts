import { describe, expect, it } from 'vitest';
import { GeometryError } from '../../core/cine/heart-mesh';
import { CodedError, EcgError } from '../../core/errors';
import { EvalError } from '../../core/eval/eval-error';
import { InferenceFailure } from '../../worker/client';
import { AppFailure, toAppError } from './appError';

describe('one error type: toAppError maps every CodedError by its code', () => {
  it('keeps a record error with its file and field', () => {
    const e = new EcgError('bad-header', 'expected 12 signal lines, found 3', { file: 'a.hea', field: 'signals' });
    expect(e).toBeInstanceOf(CodedError);
    expect(toAppError(e)).toEqual({
      code: 'bad-header',
      message: 'a.hea: expected 12 signal lines, found 3',
      file: 'a.hea',
      field: 'signals',
    });
  });

  it('keeps a heart geometry error as its own code, not "unexpected"', () => {
    const e = new GeometryError('bad-obj', 'line 2: a face refers to vertex 9 of 3', { file: 'heart.obj', line: 2 });
    expect(e.line).toBe(2);
    expect(toAppError(e)).toEqual({
      code: 'bad-obj',
      message: 'heart.obj: line 2: a face refers to vertex 9 of 3',
      file: 'heart.obj',
    });
  });

  it("keeps the worker's and the app's own codes", () => {
    expect(toAppError(new InferenceFailure({ code: 'model-load', message: 'HTTP 404' }))).toEqual({
      code: 'model-load',
      message: 'HTTP 404',
    });
    const app = new AppFailure({ code: 'network', message: 'fetching x gave HTTP 500', file: 'x.hea' });
    expect(app.detail).toEqual({ code: 'network', message: 'fetching x gave HTTP 500', file: 'x.hea' });
    expect(toAppError(app)).toEqual(app.detail);
  });

  it('names the field of a study error in its message and JSON, and drops unknown places', () => {
    expect(new EvalError('bad-field', 'expected a number', 'cases[0].startMs').toJSON()).toEqual({
      code: 'bad-field',
      message: 'cases[0].startMs: expected a number',
      field: 'cases[0].startMs',
    });
    expect(Object.keys(new EcgError('too-short', 'only 2 s').toJSON())).toEqual(['code', 'message']);
  });

  it('turns anything else into "unexpected" without losing the message', () => {
    expect(toAppError(new TypeError('x is undefined'))).toEqual({ code: 'unexpected', message: 'x is undefined' });
    expect(toAppError('plain string')).toEqual({ code: 'unexpected', message: 'plain string' });
  });
});
