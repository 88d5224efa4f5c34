import { toAppError } from '../errors/appError';
import type { AppStore } from '../store/appStore';
import type { OpenCase } from './openCase';
import { pickFirstRecord } from './pickRecord';
import { type LocalFile, readLocalFiles } from './readLocalFiles';

/**
 * The user's own files → the same core pipeline as a demo case (openCase) → store. Shares the request
 * stamps with loadCase, so whichever of a demo case or a file was asked for last is what stays open.
 */
export async function openLocalFiles(store: AppStore, files: readonly LocalFile[], deps: { openCase: OpenCase }): Promise<void> {
  const request = store.getState().localCaseStarted(files.map((f) => f.name));
  try {
    // Several records at once: open the first (the summary says so, from the names: pickRecord.ts).
    const pick = pickFirstRecord(files.map((f) => f.name));
    const recordFiles = await readLocalFiles(pick ? files.filter((f) => pick.files.includes(f.name)) : files);
    // Let the "loading" state paint before the synchronous parse + filter work.
    await new Promise((r) => setTimeout(r, 0));
    if (request !== store.getState().caseRequest) return; // superseded: skip the parse
    store.getState().caseLoaded(request, deps.openCase(recordFiles));
  } catch (e) {
    store.getState().caseFailed(request, toAppError(e));
  }
}
