/**
 * Validation of study and annotation files (study-format.ts): everything is checked before anything is returned,
 * so a bad file changes nothing; the error names the field at fault. The CSV form lives in annotations-csv.ts.
 */
import { WINDOW_MS } from '../constants';
import { STANDARD_LEADS } from '../ecg/types';
import { EvalError, describeValue } from './eval-error';
import {
  ANNOTATIONS_FORMAT,
  ANNOTATIONS_VERSION,
  STUDY_FORMAT,
  STUDY_VERSION,
  TRAJECTORY_LEAD,
  type AnnotationFile,
  type CaseAnnotation,
  type Expert,
  type Modality,
  type Segment,
  type Study,
  type StudyCase,
} from './study-format';

export { annotationsToCsv, csvToAnnotations } from './annotations-csv';

type Obj = Record<string, unknown>;

/** JSON text or an already-parsed value → a plain object, or a clear error. */
function toObject(input: unknown, what: string): Obj {
  let v = input;
  if (typeof input === 'string') {
    try {
      v = JSON.parse(input);
    } catch (e) {
      throw new EvalError('bad-json', `the ${what} is not valid JSON (${e instanceof Error ? e.message : String(e)})`);
    }
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    throw new EvalError('bad-json', `the ${what} must be a JSON object, got ${describeValue(v)}`);
  return v as Obj;
}

const bad = (field: string, expected: string, got: unknown) =>
  new EvalError('bad-field', `expected ${expected}, got ${describeValue(got)}`, field);

function str(o: Obj, key: string, path: string, optional = false): string | undefined {
  const v = o[key];
  if (v === undefined && optional) return undefined;
  if (typeof v !== 'string') throw bad(`${path}${key}`, 'a string', v);
  return v;
}

function nonEmpty(o: Obj, key: string, path: string): string {
  const v = str(o, key, path)!;
  if (v.trim() === '') throw new EvalError('bad-field', 'must not be empty', `${path}${key}`);
  return v;
}

function arr(o: Obj, key: string, path: string): unknown[] {
  const v = o[key];
  if (!Array.isArray(v)) throw bad(`${path}${key}`, 'an array', v);
  return v;
}

function obj(v: unknown, path: string): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw bad(path, 'an object', v);
  return v as Obj;
}

function oneOf<T extends string>(
  o: Obj,
  key: string,
  path: string,
  allowed: readonly T[],
  optional = false,
): T | undefined {
  const v = o[key];
  if (v === undefined && optional) return undefined;
  if (typeof v !== 'string' || !allowed.includes(v as T))
    throw bad(`${path}${key}`, `one of ${allowed.map((a) => `"${a}"`).join(', ')}`, v);
  return v as T;
}

function checkHeader(o: Obj, format: string, version: number, what: string): void {
  if (o.format !== format)
    throw new EvalError(
      'unknown-format',
      `this is not a ${what} (format should be "${format}", got ${describeValue(o.format)})`,
      'format',
    );
  if (o.version !== version) {
    throw new EvalError(
      'unsupported-version',
      `${what} version ${typeof o.version === 'number' ? o.version : describeValue(o.version)} is not supported (this app reads version ${version})`,
      'version',
    );
  }
}

/** Parse and validate a study file (JSON text or value). */
export function parseStudy(input: unknown): Study {
  const o = toObject(input, 'study file');
  checkHeader(o, STUDY_FORMAT, STUDY_VERSION, 'study file');
  const ids = new Set<string>();
  const cases = arr(o, 'cases', '').map((raw, i): StudyCase => {
    const p = `cases[${i}].`;
    const c = obj(raw, `cases[${i}]`);
    const id = nonEmpty(c, 'id', p);
    if (ids.has(id)) throw new EvalError('bad-field', `case id "${id}" appears twice`, `${p}id`);
    ids.add(id);
    const s = obj(c.source, `${p}source`);
    const kind = oneOf(s, 'kind', `${p}source.`, ['bundled', 'embedded'] as const)!;
    let source: StudyCase['source'];
    if (kind === 'bundled') source = { kind, caseId: nonEmpty(s, 'caseId', `${p}source.`) };
    else {
      const files = arr(s, 'files', `${p}source.`).map((f, j) => {
        const fp = `${p}source.files[${j}].`;
        const fo = obj(f, `${p}source.files[${j}]`);
        const base64 = str(fo, 'base64', fp)!;
        if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) throw new EvalError('bad-field', 'is not base64', `${fp}base64`);
        return { name: nonEmpty(fo, 'name', fp), base64 };
      });
      if (files.length === 0)
        throw new EvalError('bad-field', 'an embedded case needs at least one file', `${p}source.files`);
      source = { kind, files };
    }
    const out: StudyCase = { id, source };
    const label = oneOf(c, 'label', p, ['normal', 'abnormal'] as const, true);
    if (label) out.label = label;
    const diagnosis = str(c, 'diagnosis', p, true);
    if (diagnosis !== undefined) out.diagnosis = diagnosis;
    const title = str(c, 'title', p, true);
    if (title !== undefined) out.title = title;
    return out;
  });
  if (cases.length === 0) throw new EvalError('bad-field', 'a study needs at least one case', 'cases');
  const study: Study = {
    format: STUDY_FORMAT,
    version: STUDY_VERSION,
    id: nonEmpty(o, 'id', ''),
    title: str(o, 'title', '')!,
    createdAt: str(o, 'createdAt', '')!,
    modalityOrder: oneOf(o, 'modalityOrder', '', ['12-lead-first', 'cinecg-first', 'free'] as const)!,
    cases,
  };
  if (o.example !== undefined) {
    if (typeof o.example !== 'boolean') throw bad('example', 'true or false', o.example);
    study.example = o.example;
  }
  return study;
}

