import { prepareEcg } from '../../src/core/ecg/prepare';
import { loadRecord } from '../../src/core/ecg/load';
import { STANDARD_LEADS } from '../../src/core/ecg/types';
import { readRecordFiles } from '../lib/record-files';

/** `cli inspect <record>`: what the reader and preprocessing made of a record. */
export function inspectRecord(path: string) {
  const record = loadRecord(readRecordFiles(path));
  const p = prepareEcg(record);
  return {
    record: path,
    format: record.format,
    fsHz: p.fsHz,
    sourceFsHz: record.fsHz,
    durationS: p.nSamples / p.fsHz,
    leads: [...STANDARD_LEADS],
    derivedLeads: record.derivedLeads,
    extras: record.extras.map((e) => e.name),
    qrsOnsetsMs: p.qrsOnsetsMs,
    windowStartMs: p.windowStartMs,
    windowSamples: p.windowSamples,
    beat: p.beat,
    units: 'mV' as const,
    notes: record.notes,
  };
}
