import { EcgError } from '../../../errors';
import { assembleRecord, type ParsedChannel } from '../../assemble';
import type { EcgRecord } from '../../types';
import { scpLeadName } from '../lead-codes';
import { DEFAULT_TABLE, huffmanDecode, readHuffmanTables } from './huffman';
import { readScpDevice } from './metadata';
import { isScp, readSections, type ScpSection } from './sections';

export { isScp } from './sections';

/**
 * SCP-ECG (EN 1064 / ISO 11073-91064): sections 0–3 and 6 for the signal (Huffman — default or the file's own
 * tables — then first or second differences), 1, 7 and 8 for the device's report. Reference-beat subtraction
 * (section 3 flag, with sections 4–5) and bimodal compression (section 6) are refused with a message that says
 * so: they are not implemented, and reading such a file without them would give wrong samples.
 */
export function readScpRecord(bytes: Uint8Array, fileName: string): EcgRecord {
  if (!isScp(bytes))
    throw new EcgError('bad-scp', 'not an SCP-ECG record ("SCPECG" is missing from section 0)', { file: fileName });
  const sections = readSections(bytes, fileName);
  const need = (id: number): ScpSection => {
    const s = sections.get(id);
    if (!s)
      throw new EcgError(
        'bad-scp',
        `section ${id} is missing (needed for the ${id === 3 ? 'lead definitions' : 'rhythm data'})`,
        { file: fileName, field: `section ${id}` },
      );
    return s;
  };
  const leads = readLeadDefinitions(need(3), fileName);
  const rhythm = need(6);
  const bad = (m: string, field = 'section 6') => new EcgError('bad-scp', m, { file: fileName, field });
  if (rhythm.data.length < 6)
    throw new EcgError('truncated-data', 'section 6 has no header', { file: fileName, field: 'section 6' });
  const avmNv = rhythm.view.getUint16(0, true);
  const intervalUs = rhythm.view.getUint16(2, true);
  const differences = rhythm.data[4];
  const bimodal = rhythm.data[5];
  if (bimodal !== 0)
    throw new EcgError(
      'unsupported-format',
      'section 6 uses bimodal compression, which this reader does not implement',
      { file: fileName, field: 'section 6' },
    );
  if (leads.referenceBeatSubtraction) {
    throw new EcgError(
      'unsupported-format',
      'the rhythm data are stored with reference-beat subtraction (sections 4–5), which this reader does not implement',
      { file: fileName, field: 'section 3' },
    );
  }
  if (avmNv === 0 || intervalUs === 0)
    throw bad(`amplitude multiplier ${avmNv} nV, sample interval ${intervalUs} µs: neither may be 0`);
  if (differences > 2) throw bad(`difference encoding ${differences} is not 0, 1 or 2`);
  const tables = readHuffmanTables(sections.get(2)?.data, fileName);
  let p = 6 + 2 * leads.list.length;
  if (p > rhythm.data.length)
    throw new EcgError('truncated-data', `section 6 ends inside the table of ${leads.list.length} lead lengths`, {
      file: fileName,
      field: 'section 6',
    });
  const channels: ParsedChannel[] = leads.list.map((lead, k) => {
    const nBytes = rhythm.view.getUint16(6 + 2 * k, true);
    if (p + nBytes > rhythm.data.length)
      throw new EcgError(
        'truncated-data',
        `lead ${lead.name}: ${nBytes} bytes of data announced, section 6 has ${rhythm.data.length - p} left`,
        { file: fileName, field: 'section 6' },
      );
    const encoded = rhythm.data.subarray(p, p + nBytes);
    p += nBytes;
    const d = huffmanDecode(encoded, lead.samples, tables, { file: fileName, field: `section 6 lead ${lead.name}` });
    return { name: lead.name, units: 'nV', values: undifference(d, differences, avmNv) };
  });
  const lengths = new Set(channels.map((c) => c.values.length));
  if (lengths.size > 1)
    throw new EcgError(
      'header-data-mismatch',
      `the leads have different lengths (${[...lengths].join(', ')} samples): not simultaneously recorded`,
      { file: fileName, field: 'section 3' },
    );
  return assembleRecord({
    name: fileName.replace(/\.scp$/i, ''),
    format: 'scp-ecg',
    fsHz: 1e6 / intervalUs,
    channels,
    comments: [],
    sourceFiles: [fileName],
    notes: [
      `SCP-ECG: Huffman coded (${tables[0] === DEFAULT_TABLE ? 'the default table' : `${tables.length} table(s) of the file`}), ${['no', 'first', 'second'][differences]} differences`,
    ],
    mainFile: fileName,
    device: readScpDevice(sections),
  });
}

interface LeadDefinitions {
  referenceBeatSubtraction: boolean;
  list: { name: string; samples: number }[];
}

/** Section 3: number of leads, flags, then per lead the first and last sample (1-based) and the lead code. */
function readLeadDefinitions(s3: ScpSection, file: string): LeadDefinitions {
  if (s3.data.length < 2) throw new EcgError('truncated-data', 'section 3 has no header', { file, field: 'section 3' });
  const n = s3.data[0];
  const flags = s3.data[1];
  if (n === 0) throw new EcgError('bad-scp', 'section 3 defines no leads', { file, field: 'section 3' });
  if (2 + 9 * n > s3.data.length)
    throw new EcgError(
      'truncated-data',
      `section 3 announces ${n} leads (${2 + 9 * n} bytes); it has ${s3.data.length}`,
      { file, field: 'section 3' },
    );
  const list = Array.from({ length: n }, (_, k) => {
    const start = s3.view.getUint32(2 + 9 * k, true);
    const end = s3.view.getUint32(6 + 9 * k, true);
    const code = s3.data[10 + 9 * k];
    if (end < start || end - start + 1 > 600_000)
      throw new EcgError('bad-scp', `lead ${k + 1} runs from sample ${start} to ${end}`, { file, field: 'section 3' });
    return { name: scpLeadName(code), samples: end - start + 1 };
  });
  return { referenceBeatSubtraction: (flags & 1) === 1, list };
}

/** Differences → samples, then × the amplitude multiplier (nV). Second differences: x[n] = d[n] + 2x[n−1] − x[n−2]. */
function undifference(d: Int32Array, order: number, avmNv: number): Float64Array {
  const x = new Float64Array(d.length);
  for (let n = 0; n < d.length; n++) {
    if (order === 0 || n === 0 || (order === 2 && n === 1)) x[n] = d[n];
    else if (order === 1) x[n] = d[n] + x[n - 1];
    else x[n] = d[n] + 2 * x[n - 1] - x[n - 2];
  }
  for (let n = 0; n < x.length; n++) x[n] *= avmNv;
  return x;
}
