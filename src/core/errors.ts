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

export class EcgError extends Error {
  readonly code: EcgErrorCode;
  readonly file?: string;
  readonly field?: string;

  constructor(code: EcgErrorCode, message: string, where: { file?: string; field?: string } = {}) {
    super(where.file ? `${where.file}: ${message}` : message);
    this.name = 'EcgError';
    this.code = code;
    this.file = where.file;
    this.field = where.field;
  }

  /** What the store keeps and one component renders. */
  toJSON(): { code: EcgErrorCode; message: string; file?: string; field?: string } {
    return { code: this.code, message: this.message, file: this.file, field: this.field };
  }
}

export function isEcgError(e: unknown): e is EcgError {
  return e instanceof EcgError;
}
