import type { RecordFiles } from '../../core/ecg/types';
import { recordFilesOf, synthFiles } from '../../core/synth/files';
import { synthesizeRecord } from '../../core/synth/generate';
import type { SampleRange } from '../../core/synth/mask';
import { AppFailure } from '../errors/appError';
import { parseSynthCaseId, SYNTH_CASE_INDEX, SYNTH_CASE_SEED } from './synthCatalogue';
import type { SynthTruth } from './synthTruth';

/**
 * The files and the truth of one synthetic case, made by the core generator (this module is loaded lazily: the
 * generator stays out of the page's first chunk). The record goes through the WFDB writer and then the app's ordinary
 * reader (openCase), exactly as `cli synth`'s files would.
 */
export function makeSynthCase(caseId: string): { files: RecordFiles; truth: SynthTruth } {
  const ref = parseSynthCaseId(caseId);
  if (!ref)
    throw new AppFailure({
      code: 'unknown-case',
      message: `no synthetic case "${caseId}" (synth-<lafb|bbb|st|t-inversion|normal>[-healthy])`,
    });
  const r = synthesizeRecord(SYNTH_CASE_SEED, SYNTH_CASE_INDEX, ref.pathology);
  const all = synthFiles(r);
  const name = ref.twin ? `${r.name}-healthy` : r.name;
  // The twin against itself differs nowhere: its truth is empty by construction.
  const mask: Record<string, SampleRange[]> = ref.twin
    ? Object.fromEntries(Object.keys(r.mask).map((lead) => [lead, []]))
    : r.mask;
  return {
    files: recordFilesOf(all, name),
    truth: {
      caseId,
      pathology: ref.pathology,
      twin: ref.twin,
      label: ref.twin ? 'normal' : r.label,
      fsHz: r.fsHz,
      mask,
      injection: ref.twin ? null : r.injection,
    },
  };
}