const MODALITIES = ['12-lead', 'cinecg'] as const;

/** The leads an expert can mark in a modality. */
export function leadsOf(modality: Modality): readonly string[] {
  return modality === '12-lead' ? STANDARD_LEADS : [TRAJECTORY_LEAD];
}

function parseSegment(raw: unknown, path: string): Segment {
  const p = `${path}.`;
  const s = obj(raw, path);
  const modality = oneOf(s, 'modality', p, MODALITIES)!;
  const lead = oneOf(s, 'lead', p, leadsOf(modality));
  const ms = (key: 'startMs' | 'endMs') => {
    const v = s[key];
    if (typeof v !== 'number' || !Number.isFinite(v)) throw bad(`${p}${key}`, 'a number of ms', v);
    if (v < 0 || v > WINDOW_MS)
      throw new EvalError('bad-field', `${v} ms lies outside the 0–${WINDOW_MS} ms window`, `${p}${key}`);
    return v;
  };
  const startMs = ms('startMs');
  const endMs = ms('endMs');
  if (endMs <= startMs)
    throw new EvalError(
      'bad-field',
      `the segment ends (${endMs} ms) at or before it starts (${startMs} ms)`,
      `${p}endMs`,
    );
  const seg: Segment = { id: nonEmpty(s, 'id', p), modality, lead: lead!, startMs, endMs };
  if (s.point !== undefined) {
    if (typeof s.point !== 'boolean') throw bad(`${p}point`, 'true or false', s.point);
    seg.point = s.point;
  }
  return seg;
}

/**
 * Parse and validate an annotation file. With `study`, the file must belong to it (studyId) and every case id must
 * be one of its cases.
 */
export function parseAnnotations(input: unknown, study?: Study): AnnotationFile {
  const o = toObject(input, 'annotation file');
  checkHeader(o, ANNOTATIONS_FORMAT, ANNOTATIONS_VERSION, 'annotation file');
  const studyId = nonEmpty(o, 'studyId', '');
  if (study && studyId !== study.id)
    throw new EvalError('bad-field', `these annotations belong to study "${studyId}", not to "${study.id}"`, 'studyId');
  const e = obj(o.expert, 'expert');
  const expert: Expert = { id: nonEmpty(e, 'id', 'expert.'), name: str(e, 'name', 'expert.')! };
  if (e.madeUp !== undefined) {
    if (typeof e.madeUp !== 'boolean') throw bad('expert.madeUp', 'true or false', e.madeUp);
    expert.madeUp = e.madeUp;
  }
  const known = study ? new Set(study.cases.map((c) => c.id)) : null;
  const seen = new Set<string>();
  const cases = arr(o, 'cases', '').map((raw, i): CaseAnnotation => {
    const p = `cases[${i}].`;
    const c = obj(raw, `cases[${i}]`);
    const caseId = nonEmpty(c, 'caseId', p);
    if (known && !known.has(caseId))
      throw new EvalError('unknown-case', `case "${caseId}" is not in study "${study!.id}"`, `${p}caseId`);
    if (seen.has(caseId)) throw new EvalError('bad-field', `case "${caseId}" appears twice`, `${p}caseId`);
    seen.add(caseId);
    const modalitiesDone = arr(c, 'modalitiesDone', p).map((m, j) => {
      if (!MODALITIES.includes(m as Modality)) throw bad(`${p}modalitiesDone[${j}]`, '"12-lead" or "cinecg"', m);
      return m as Modality;
    });
    return {
      caseId,
      segments: arr(c, 'segments', p).map((s, j) => parseSegment(s, `${p}segments[${j}]`)),
      diagnosis: str(c, 'diagnosis', p)!,
      comments: str(c, 'comments', p)!,
      modalitiesDone,
      updatedAt: str(c, 'updatedAt', p)!,
    };
  });
  return { format: ANNOTATIONS_FORMAT, version: ANNOTATIONS_VERSION, studyId, expert, cases };
}
