import type { StateCreator } from 'zustand/vanilla';
import {
  ANNOTATIONS_FORMAT,
  ANNOTATIONS_VERSION,
  type AnnotationFile,
  type CaseAnnotation,
  type Expert,
  type Modality,
  type Segment,
  type Study,
} from '../../core/eval/study-format';
import { applyProtocol } from '../../core/eval/protocol';
import type { AppState } from './appStore';

/** An expert's annotations of the open study, by case id: the unit of undo/redo and of saving. */
export type CaseAnnotations = Readonly<Record<string, CaseAnnotation>>;

/** A mark as the expert made it, before the protocol: a drag [startMs, endMs] or a click (point). */
export interface RawMark {
  modality: Modality;
  lead: string;
  startMs: number;
  endMs: number;
  point?: boolean;
}

/** Something study mode must tell the user (a refused file, a stored record it could not read), with the raw data. */
export interface StudyNotice {
  kind: 'error' | 'info';
  message: string;
  /** The unreadable stored data, offered for download instead of being wiped. */
  raw?: string;
}

const UNDO_LIMIT = 200;

export interface StudySlice {
  study: Study | null;
  expert: Expert | null;
  annotations: CaseAnnotations;
  caseIndex: number;
  selectedMarkId: string | null;
  /** Undo/redo stacks of whole `annotations` snapshots (immutable, so a snapshot is one reference). */
  undoStack: CaseAnnotations[];
  redoStack: CaseAnnotations[];
  /** The text field last typed into: consecutive keystrokes in one field are one undo step. */
  lastTextEdit: string | null;
  studyNotice: StudyNotice | null;

  /** A study becomes the open one; the expert's work is cleared (chosen again with expertChosen). */
  studyOpened: (study: Study) => void;
  studyClosed: () => void;
  /** The expert starts or resumes: `work` is their stored annotations and case, if any. */
  expertChosen: (expert: Expert, work?: { annotations: CaseAnnotations; caseIndex: number }) => void;
  goToCase: (index: number) => void;
  /** Applies the protocol and stores the mark on the open case; returns it (null when no study/expert). */
  addMark: (mark: RawMark) => Segment | null;
  deleteMark: (id: string) => void;
  selectMark: (id: string | null) => void;
  setCaseText: (field: 'diagnosis' | 'comments', text: string) => void;
  /** The expert finished a modality on the open case: recorded once, in order (paper 3.5: annotated independently). */
  modalityDone: (modality: Modality) => void;
  /** Replaces the expert's work by an imported file of the same study (caller checked study id). */
  annotationsImported: (file: AnnotationFile) => void;
  undo: () => void;
  redo: () => void;
  setStudyNotice: (notice: StudyNotice | null) => void;
}

let markCounter = 0;
/** Unique within a session and across reloads (time + counter), short enough to read in a file. */
export const newMarkId = (): string => `m${Date.now().toString(36)}${(markCounter++).toString(36)}`;

export function emptyCase(caseId: string): CaseAnnotation {
  return { caseId, segments: [], diagnosis: '', comments: '', modalitiesDone: [], updatedAt: '' };
}

