import { toAppError } from '../errors/appError';
import type { AppStore } from '../store/appStore';
import { type Fetch, fetchCaseFiles, fetchManifest } from './fetchCase';
import { findCase } from './manifest';
import type { OpenCase } from './openCase';
import { isSynthCaseId } from '../synth/synthCatalogue';

export interface LoadCaseDeps {
  fetch: Fetch;
  openCase: OpenCase;
}

/**
 * manifest → the case's files → core pipeline → store. Every failure lands in the store as an AppError,
 * so the screen always shows either the ECG, "loading", or what went wrong.
 * `caseId` null opens the first case in the manifest.
 */
export async function loadCase(store: AppStore, caseId: string | null, deps: LoadCaseDeps): Promise<void> {
  const { caseLoadStarted, manifestLoaded, caseResolved, caseLoaded, caseFailed } = store.getState();
  const request = caseLoadStarted(caseId);
  try {
    let manifest = store.getState().manifest;
    if (!manifest) {
      manifest = await fetchManifest(deps.fetch);
      // Stored before the id is checked: after "unknown case" the case browser can still list the cases.
      manifestLoaded(manifest);
    }
    if (isSynthCaseId(caseId)) return await loadSynthCase(store, request, caseId!, deps);
    const entry = findCase(manifest, caseId);
    caseResolved(request, entry.id);
    const files = await fetchCaseFiles(entry, deps.fetch);
    // Let the "loading" state paint before the synchronous parse + filter work.
    await new Promise((r) => setTimeout(r, 0));
    if (request !== store.getState().caseRequest) return; // superseded: skip the parse
    caseLoaded(request, deps.openCase(files));
  } catch (e) {
    caseFailed(request, toAppError(e));
  }
}

/** A synthetic case (`?case=synth-…`): generated here by the core generator, loaded on its own chunk when first asked for. */
async function loadSynthCase(store: AppStore, request: number, caseId: string, deps: LoadCaseDeps): Promise<void> {
  store.getState().caseResolved(request, caseId);
  const { makeSynthCase } = await import('../synth/makeSynthCase');
  await new Promise((r) => setTimeout(r, 0)); // let "loading" paint before the synchronous generation
  if (request !== store.getState().caseRequest) return;
  const { files, truth } = makeSynthCase(caseId);
  const prepared = deps.openCase(files);
  store.getState().synthTruthLoaded(truth);
  store.getState().caseLoaded(request, prepared);
}

/** The case named in the page URL (`?case=ptbxl-00285`), if any. */
export function caseIdFromUrl(search: string): string | null {
  const id = new URLSearchParams(search).get('case');
  return id && id.trim() ? id.trim() : null;
}
