import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RecordFiles } from '../../src/core/ecg/types';
import { EvalError } from '../../src/core/eval/eval-error';
import type { StudyCase } from '../../src/core/eval/study-format';
import { readRecordFiles } from '../lib/record-files';

interface ManifestCase {
  id: string;
  files: string[];
}

/**
 * The record files of a study case: a bundled case from public/cases/<caseId>/ (as public/cases/manifest.json lists
 * it), an embedded one decoded from the study file's base64. A missing case or file names the case.
 */
export function studyCaseFiles(c: StudyCase, casesDir = 'public/cases'): RecordFiles {
  if (c.source.kind === 'embedded') {
    return new Map(c.source.files.map((f) => [f.name, new Uint8Array(Buffer.from(f.base64, 'base64'))]));
  }
  const { caseId } = c.source;
  const manifestPath = join(casesDir, 'manifest.json');
  if (!existsSync(manifestPath))
    throw new EvalError(
      'bad-input',
      `case "${c.id}" is bundled but ${manifestPath} is missing`,
      `cases[${c.id}].source`,
    );
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { cases: ManifestCase[] };
  const entry = manifest.cases.find((m) => m.id === caseId);
  if (!entry)
    throw new EvalError(
      'unknown-case',
      `case "${c.id}" refers to bundled case "${caseId}", which ${manifestPath} does not list`,
      `cases[${c.id}].source.caseId`,
    );
  const header = entry.files.find((f) => /\.hea$/i.test(f)) ?? entry.files[0];
  return readRecordFiles(join(casesDir, entry.id, header));
}
