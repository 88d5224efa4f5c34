import type { EcgRecord } from '../../core/ecg/types';

/** "500 Hz · 10 s · 12 leads": rate and length as read from the file, before resampling. */
export function describeRecord(record: Pick<EcgRecord, 'fsHz' | 'nSamples' | 'leadsMv'>): string {
  const seconds = record.nSamples / record.fsHz;
  const duration = Number.isInteger(seconds) ? seconds.toFixed(0) : seconds.toFixed(1);
  return `${record.fsHz} Hz · ${duration} s · ${record.leadsMv.length} leads`;
}
