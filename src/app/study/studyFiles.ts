/**
 * The app's door to the study and annotation files (formats: src/core/eval/study-format.ts; validation:
 * src/core/eval/study-parse.ts, the same code `cli evaluate` uses). Adds what the UI needs on top: the file kind in
 * front of every message, and pretty JSON for the export buttons.
 */
import { CodedError } from '../../core/errors';
import { isEvalError } from '../../core/eval/eval-error';
import type { AnnotationFile, Study } from '../../core/eval/study-format';
import { parseAnnotations as coreParseAnnotations, parseStudy as coreParseStudy } from '../../core/eval/study-parse';

export { annotationsToCsv } from '../../core/eval/study-parse';

/** A refused file; the message starts with what kind of file it was and names the field at fault. */
export class StudyFileError extends CodedError<'bad-study-file'> {
  constructor(message: string) {
    super('bad-study-file', message);
    this.name = 'StudyFileError';
  }
}

function named<T>(what: string, parse: () => T): T {
  try {
    return parse();
  } catch (e) {
    if (isEvalError(e)) throw new StudyFileError(`${what}: ${e.message}`);
    throw e;
  }
}

/** A study file (JSON text or value); `what` names it in messages ("Study file", "Stored study"…). */
export const parseStudy = (input: unknown, what = 'Study file'): Study => named(what, () => coreParseStudy(input));
/** An annotation file; with `study`, it must belong to it. */
export const parseAnnotations = (input: unknown, study?: Study, what = 'Annotation file'): AnnotationFile =>
  named(what, () => coreParseAnnotations(input, study));

export const parseStudyText = (text: string): Study => parseStudy(text);
export const parseAnnotationsText = (text: string, study?: Study): AnnotationFile => parseAnnotations(text, study);

/** Pretty JSON with a final newline: what the export buttons write. */
export const toJsonText = (value: Study | AnnotationFile): string => `${JSON.stringify(value, null, 2)}\n`;