export const createStudySlice: StateCreator<AppState, [], [], StudySlice> = (set, get) => {
  /** The open case's id, or null without a study. */
  const openCaseId = (): string | null => get().study?.cases[get().caseIndex]?.id ?? null;

  /** One undoable change to the open case. */
  const change = (edit: (c: CaseAnnotation) => CaseAnnotation, textField: string | null = null): void => {
    const s = get();
    const caseId = openCaseId();
    if (!caseId || !s.expert) return;
    const before = s.annotations;
    const next = { ...edit(before[caseId] ?? emptyCase(caseId)), updatedAt: new Date().toISOString() };
    const coalesce = textField !== null && textField === s.lastTextEdit;
    set({
      annotations: { ...before, [caseId]: next },
      undoStack: coalesce ? s.undoStack : [...s.undoStack, before].slice(-UNDO_LIMIT),
      redoStack: [],
      lastTextEdit: textField,
    });
  };

  return {
    study: null,
    expert: null,
    annotations: {},
    caseIndex: 0,
    selectedMarkId: null,
    undoStack: [],
    redoStack: [],
    lastTextEdit: null,
    studyNotice: null,

    studyOpened: (study) =>
      set({
        study,
        expert: null,
        annotations: {},
        caseIndex: 0,
        selectedMarkId: null,
        undoStack: [],
        redoStack: [],
        lastTextEdit: null,
        studyNotice: null,
      }),
    studyClosed: () =>
      set({
        study: null,
        expert: null,
        annotations: {},
        caseIndex: 0,
        selectedMarkId: null,
        undoStack: [],
        redoStack: [],
        lastTextEdit: null,
      }),
    expertChosen: (expert, work) => {
      const n = get().study?.cases.length ?? 0;
      const caseIndex = Math.min(Math.max(0, work?.caseIndex ?? 0), Math.max(0, n - 1));
      set({
        expert,
        annotations: work?.annotations ?? {},
        caseIndex,
        selectedMarkId: null,
        undoStack: [],
        redoStack: [],
        lastTextEdit: null,
      });
    },
    goToCase: (index) => {
      const n = get().study?.cases.length ?? 0;
      if (n === 0) return;
      const caseIndex = Math.min(Math.max(0, index), n - 1);
      if (caseIndex !== get().caseIndex) set({ caseIndex, selectedMarkId: null, lastTextEdit: null });
    },
    addMark: (mark) => {
      if (!openCaseId() || !get().expert) return null;
      // Whole milliseconds: a pointer is not finer than ~1 ms here (samples are 2 ms apart), and files stay readable.
      const { startMs, endMs } = applyProtocol({
        ...mark,
        startMs: Math.round(mark.startMs),
        endMs: Math.round(mark.endMs),
      });
      const segment: Segment = {
        id: newMarkId(),
        modality: mark.modality,
        lead: mark.lead,
        startMs,
        endMs,
        ...(mark.point ? { point: true } : {}),
      };
      change((c) => ({ ...c, segments: [...c.segments, segment] }));
      set({ selectedMarkId: segment.id });
      return segment;
    },
    deleteMark: (id) => {
      const caseId = openCaseId();
      if (!caseId || !get().annotations[caseId]?.segments.some((s) => s.id === id)) return;
      change((c) => ({ ...c, segments: c.segments.filter((s) => s.id !== id) }));
      if (get().selectedMarkId === id) set({ selectedMarkId: null });
    },
    selectMark: (id) => set({ selectedMarkId: id }),
    setCaseText: (field, text) => change((c) => ({ ...c, [field]: text }), field),
    modalityDone: (modality) => {
      const caseId = openCaseId();
      if (!caseId || get().annotations[caseId]?.modalitiesDone.includes(modality)) return;
      change((c) => ({ ...c, modalitiesDone: [...c.modalitiesDone, modality] }));
    },
    annotationsImported: (file) => {
      const s = get();
      set({
        expert: file.expert,
        annotations: Object.fromEntries(file.cases.map((c) => [c.caseId, c])),
        undoStack: s.expert?.id === file.expert.id ? [...s.undoStack, s.annotations].slice(-UNDO_LIMIT) : [],
        redoStack: [],
        selectedMarkId: null,
        lastTextEdit: null,
      });
    },
    undo: () => {
      const s = get();
      const prev = s.undoStack[s.undoStack.length - 1];
      if (!prev) return;
      set({
        annotations: prev,
        undoStack: s.undoStack.slice(0, -1),
        redoStack: [...s.redoStack, s.annotations],
        lastTextEdit: null,
        selectedMarkId: null,
      });
    },
    redo: () => {
      const s = get();
      const next = s.redoStack[s.redoStack.length - 1];
      if (!next) return;
      set({
        annotations: next,
        redoStack: s.redoStack.slice(0, -1),
        undoStack: [...s.undoStack, s.annotations],
        lastTextEdit: null,
        selectedMarkId: null,
      });
    },
    setStudyNotice: (studyNotice) => set({ studyNotice }),
  };
};

/** The expert's work as an annotation file (cases in study order, only cases with something in them). */
export function selectAnnotationFile(s: Pick<StudySlice, 'study' | 'expert' | 'annotations'>): AnnotationFile | null {
  if (!s.study || !s.expert) return null;
  const cases = s.study.cases.map((c) => s.annotations[c.id]).filter((c): c is CaseAnnotation => !!c);
  return { format: ANNOTATIONS_FORMAT, version: ANNOTATIONS_VERSION, studyId: s.study.id, expert: s.expert, cases };
}

/** The open case's annotation (an empty one before the first change). */
export function selectOpenCase(s: Pick<StudySlice, 'study' | 'annotations' | 'caseIndex'>): CaseAnnotation | null {
  const id = s.study?.cases[s.caseIndex]?.id;
  return id ? (s.annotations[id] ?? emptyCase(id)) : null;
}

/**
 * Cases finished (both modalities marked done: a case can be finished with no mark, when nothing looked salient) and
 * cases started but not finished (a mark or one modality done), of all cases.
 */
export function selectProgress(s: Pick<StudySlice, 'study' | 'annotations'>): {
  done: number;
  started: number;
  total: number;
} {
  const cases = s.study?.cases ?? [];
  const finished = (a: CaseAnnotation | undefined) =>
    !!a && a.modalitiesDone.includes('12-lead') && a.modalitiesDone.includes('cinecg');
  const begun = (a: CaseAnnotation | undefined) => !!a && (a.segments.length > 0 || a.modalitiesDone.length > 0);
  const done = cases.filter((c) => finished(s.annotations[c.id])).length;
  const started = cases.filter((c) => !finished(s.annotations[c.id]) && begun(s.annotations[c.id])).length;
  return { done, started, total: cases.length };
}
