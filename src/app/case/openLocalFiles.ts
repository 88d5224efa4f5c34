import { prepareReaders } from '../../core/ecg/load';
import { toAppError } from '../errors/appError';
import type { AppStore } from '../store/appStore';
import type { OpenCase } from './openCase';
import { pickFirstRecord } from './pickRecord';
import { type LocalFile, readLocalFiles } from './readLocalFiles';

/**
 * The user's own files → the same core pipeline as a demo case (openCase) → store. The open case is replaced only
 * once the files have parsed: a broken or hostile file ends in `fileError` (naming the file and the problem) with
 * the previous case, its grid and its prediction untouched. Whichever of a demo case or files was asked for last
 * wins: a demo case started meanwhile moves the attempt stamp on, and a parsed file takes a new case request.
 */
export async function openLocalFiles(
  store: AppStore,
  files: readonly LocalFile[],
  deps: { openCase: OpenCase },
): Promise<void> {
  const names = files.map((f) => f.name);
  const attempt = store.getState().localFilesOpening(names);
  try {
    // Several records at once: open the first (the summary says so, from the names: pickRecord.ts).
    const pick = pickFirstRecord(names);
    const recordFiles = await readLocalFiles(pick ? files.filter((f) => pick.files.includes(f.name)) : files); // sizes and counts are refused here, before any byte is read
    await prepareReaders(recordFiles); // DICOM / XML: their parser is fetched now, on first use only
    // Let the "opening" line paint before the synchronous parse + filter work.
    await new Promise((r) => setTimeout(r, 0));
    if (attempt !== store.getState().fileAttempt) return; // superseded: skip the parse
    const prepared = deps.openCase(recordFiles, { npy: store.getState().npyOptions });
    const request = store.getState().localCaseStarted(names);
    store.getState().caseLoaded(request, prepared);
  } catch (e) {
    store.getState().localFilesRefused(attempt, toAppError(e));
  }
}
