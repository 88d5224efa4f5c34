import type { StateCreator } from 'zustand/vanilla';
import type { PreparedEcg } from '../../core/ecg/prepare.types';
import type { CaseEntry, CaseManifest } from '../case/manifest';
import type { AppError } from '../errors/appError';
import type { AppState } from './appStore';

/** Which case is open and how far loading got. One status, so the UI can never be "nothing". */
export type CaseStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface CaseSlice {
  manifest: CaseManifest | null;
  caseId: string | null;
  caseStatus: CaseStatus;
  prepared: PreparedEcg | null;
  caseError: AppError | null;
  /** Stamp of the latest request, so a slow earlier load cannot overwrite a later one. */
  caseRequest: number;

  caseLoadStarted: (caseId: string | null) => number;
  manifestLoaded: (request: number, manifest: CaseManifest, caseId: string) => void;
  caseLoaded: (request: number, prepared: PreparedEcg) => void;
  caseFailed: (request: number, error: AppError) => void;
}

export const createCaseSlice: StateCreator<AppState, [], [], CaseSlice> = (set, get) => ({
  manifest: null,
  caseId: null,
  caseStatus: 'idle',
  prepared: null,
  caseError: null,
  caseRequest: 0,

  caseLoadStarted: (caseId) => {
    const request = get().caseRequest + 1;
    set({ caseRequest: request, caseId, caseStatus: 'loading', prepared: null, caseError: null });
    return request;
  },
  manifestLoaded: (request, manifest, caseId) => {
    if (request === get().caseRequest) set({ manifest, caseId });
  },
  caseLoaded: (request, prepared) => {
    if (request === get().caseRequest) set({ caseStatus: 'ready', prepared, caseError: null });
  },
  caseFailed: (request, error) => {
    if (request === get().caseRequest) set({ caseStatus: 'error', prepared: null, caseError: error });
  },
});

/** Derived, not stored: the manifest entry of the open case. */
export function selectCaseEntry(s: Pick<CaseSlice, 'manifest' | 'caseId'>): CaseEntry | null {
  return s.manifest?.cases.find((c) => c.id === s.caseId) ?? null;
}
