/**
 * Errors are values the UI can show: a stable code, the file and field involved,
 * and a message that says what was expected and what was found.
 */
export type EcgErrorCode =
  | 'empty-file'
  | 'file-too-large'
  | 'missing-file'
  | 'unknown-format'
  | 'bad-header'
  | 'unsupported-format'
  | 'truncated-data'
  | 'header-data-mismatch'
  | 'missing-leads'
  | 'non-finite-values'
  | 'implausible-gain'
  | 'implausible-amplitude'
  | 'too-short'
  | 'too-long'
  | 'too-many-channels'
  | 'bad-csv'
  | 'bad-mat'
  | 'bad-annotation'
  | 'no-qrs'
  | 'bad-npy'
  | 'bad-dicom'
  | 'bad-xml'
  | 'bad-scp'
  | 'bad-compression';

/** Where an error happened: the file, and the field inside it (a header key, a JSON path, a column). */
export interface ErrorWhere {
  file?: string;
  field?: string;
}

/** The plain data every coded error turns into: what the store keeps, the CLI prints and `ErrorPanel` renders. */
export interface CodedErrorJson<Code extends string = string> {
  code: Code;
  message: string;
  file?: string;
  field?: string;
}

/**
 * The one error type of the project: a stable string-literal code, a message that says what was expected and what
 * was found, and optionally the file and field. Each layer names its codes (EcgError for records, GeometryError for
 * the heart's files, EvalError for studies, the app's AppFailure…) as a subclass; `instanceof CodedError` finds them all.
 * The message is kept as given; subclasses decide whether it starts with the file name.
 */
export class CodedError<Code extends string = string> extends Error {
  readonly code: Code;
  readonly file?: string;
  readonly field?: string;

  constructor(code: Code, message: string, where: ErrorWhere = {}) {
    super(message);
    this.name = 'CodedError';
    this.code = code;
    this.file = where.file;
    this.field = where.field;
  }

  /** What the store keeps and one component renders (file and field only when known). */
  toJSON(): CodedErrorJson<Code> {
    return {
      code: this.code,
      message: this.message,
      ...(this.file ? { file: this.file } : {}),
      ...(this.field ? { field: this.field } : {}),
    };
  }
}

export function isCodedError(e: unknown): e is CodedError {
  return e instanceof CodedError;
}

/** A record that cannot be read or is implausible; the message starts with the file name when there is one. */
export class EcgError extends CodedError<EcgErrorCode> {
  constructor(code: EcgErrorCode, message: string, where: ErrorWhere = {}) {
    super(code, where.file ? `${where.file}: ${message}` : message, where);
    this.name = 'EcgError';
  }
}

export function isEcgError(e: unknown): e is EcgError {
  return e instanceof EcgError;
}
