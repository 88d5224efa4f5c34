import { STANDARD_LEADS, type EcgRecord } from '../types';
import { FORMAT_NAMES } from '../format-names';
import { refuseZscored } from './wfdb-writer';

/**
 * A record as CSV in the shape our CSV reader and spreadsheet tools take: `# fs:` and `# units: mV` comment lines,
 * a header row I … V6, one row per sample, values in mV to 0.1 µV (finer than any device's resolution).
 */
export function toCsv(record: EcgRecord): string {
  refuseZscored(record);
  const out: string[] = [
    `# fs: ${record.fsHz}`,
    '# units: mV',
    `# exported by CineECG Explorer from ${FORMAT_NAMES[record.format]} (${record.sourceFiles.join(', ')})`,
  ];
  if (record.derivedLeads.length)
    out.push(`# leads ${record.derivedLeads.join(', ')} were computed from the limb leads, not recorded`);
  out.push(STANDARD_LEADS.join(','));
  for (let t = 0; t < record.nSamples; t++) out.push(record.leadsMv.map((x) => fmt(x[t])).join(','));
  return `${out.join('\n')}\n`;
}

function fmt(v: number): string {
  const s = v.toFixed(4);
  return s === '-0.0000' ? '0.0000' : s;
}
