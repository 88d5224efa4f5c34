/** Annotations as CSV (one row per segment, ANNOTATIONS_CSV_HEADER) and back, validated like the JSON form. */
import { EvalError } from './eval-error';
import {
  ANNOTATIONS_CSV_HEADER,
  ANNOTATIONS_FORMAT,
  ANNOTATIONS_VERSION,
  type AnnotationFile,
  type Study,
} from './study-format';
import { parseAnnotations } from './study-parse';

type Obj = Record<string, unknown>;

/** Quote a CSV field when it needs it (RFC 4180). */
const csvField = (v: string | number) => {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** One row per segment (ANNOTATIONS_CSV_HEADER), cases in file order. Diagnosis, comments and point flags are not in the CSV. */
export function annotationsToCsv(files: AnnotationFile | readonly AnnotationFile[]): string {
  const rows: string[] = [ANNOTATIONS_CSV_HEADER.join(',')];
  for (const f of Array.isArray(files) ? files : [files as AnnotationFile]) {
    for (const c of f.cases)
      for (const s of c.segments)
        rows.push([c.caseId, f.expert.id, s.modality, s.lead, s.startMs, s.endMs].map(csvField).join(','));
  }
  return `${rows.join('\n')}\n`;
}

/** Split CSV text into rows of fields (RFC 4180 quotes; \n or \r\n). */
function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') ((field += '"'), i++);
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') (row.push(field), (field = ''));
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      (row.push(field), rows.push(row), (row = []), (field = ''));
    } else field += ch;
  }
  if (field !== '' || row.length > 0) (row.push(field), rows.push(row));
  return rows.filter((r) => !(r.length === 1 && r[0] === ''));
}

/**
 * CSV (as `annotationsToCsv` writes it) → one annotation file per expert, validated like a JSON file (with `study`,
 * case ids must be its own). Segment ids are `<case>-<n>`; diagnosis, comments and modalitiesDone are empty.
 */
export function csvToAnnotations(
  text: string,
  opts: { studyId: string; study?: Study; updatedAt?: string },
): AnnotationFile[] {
  const rows = csvRows(text);
  const header = rows.shift();
  if (!header || header.join(',') !== ANNOTATIONS_CSV_HEADER.join(',')) {
    throw new EvalError(
      'unknown-format',
      `the CSV header must be "${ANNOTATIONS_CSV_HEADER.join(',')}", got "${(header ?? []).join(',')}"`,
      'header',
    );
  }
  const byExpert = new Map<string, Map<string, Obj[]>>();
  rows.forEach((r, i) => {
    if (r.length !== ANNOTATIONS_CSV_HEADER.length)
      throw new EvalError(
        'bad-field',
        `has ${r.length} fields, expected ${ANNOTATIONS_CSV_HEADER.length}`,
        `row ${i + 2}`,
      );
    const [caseId, expert, modality, lead, start, end] = r;
    const num = (s: string, col: string) => {
      const v = s.trim() === '' ? NaN : Number(s);
      if (!Number.isFinite(v)) throw new EvalError('bad-field', `${col} must be a number, got "${s}"`, `row ${i + 2}`);
      return v;
    };
    const cases = byExpert.get(expert) ?? new Map<string, Obj[]>();
    byExpert.set(expert, cases);
    const segs = cases.get(caseId) ?? [];
    cases.set(caseId, segs);
    segs.push({
      id: `${caseId}-${segs.length + 1}`,
      modality,
      lead,
      startMs: num(start, 'start_ms'),
      endMs: num(end, 'end_ms'),
    });
  });
  const updatedAt = opts.updatedAt ?? new Date(0).toISOString();
  // Validate through the JSON parser so both routes enforce the same rules.
  return [...byExpert].map(([expertId, cases]) =>
    parseAnnotations(
      {
        format: ANNOTATIONS_FORMAT,
        version: ANNOTATIONS_VERSION,
        studyId: opts.studyId,
        expert: { id: expertId, name: expertId },
        cases: [...cases].map(([caseId, segments]) => ({
          caseId,
          segments,
          diagnosis: '',
          comments: '',
          modalitiesDone: [],
          updatedAt,
        })),
      },
      opts.study,
    ),
  );
}
