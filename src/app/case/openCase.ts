import { type LoadOptions, loadRecord } from '../../core/ecg/load';
import { prepareEcg } from '../../core/ecg/prepare';
import type { PreparedEcg } from '../../core/ecg/prepare.types';
import type { RecordFiles } from '../../core/ecg/types';

/**
 * The app's single door into the core pipeline: files → record → prepared ECG.
 * Throws the core's EcgError on bad input; callers turn it into an AppError.
 * (Runs on the main thread for now: a 10 s record takes milliseconds. Moves to the worker with the model.)
 */
export function openCase(files: RecordFiles, options: LoadOptions = {}): PreparedEcg {
  return prepareEcg(loadRecord(files, options));
}

export type OpenCase = typeof openCase;
