import { MODEL_FS_HZ } from '../../core/constants';
import type { NpyOptions } from '../../core/ecg/npy-record';
import type { StateCreator } from 'zustand/vanilla';
import type { PreparedEcg } from '../../core/ecg/prepare.types';
import type { CaseEntry, CaseManifest } from '../case/manifest';
import type { AppError } from '../errors/appError';
import { synthCaseEntry } from '../synth/synthCatalogue';
import type { AppState } from './appStore';

/** Which case is open and how far loading got. One status, so the UI can never be "nothing". */
export type CaseStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface CaseSlice {
  /**
   * What the app asks about a NumPy .npy (it stores neither): its sampling rate (default 500 Hz) and whether it is
   * already band-passed and z-scored. Set in the "Open files" panel, read when a file is opened or dropped.
   */
  npyOptions: Required<NpyOptions>;
  setNpyOptions: (options: Partial<NpyOptions>) => void;
  /** The bundled cases; kept once fetched, whichever case is open (the case browser lists them). */
  manifest: CaseManifest | null;
  /** The open demo case's id; null while a local file is open (or before the manifest resolves the default). */
  caseId: string | null;
  /** Names of the user's own files when a local record is open; null for a demo case. */
  localFiles: string[] | null;
  caseStatus: CaseStatus;
  prepared: PreparedEcg | null;
  caseError: AppError | null;
  /** Stamp of the latest request (demo or local), so a slow earlier load cannot overwrite a later one. */
  caseRequest: number;
  /**
   * The user's files being read and parsed: the open case stays as it is until they parse, so a broken or hostile
   * file never leaves a half-updated app. Its own stamp (not caseRequest, which would reset the prediction).
   */
  openingFiles: string[] | null;
  fileAttempt: number;
  /** Why the last files could not be opened; the case shown before is kept. Cleared by the next open. */
  fileError: AppError | null;

  /** A demo case starts loading (`caseId` null: the manifest's first case). Returns the request stamp. */
  caseLoadStarted: (caseId: string | null) => number;
  /** The user's own files start loading. Returns the request stamp. */
  localCaseStarted: (fileNames: string[]) => number;
  /** The user's files are being read (the open case untouched). Returns the attempt stamp. */
  localFilesOpening: (fileNames: string[]) => number;
  /** The files of this attempt were refused: say why, keep the open case. */
  localFilesRefused: (attempt: number, error: AppError) => void;
  /** The manifest is static data: stored whichever request fetched it. */
  manifestLoaded: (manifest: CaseManifest) => void;
  /** The manifest named the case of this request (resolves the default case). */
  caseResolved: (request: number, caseId: string) => void;
  caseLoaded: (request: number, prepared: PreparedEcg) => void;
  caseFailed: (request: number, error: AppError) => void;
}

export const createCaseSlice: StateCreator<AppState, [], [], CaseSlice> = (set, get) => ({
  npyOptions: { fsHz: MODEL_FS_HZ, zscored: false },
  setNpyOptions: (options) => set({ npyOptions: { ...get().npyOptions, ...options } }),
  manifest: null,
  caseId: null,
  localFiles: null,
  caseStatus: 'idle',
  prepared: null,
  caseError: null,
  caseRequest: 0,
  openingFiles: null,
  fileAttempt: 0,
  fileError: null,

  caseLoadStarted: (caseId) => {
    const request = get().caseRequest + 1;
    // A demo case asked for after files supersedes them (their attempt stamp moves on).
    set({
      caseRequest: request,
      caseId,
      localFiles: null,
      caseStatus: 'loading',
      prepared: null,
      caseError: null,
      fileAttempt: get().fileAttempt + 1,
      openingFiles: null,
      fileError: null,
    });
    return request;
  },
  localCaseStarted: (fileNames) => {
    const request = get().caseRequest + 1;
    set({
      caseRequest: request,
      caseId: null,
      localFiles: [...fileNames],
      caseStatus: 'loading',
      prepared: null,
      caseError: null,
      openingFiles: null,
      fileError: null,
    });
    return request;
  },
  localFilesOpening: (fileNames) => {
    const attempt = get().fileAttempt + 1;
    set({ fileAttempt: attempt, openingFiles: [...fileNames], fileError: null });
    return attempt;
  },
  localFilesRefused: (attempt, error) => {
    if (attempt === get().fileAttempt) set({ openingFiles: null, fileError: error });
  },
  manifestLoaded: (manifest) => set({ manifest }),
  caseResolved: (request, caseId) => {
    if (request === get().caseRequest) set({ caseId });
  },
  caseLoaded: (request, prepared) => {
    if (request === get().caseRequest) set({ caseStatus: 'ready', prepared, caseError: null });
  },
  caseFailed: (request, error) => {
    if (request === get().caseRequest) set({ caseStatus: 'error', prepared: null, caseError: error });
  },
});

/** Derived, not stored: the manifest entry of the open case, or a synthetic case's entry (null for a local file). */
export function selectCaseEntry(s: Pick<CaseSlice, 'manifest' | 'caseId'>): CaseEntry | null {
  return s.manifest?.cases.find((c) => c.id === s.caseId) ?? synthEntryOf(s.caseId);
}

/** How the loading line names what is being opened. */
export function selectCaseLabel(s: Pick<CaseSlice, 'manifest' | 'caseId' | 'localFiles'>): string {
  const entry = selectCaseEntry(s);
  if (entry) return `“${entry.title}”`;
  if (s.localFiles) return s.localFiles.join(', ');
  return 'demo case';
}

// One entry object per id, so selectors return a stable value (zustand compares by reference).
const synthEntries = new Map<string, CaseEntry | null>();
function synthEntryOf(id: string | null): CaseEntry | null {
  if (!id) return null;
  if (!synthEntries.has(id)) synthEntries.set(id, synthCaseEntry(id));
  return synthEntries.get(id)!;
}
