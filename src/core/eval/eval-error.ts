import { CodedError } from '../errors';

/**
 * Errors of the evaluation layer (study/annotation files, agreement and bootstrap input): a stable code, the field
 * at fault (a JSON path such as `cases[3].segments[0].endMs`) and a message that says what was expected and found.
 * The app shows `message`; the CLI prints `toJSON()` as `{ "error": … }`.
 */
export type EvalErrorCode =
  'bad-json' | 'unknown-format' | 'unsupported-version' | 'bad-field' | 'unknown-case' | 'bad-input';

/** A refused study, annotation file or evaluation input; the message starts with the field at fault. */
export class EvalError extends CodedError<EvalErrorCode> {
  constructor(code: EvalErrorCode, message: string, field?: string) {
    super(code, field ? `${field}: ${message}` : message, { field });
    this.name = 'EvalError';
  }
}

export function isEvalError(e: unknown): e is EvalError {
  return e instanceof EvalError;
}

/** A short description of what a JSON value is, for messages ("a string", "null", "an array"). */
export function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
  return typeof v === 'object' ? 'an object' : `${typeof v} ${JSON.stringify(v)}`;
}
