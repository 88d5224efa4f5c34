import { prepareReaders } from '../../core/ecg/load';
import { toAppError } from '../errors/appError';
import type { AppStore } from '../store/appStore';
import type { OpenCase } from './openCase';
import { npyOptionsStore } from './npyOptions';
import { type LocalFile, readLocalFiles } from './readLocalFiles';

/**
 * The user's own files → the same core pipeline as a demo case (openCase) → store. Shares the request
 * stamps with loadCase, so whichever of a demo case or a file was asked for last is what stays open.
 */
export async function openLocalFiles(store: AppStore, files: readonly LocalFile[], deps: { openCase: OpenCase }): Promise<void> {
  const request = store.getState().localCaseStarted(files.map((f) => f.name));
  try {
    const recordFiles = await readLocalFiles(files);
    await prepareReaders(recordFiles); // DICOM / XML: their parser is fetched now, on first use only
    // Let the "loading" state paint before the synchronous parse + filter work.
    await new Promise((r) => setTimeout(r, 0));
    if (request !== store.getState().caseRequest) return; // superseded: skip the parse
    store.getState().caseLoaded(request, deps.openCase(recordFiles, { npy: npyOptionsStore.getState() }));
  } catch (e) {
    store.getState().caseFailed(request, toAppError(e));
  }
}
