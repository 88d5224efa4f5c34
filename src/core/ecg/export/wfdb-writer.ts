import { EcgError } from '../../errors';
import { FORMAT_NAMES } from '../format-names';
import { STANDARD_LEADS, type EcgRecord } from '../types';

/** 1000 ADC units per mV (1 µV steps) unless the record's largest value does not fit int16 at that gain. */
const PREFERRED_GAIN = 1000;

/**
 * A record as WFDB: `<name>.hea` + `<name>.dat`, format 16 (little-endian int16, the 12 standard leads
 * interleaved), gain in ADC units per mV, baseline 0, first values and checksums in the header, so PhysioNet's
 * tools (and our own reader) take it on. Only the 12 leads are written; header comments say where they came from
 * (format, derived leads) — never anything about the patient.
 */
export function toWfdb(
  record: EcgRecord,
  name = safeName(record.name),
): { header: string; data: Uint8Array; files: Map<string, Uint8Array> } {
  refuseZscored(record);
  const maxAbs = record.leadsMv.reduce((m, x) => x.reduce((a, v) => Math.max(a, Math.abs(v)), m), 0);
  const gain = maxAbs * PREFERRED_GAIN <= 32767 ? PREFERRED_GAIN : Math.floor(32767 / maxAbs);
  const n = record.nSamples;
  const data = new Uint8Array(2 * 12 * n);
  const dv = new DataView(data.buffer);
  const digital = record.leadsMv.map((x) => Int16Array.from(x, (v) => Math.round(v * gain)));
  for (let t = 0; t < n; t++) for (let l = 0; l < 12; l++) dv.setInt16(2 * (t * 12 + l), digital[l][t], true);
  const lines = [`${name} 12 ${record.fsHz} ${n}`];
  STANDARD_LEADS.forEach((lead, l) => {
    const checksum = (digital[l].reduce((s, v) => s + v, 0) << 16) >> 16; // 16-bit two's complement sum
    lines.push(`${name}.dat 16 ${gain}(0)/mV 16 0 ${digital[l][0] ?? 0} ${checksum} 0 ${lead}`);
  });
  lines.push(`# exported by CineECG Explorer from ${FORMAT_NAMES[record.format]} (${record.sourceFiles.join(', ')})`);
  if (record.derivedLeads.length)
    lines.push(`# leads ${record.derivedLeads.join(', ')} were computed from the limb leads, not recorded`);
  const header = `${lines.join('\n')}\n`;
  return {
    header,
    data,
    files: new Map([
      [`${name}.hea`, new TextEncoder().encode(header)],
      [`${name}.dat`, data],
    ]),
  };
}

/** A z-scored record (a .npy opened as already band-passed and z-scored) has no millivolts to write. */
export function refuseZscored(record: EcgRecord): void {
  if (record.preprocessed) {
    throw new EcgError(
      'unsupported-format',
      'this record holds z-scores (opened as already band-passed and z-scored), not millivolts: there is nothing to export in mV',
      { file: record.sourceFiles[0] },
    );
  }
}

/** A record name WFDB accepts: letters, digits, underscore (header(5)). */
export function safeName(name: string): string {
  return name.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '') || 'record';
}
