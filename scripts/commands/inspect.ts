import { prepareEcg } from '../../src/core/ecg/prepare';
import type { LoadOptions } from '../../src/core/ecg/load';
import { STANDARD_LEADS } from '../../src/core/ecg/types';
import { loadRecordAt } from '../lib/record-files';

/** `cli inspect <record>`: what the reader and preprocessing made of a record. */
export function inspectRecord(path: string, load: LoadOptions = {}) {
  const record = loadRecordAt(path, load);
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
    ...(record.preprocessed ? { preprocessed: record.preprocessed } : {}),
    ...(record.device ? { device: record.device } : {}),
    ...(record.extraSeries
      ? {
          extraSeries: record.extraSeries.map((s) => ({
            label: s.label,
            fsHz: s.fsHz,
            channels: s.channels.map((c) => c.name),
            samples: s.channels[0]?.samples.length ?? 0,
          })),
        }
      : {}),
  };
}
