/**
 * The blind-annotation study's file formats (paper 3.5): what a coordinator exports, what an expert's annotations
 * look like, and the one time base both use. The contract between the app (study mode, IndexedDB, export/import),
 * `cli evaluate` and the evaluation core. Parsing/validation lives in `study-parse.ts`; this file holds only types
 * and constants so every layer can import it without pulling code.
 *
 * Time base: milliseconds from the start of the case's 400 ms model window (the QRS onset of the best beat),
 * 0 ≤ ms ≤ WINDOW_MS. Sample t of the [200 × C] window covers [t·2, t·2 + 2) ms at 500 Hz; a segment
 * [startMs, endMs) marks sample t exactly when startMs ≤ t·2 < endMs (see `segmentsToMask`).
 */

export const STUDY_FORMAT = 'cineecg-study' as const;
export const STUDY_VERSION = 1 as const;
export const ANNOTATIONS_FORMAT = 'cineecg-annotations' as const;
export const ANNOTATIONS_VERSION = 1 as const;

export type CaseLabel = 'normal' | 'abnormal';

/** The two modalities an expert annotates independently (paper 3.5). */
export type Modality = '12-lead' | 'cinecg';

/** Standard 12-lead names, and the single CineECG channel: annotations on the trajectory are time-only. */
export const TRAJECTORY_LEAD = 'trajectory' as const;
export type AnnotatedLead = string; // 'I' … 'V6' for '12-lead', 'trajectory' for 'cinecg'

/** Where a case's record comes from. A local record travels inside the study file (base64), so an expert on
 * another machine sees exactly what the coordinator chose; nothing is uploaded anywhere. */
export type StudyCaseSource =
  { kind: 'bundled'; caseId: string } | { kind: 'embedded'; files: { name: string; base64: string }[] };

export interface StudyCase {
  /** Unique within the study; stable across exports (annotations refer to it). */
  id: string;
  source: StudyCaseSource;
  /** Ground truth when known. Hidden in blind mode; used for Φ' = −Φ on normal cases and for stratification. */
  label?: CaseLabel;
  /** Short diagnosis for stratification tables (e.g. "LAFB", "NORM"); hidden in blind mode. */
  diagnosis?: string;
  /** Shown to the coordinator only (blind mode shows "Case 3 of 10"). */
  title?: string;
}

export interface Study {
  format: typeof STUDY_FORMAT;
  version: typeof STUDY_VERSION;
  id: string;
  title: string;
  createdAt: string; // ISO 8601
  /** Which modality the experts annotate first; 'free' lets them switch (the tool records the order used). */
  modalityOrder: '12-lead-first' | 'cinecg-first' | 'free';
  cases: StudyCase[];
  /** True for the shipped example study, whose annotators are made up: the UI says so wherever they appear. */
  example?: boolean;
}

/** One marked segment, stored as the protocol makes it: the tool widens a drag shorter than the minimal window
 * (25 ms inside 0–150 ms, 50 ms in 150–400 ms) about its centre and turns a click into ±10 ms when the expert marks
 * it (`applyProtocol`), so files hold what the masks use. */
export interface Segment {
  id: string;
  modality: Modality;
  lead: AnnotatedLead;
  startMs: number;
  endMs: number;
  /** Marked by a click (a point of interest) rather than a drag; kept so the origin of ±10 ms is visible. */
  point?: boolean;
}

export interface CaseAnnotation {
  caseId: string;
  segments: Segment[];
  /** Free-text diagnosis and comments per case (paper 3.5: "leaving their diagnosis"). */
  diagnosis: string;
  comments: string;
  /** The order in which the expert annotated the modalities, as recorded by the tool. */
  modalitiesDone: Modality[];
  updatedAt: string; // ISO 8601
}

export interface Expert {
  id: string;
  name: string;
  /** The example study's annotators are invented, not real experts. */
  madeUp?: boolean;
}

export interface AnnotationFile {
  format: typeof ANNOTATIONS_FORMAT;
  version: typeof ANNOTATIONS_VERSION;
  studyId: string;
  expert: Expert;
  cases: CaseAnnotation[];
}

/** CSV export: one row per segment, this header. */
export const ANNOTATIONS_CSV_HEADER = ['case', 'expert', 'modality', 'lead', 'start_ms', 'end_ms'] as const;
