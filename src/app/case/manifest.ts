import { AppFailure } from '../errors/appError';

/** public/cases/manifest.json: the bundled demo cases, with where they come from and under what license. */
export interface CaseManifest {
  version: number;
  cases: CaseEntry[];
}

export interface DiagnosisStatement {
  code: string;
  description: string;
  /** PTB-XL's likelihood (0–100); 0 on rhythm statements means "not stated". */
  likelihood?: number;
}

export interface CaseEntry {
  id: string;
  title: string;
  record: string;
  format: string;
  /** File names inside `cases/<id>/`. */
  files: string[];
  diagnosis: {
    statements: DiagnosisStatement[];
    report?: string;
    /** Our English rendering of a report the source gives in German or Swedish. */
    reportTranslation?: string;
    heartAxis?: string;
    scpCodes?: Record<string, number>;
  };
  source: { dataset: string; ecgId?: number; file?: string; samplingHz?: number; durationS?: number; url: string };
  /** Which split of the model's data (models/split.json) this record belongs to; 'none' if it is not in it. */
  modelSplit?: 'train' | 'val' | 'test' | 'none';
  license: { name: string; url: string };
  /** One line for the header, e.g. "Wagner et al., PTB-XL 1.0.3, PhysioNet". */
  creditShort: string;
  /** Full citation. */
  credit: string;
}

const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

function fail(field: string, expected: string): never {
  throw new AppFailure({ code: 'bad-manifest', message: `expected ${expected}`, file: 'manifest.json', field });
}

function str(v: unknown, field: string): string {
  if (typeof v !== 'string' || v.trim() === '') fail(field, 'a non-empty string');
  return v;
}

/** Checks the shape we rely on; names become URL path segments, so they must be plain file names. */
export function parseManifest(json: unknown): CaseManifest {
  if (typeof json !== 'object' || json === null) fail('(root)', 'an object');
  const root = json as Record<string, unknown>;
  if (!Array.isArray(root.cases) || root.cases.length === 0) fail('cases', 'a non-empty list');
  const ids = new Set<string>();
  const cases = root.cases.map((c: unknown, i: number): CaseEntry => {
    const at = `cases[${i}]`;
    if (typeof c !== 'object' || c === null) fail(at, 'an object');
    const e = c as CaseEntry;
    const id = str(e.id, `${at}.id`);
    if (!SAFE_NAME.test(id)) fail(`${at}.id`, 'a plain name (letters, digits, . _ -)');
    if (ids.has(id)) fail(`${at}.id`, `a unique id ("${id}" repeats)`);
    ids.add(id);
    str(e.title, `${at}.title`);
    str(e.credit, `${at}.credit`);
    str(e.creditShort, `${at}.creditShort`);
    if (!Array.isArray(e.files) || e.files.length === 0) fail(`${at}.files`, 'a non-empty list of file names');
    e.files.forEach((f, j) => {
      if (!SAFE_NAME.test(str(f, `${at}.files[${j}]`))) fail(`${at}.files[${j}]`, 'a plain file name');
    });
    if (typeof e.source !== 'object' || e.source === null) fail(`${at}.source`, 'an object');
    str(e.source.url, `${at}.source.url`);
    if (typeof e.license !== 'object' || e.license === null) fail(`${at}.license`, 'an object');
    str(e.license.name, `${at}.license.name`);
    if (typeof e.diagnosis !== 'object' || e.diagnosis === null || !Array.isArray(e.diagnosis.statements)) {
      fail(`${at}.diagnosis.statements`, 'a list');
    }
    return e;
  });
  return { version: typeof root.version === 'number' ? root.version : 1, cases };
}

export function findCase(manifest: CaseManifest, id: string | null | undefined): CaseEntry {
  if (!id) return manifest.cases[0];
  const found = manifest.cases.find((c) => c.id === id);
  if (!found) {
    throw new AppFailure({
      code: 'unknown-case',
      message: `no bundled case "${id}"; available: ${manifest.cases.map((c) => c.id).join(', ')}`,
      file: 'manifest.json',
    });
  }
  return found;
}
