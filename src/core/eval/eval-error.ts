/**
 * Errors of the evaluation layer (study/annotation files, agreement and bootstrap input): a stable code, the field
 * at fault (a JSON path such as `cases[3].segments[0].endMs`) and a message that says what was expected and found.
 * The app shows `message`; the CLI prints `toJSON()` as `{ "error": … }`.
 */
export type EvalErrorCode = 'bad-json' | 'unknown-format' | 'unsupported-version' | 'bad-field' | 'unknown-case' | 'bad-input';

export class EvalError extends Error {
  readonly code: EvalErrorCode;
  readonly field?: string;

  constructor(code: EvalErrorCode, message: string, field?: string) {
    super(field ? `${field}: ${message}` : message);
    this.name = 'EvalError';
    this.code = code;
    this.field = field;
  }

  toJSON(): { code: EvalErrorCode; message: string; field?: string } {
    return { code: this.code, message: this.message, field: this.field };
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
