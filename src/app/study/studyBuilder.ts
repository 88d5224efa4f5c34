import { STUDY_FORMAT, STUDY_VERSION, type CaseLabel, type Study, type StudyCase } from '../../core/eval/study-format';
import type { CaseEntry } from '../case/manifest';

/** PTB-XL rhythm statements: they say nothing about normal vs abnormal (a record is normal when its only diagnosis is NORM). */
const RHYTHM_CODES = new Set(['SR', 'SARRH', 'SBRAD', 'STACH']);

/** Ground truth for a bundled case, when the manifest has PTB-XL codes: normal iff NORM is the only stated diagnosis. */
export function labelOfEntry(entry: CaseEntry): CaseLabel | undefined {
  const codes = entry.diagnosis.scpCodes;
  if (!codes) return undefined;
  const stated = Object.entries(codes)
    .filter(([code, likelihood]) => !RHYTHM_CODES.has(code) && likelihood > 0)
    .map(([code]) => code);
  if (stated.length === 0) return undefined;
  return stated.every((c) => c === 'NORM') ? 'normal' : 'abnormal';
}

/** The short diagnosis used for stratification: the stated non-rhythm codes, most likely first. */
export function diagnosisOfEntry(entry: CaseEntry): string | undefined {
  const codes = Object.entries(entry.diagnosis.scpCodes ?? {})
    .filter(([c, l]) => !RHYTHM_CODES.has(c) && l > 0)
    .sort((a, b) => b[1] - a[1]);
  return codes.length ? codes.map(([c]) => c).join('+') : undefined;
}

/** A draft case in the coordinator's list, before ids are assigned. */
export type DraftCase = Omit<StudyCase, 'id'>;

export function draftFromEntry(entry: CaseEntry): DraftCase {
  const label = labelOfEntry(entry);
  const diagnosis = diagnosisOfEntry(entry);
  return {
    source: { kind: 'bundled', caseId: entry.id },
    title: entry.title,
    ...(label && { label }),
    ...(diagnosis && { diagnosis }),
  };
}

/**
 * The study file: cases in the coordinator's order with opaque ids (case-01, case-02…), so nothing in what the
 * expert sees (the id, "Case 3 of 10") hints at the record or its label.
 */
export function buildStudy(opts: {
  title: string;
  modalityOrder: Study['modalityOrder'];
  cases: readonly DraftCase[];
  id?: string;
  now?: Date;
}): Study {
  if (opts.cases.length === 0) throw new Error('A study needs at least one case.');
  const now = opts.now ?? new Date();
  const width = Math.max(2, String(opts.cases.length).length);
  return {
    format: STUDY_FORMAT,
    version: STUDY_VERSION,
    id:
      opts.id ??
      `study-${now
        .toISOString()
        .replace(/[-:.TZ]/g, '')
        .slice(0, 14)}-${Math.random().toString(36).slice(2, 6)}`,
    title: opts.title.trim() || 'Untitled study',
    createdAt: now.toISOString(),
    modalityOrder: opts.modalityOrder,
    cases: opts.cases.map((c, i) => ({ id: `case-${String(i + 1).padStart(width, '0')}`, ...c })),
  };
}

/** Moves item `i` by `delta` places (the coordinator's ↑ / ↓). */
export function moveItem<T>(list: readonly T[], i: number, delta: number): T[] {
  const j = i + delta;
  if (j < 0 || j >= list.length) return [...list];
  const out = [...list];
  [out[i], out[j]] = [out[j], out[i]];
  return out;
}
