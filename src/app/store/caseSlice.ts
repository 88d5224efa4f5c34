import type { StateCreator } from 'zustand/vanilla';
import type { PreparedEcg } from '../../core/ecg/prepare.types';
import type { CaseEntry, CaseManifest } from '../case/manifest';
import type { AppError } from '../errors/appError';
import type { AppState } from './appStore';

/** Which case is open and how far loading got. One status, so the UI can never be "nothing". */
export type CaseStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface CaseSlice {
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

  /** A demo case starts loading (`caseId` null: the manifest's first case). Returns the request stamp. */
  caseLoadStarted: (caseId: string | null) => number;
  /** The user's own files start loading. Returns the request stamp. */
  localCaseStarted: (fileNames: string[]) => number;
  /** The manifest is static data: stored whichever request fetched it. */
  manifestLoaded: (manifest: CaseManifest) => void;
  /** The manifest named the case of this request (resolves the default case). */
  caseResolved: (request: number, caseId: string) => void;
  caseLoaded: (request: number, prepared: PreparedEcg) => void;
  caseFailed: (request: number, error: AppError) => void;
}

export const createCaseSlice: StateCreator<AppState, [], [], CaseSlice> = (set, get) => ({
  manifest: null,
  caseId: null,
  localFiles: null,
  caseStatus: 'idle',
  prepared: null,
  caseError: null,
  caseRequest: 0,

  caseLoadStarted: (caseId) => {
    const request = get().caseRequest + 1;
    set({ caseRequest: request, caseId, localFiles: null, caseStatus: 'loading', prepared: null, caseError: null });
    return request;
  },
  localCaseStarted: (fileNames) => {
    const request = get().caseRequest + 1;
    set({ caseRequest: request, caseId: null, localFiles: [...fileNames], caseStatus: 'loading', prepared: null, caseError: null });
    return request;
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

/** Derived, not stored: the manifest entry of the open case (null for a local file). */
export function selectCaseEntry(s: Pick<CaseSlice, 'manifest' | 'caseId'>): CaseEntry | null {
  return s.manifest?.cases.find((c) => c.id === s.caseId) ?? null;
}

/** How the loading line names what is being opened. */
export function selectCaseLabel(s: Pick<CaseSlice, 'manifest' | 'caseId' | 'localFiles'>): string {
  const entry = selectCaseEntry(s);
  if (entry) return `“${entry.title}”`;
  if (s.localFiles) return s.localFiles.join(', ');
  return 'demo case';
}
