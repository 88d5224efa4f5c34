/**
 * Reading and writing the study and annotation files (formats fixed in src/core/eval/study-format.ts).
 *
 * Written in the app because the evaluation core's parser (src/core/eval/study-parse.ts, branch wt-eval) was not
 * merged yet; it checks the same contract. Every problem is a StudyFileError whose message names the file kind, the
 * field and what was expected, so the UI can say it and change nothing.
 */
import {
  ANNOTATIONS_CSV_HEADER,
  ANNOTATIONS_FORMAT,
  ANNOTATIONS_VERSION,
  type AnnotationFile,
  type CaseAnnotation,
  type Modality,
  type Segment,
  STUDY_FORMAT,
  STUDY_VERSION,
  type Study,
  type StudyCase,
  TRAJECTORY_LEAD,
} from '../../core/eval/study-format';
import { STANDARD_LEADS } from '../../core/ecg/types';
import { WINDOW_MS } from '../../core/constants';

export class StudyFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StudyFileError';
  }
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
function need(cond: unknown, what: string, field: string, expected: string): asserts cond {
  if (!cond) throw new StudyFileError(`${what}: ${field} should be ${expected}`);
}
const str = (o: Obj, k: string, what: string, at: string): string => {
  need(typeof o[k] === 'string', what, `${at}${k}`, 'a string');
  return o[k] as string;
};

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new StudyFileError(`${what}: not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
}

function checkHeader(o: unknown, what: string, format: string, version: number): asserts o is Obj {
  need(isObj(o), what, 'the file', 'a JSON object');
  if (o.format !== format) throw new StudyFileError(`${what}: this is not a ${format} file (format is ${JSON.stringify(o.format ?? null)})`);
  if (o.version !== version) throw new StudyFileError(`${what}: version ${JSON.stringify(o.version ?? null)} is not supported (this app reads version ${version})`);
}

const MODALITY_ORDERS = ['12-lead-first', 'cinecg-first', 'free'] as const;

export function parseStudy(input: unknown, what = 'Study file'): Study {
  checkHeader(input, what, STUDY_FORMAT, STUDY_VERSION);
  const id = str(input, 'id', what, '');
  need(id.trim() !== '', what, 'id', 'a non-empty string');
  const title = str(input, 'title', what, '');
  const createdAt = str(input, 'createdAt', what, '');
  need(MODALITY_ORDERS.includes(input.modalityOrder as never), what, 'modalityOrder', `one of ${MODALITY_ORDERS.join(', ')}`);
  need(Array.isArray(input.cases) && input.cases.length > 0, what, 'cases', 'a non-empty list');
  const ids = new Set<string>();
  const cases = (input.cases as unknown[]).map((c, i): StudyCase => {
    const at = `cases[${i}].`;
    need(isObj(c), what, `cases[${i}]`, 'an object');
    const cid = str(c, 'id', what, at);
    need(!ids.has(cid), what, `${at}id`, `unique ("${cid}" repeats)`);
    ids.add(cid);
    const src = c.source;
    need(isObj(src) && (src.kind === 'bundled' || src.kind === 'embedded'), what, `${at}source.kind`, '"bundled" or "embedded"');
    if (src.kind === 'bundled') str(src, 'caseId', what, `${at}source.`);
    else {
      need(Array.isArray(src.files) && src.files.length > 0, what, `${at}source.files`, 'a non-empty list');
      (src.files as unknown[]).forEach((f, j) => {
        need(isObj(f) && typeof f.name === 'string' && typeof f.base64 === 'string', what, `${at}source.files[${j}]`, '{ name, base64 }');
      });
    }
    if (c.label !== undefined) need(c.label === 'normal' || c.label === 'abnormal', what, `${at}label`, '"normal" or "abnormal"');
    return c as unknown as StudyCase;
  });
  return { ...(input as unknown as Study), id, title, createdAt, cases };
}

const LEADS_OF: Record<Modality, readonly string[]> = { '12-lead': STANDARD_LEADS, cinecg: [TRAJECTORY_LEAD] };

function parseSegment(s: unknown, what: string, at: string): Segment {
  need(isObj(s), what, at, 'an object');
  const id = str(s, 'id', what, `${at}.`);
  need(s.modality === '12-lead' || s.modality === 'cinecg', what, `${at}.modality`, '"12-lead" or "cinecg"');
  const modality = s.modality as Modality;
  const lead = str(s, 'lead', what, `${at}.`);
  need(LEADS_OF[modality].includes(lead), what, `${at}.lead`, `one of ${LEADS_OF[modality].join(', ')} for ${modality}`);
  const { startMs, endMs } = s;
  need(typeof startMs === 'number' && typeof endMs === 'number' && startMs >= 0 && endMs <= WINDOW_MS && startMs < endMs, what, `${at}.startMs/endMs`, `numbers with 0 ≤ start < end ≤ ${WINDOW_MS}`);
  return { id, modality, lead, startMs, endMs, ...(s.point === true ? { point: true } : {}) };
}

/** An annotation file; with `study`, its study id and case ids must be the study's. */
export function parseAnnotations(input: unknown, study?: Study, what = 'Annotation file'): AnnotationFile {
  checkHeader(input, what, ANNOTATIONS_FORMAT, ANNOTATIONS_VERSION);
  const studyId = str(input, 'studyId', what, '');
  if (study && studyId !== study.id) throw new StudyFileError(`${what}: it belongs to study "${studyId}", not to the open study "${study.id}"`);
  const e = input.expert;
  need(isObj(e) && typeof e.id === 'string' && e.id.trim() !== '' && typeof e.name === 'string', what, 'expert', '{ id, name }');
  const known = study ? new Set(study.cases.map((c) => c.id)) : null;
  need(Array.isArray(input.cases), what, 'cases', 'a list');
  const cases = (input.cases as unknown[]).map((c, i): CaseAnnotation => {
    const at = `cases[${i}]`;
    need(isObj(c), what, at, 'an object');
    const caseId = str(c, 'caseId', what, `${at}.`);
    if (known && !known.has(caseId)) throw new StudyFileError(`${what}: ${at}.caseId "${caseId}" is not a case of the open study`);
    need(Array.isArray(c.segments), what, `${at}.segments`, 'a list');
    const done = c.modalitiesDone ?? [];
    need(Array.isArray(done) && done.every((m) => m === '12-lead' || m === 'cinecg'), what, `${at}.modalitiesDone`, 'a list of "12-lead" / "cinecg"');
    return {
      caseId,
      segments: (c.segments as unknown[]).map((s, j) => parseSegment(s, what, `${at}.segments[${j}]`)),
      diagnosis: typeof c.diagnosis === 'string' ? c.diagnosis : '',
      comments: typeof c.comments === 'string' ? c.comments : '',
      modalitiesDone: done as Modality[],
      updatedAt: typeof c.updatedAt === 'string' ? c.updatedAt : '',
    };
  });
  const expert = { id: e.id as string, name: e.name as string, ...(e.madeUp === true ? { madeUp: true } : {}) };
  return { format: ANNOTATIONS_FORMAT, version: ANNOTATIONS_VERSION, studyId, expert, cases };
}

export const parseStudyText = (text: string): Study => parseStudy(parseJson(text, 'Study file'));
export const parseAnnotationsText = (text: string, study?: Study): AnnotationFile => parseAnnotations(parseJson(text, 'Annotation file'), study);

/** Pretty JSON with a final newline: what the export buttons write. */
export const toJsonText = (value: Study | AnnotationFile): string => `${JSON.stringify(value, null, 2)}\n`;

const csvField = (v: string | number): string => {
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** One row per segment: case, expert, modality, lead, start ms, end ms (header ANNOTATIONS_CSV_HEADER). */
export function annotationsToCsv(files: readonly AnnotationFile[]): string {
  const rows: (string | number)[][] = [[...ANNOTATIONS_CSV_HEADER]];
  for (const f of files) for (const c of f.cases) for (const s of c.segments) rows.push([c.caseId, f.expert.id, s.modality, s.lead, s.startMs, s.endMs]);
  return `${rows.map((r) => r.map(csvField).join(',')).join('\n')}\n`;
}
