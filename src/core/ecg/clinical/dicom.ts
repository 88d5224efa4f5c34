import type { DataSet } from 'dicom-parser';
import { EcgError } from '../../errors';
import { assembleRecord, type ParsedChannel } from '../assemble';
import { millivoltsPer } from '../units';
import type { DeviceMeasurement, EcgRecord, ExtraSeries } from '../types';
import { dicomLeadName } from './lead-codes';
import { dicomLib } from './libs';

/** "DICM" after the 128-byte preamble: a DICOM Part 10 file. */
export function isDicom(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 132 && bytes[128] === 0x44 && bytes[129] === 0x49 && bytes[130] === 0x43 && bytes[131] === 0x4d
  );
}

const T = {
  transferSyntax: 'x00020010',
  manufacturer: 'x00080070',
  model: 'x00081090',
  software: 'x00181020',
  acquired: 'x0008002a',
  contentDate: 'x00080023',
  contentTime: 'x00080033',
  waveformSeq: 'x54000100',
  groupLabel: 'x003a0020',
  channels: 'x003a0005',
  samples: 'x003a0010',
  fs: 'x003a001a',
  bitsAllocated: 'x54001004',
  interpretation: 'x54001006',
  data: 'x54001010',
  channelDefs: 'x003a0200',
  source: 'x003a0208',
  sensitivity: 'x003a0210',
  sensitivityUnits: 'x003a0211',
  correction: 'x003a0212',
  baseline: 'x003a0213',
  codeValue: 'x00080100',
  scheme: 'x00080102',
  meaning: 'x00080104',
  annotations: 'x0040b020',
  conceptName: 'x0040a043',
  numeric: 'x0040a30a',
  units: 'x004008ea',
  text: 'x00700006',
} as const;

/** Transfer syntaxes whose waveform bytes are little-endian and uncompressed. */
const SUPPORTED_SYNTAXES: Record<string, string> = {
  '1.2.840.10008.1.2': 'implicit VR little endian',
  '1.2.840.10008.1.2.1': 'explicit VR little endian',
};

interface Group {
  label: string;
  fsHz: number;
  channels: ParsedChannel[];
}

/**
 * DICOM 12-lead ECG / General ECG Waveform Storage. The rhythm multiplex group becomes the record (the longest
 * group when none is labelled RHYTHM); the others (the median beat) are kept as extra series. Value of a sample =
 * raw × ChannelSensitivity × ChannelSensitivityCorrectionFactor + ChannelBaseline, in the units of the channel's
 * sensitivity units code (µV in the samples). Lead names come from the channel source codes.
 */
export function readDicomRecord(bytes: Uint8Array, fileName: string): EcgRecord {
  const bad = (message: string, field?: string) => new EcgError('bad-dicom', message, { file: fileName, field });
  // Checked before parsing: a big-endian or compressed data set cannot be parsed as little endian at all.
  const declared = transferSyntaxOf(bytes);
  if (declared !== undefined && !(declared in SUPPORTED_SYNTAXES)) {
    throw new EcgError(
      'unsupported-format',
      `transfer syntax ${declared} is not supported: expected implicit or explicit VR little endian`,
      { file: fileName, field: 'TransferSyntaxUID' },
    );
  }
  let ds: DataSet;
  try {
    ds = dicomLib().parseDicom(bytes);
  } catch (e) {
    const why =
      e instanceof Error
        ? e.message
        : typeof e === 'object' && e && 'exception' in e
          ? String((e as { exception: unknown }).exception)
          : String(e);
    throw bad(`not a readable DICOM file (${why})`);
  }
  const syntax = ds.string(T.transferSyntax) ?? '1.2.840.10008.1.2.1';
  if (!(syntax in SUPPORTED_SYNTAXES)) {
    throw new EcgError(
      'unsupported-format',
      `transfer syntax ${syntax} is not supported: expected implicit or explicit VR little endian`,
      { file: fileName, field: 'TransferSyntaxUID' },
    );
  }
  const seq = ds.elements[T.waveformSeq]?.items;
  if (!seq || seq.length === 0)
    throw bad('no WaveformSequence (5400,0100): this DICOM file holds no waveform (an image?)', 'WaveformSequence');
  const groups = seq.map((item, k) => readGroup(item.dataSet!, k, fileName));
  const rhythmIndex = chooseRhythm(groups);
  const rhythm = groups[rhythmIndex];
  const extraSeries: ExtraSeries[] = groups
    .filter((_, k) => k !== rhythmIndex)
    .map((g) => ({ label: g.label, fsHz: g.fsHz, channels: g.channels.map((c) => toMvChannel(c)) }));
  const notes = [`DICOM ${SUPPORTED_SYNTAXES[syntax]}; multiplex group "${rhythm.label}" read as the record`];
  if (extraSeries.length)
    notes.push(`kept beside it, not used by the model: ${extraSeries.map((s) => `"${s.label}"`).join(', ')}`);
  const acquired =
    dicomDateTime(ds.string(T.acquired)) ??
    dicomDateTime(`${ds.string(T.contentDate) ?? ''}${ds.string(T.contentTime) ?? ''}`);
  const { statements, measurements } = readAnnotations(ds);
  const device = [ds.string(T.manufacturer), ds.string(T.model), ds.string(T.software)]
    .filter((s) => s && s !== 'Unknown')
    .join(' · ');
  return assembleRecord({
    name: fileName.replace(/\.dcm$/i, ''),
    format: 'dicom',
    fsHz: rhythm.fsHz,
    channels: rhythm.channels,
    comments: [],
    sourceFiles: [fileName],
    notes,
    mainFile: fileName,
    extraSeries,
    device: { ...(device ? { device } : {}), ...(acquired ? { acquired } : {}), statements, measurements },
  });
}

function readGroup(g: DataSet, k: number, file: string): Group {
  const bad = (message: string, field?: string) =>
    new EcgError('bad-dicom', `waveform group ${k + 1}: ${message}`, { file, field });
  const label = g.string(T.groupLabel)?.trim() || `group ${k + 1}`;
  const nChannels = g.uint16(T.channels) ?? 0;
  const nSamples = g.uint32(T.samples) ?? 0;
  const fsHz = Number(g.string(T.fs));
  const bits = g.uint16(T.bitsAllocated);
  const interp = g.string(T.interpretation)?.trim() ?? 'SS';
  const defs = g.elements[T.channelDefs]?.items ?? [];
  if (nChannels === 0 || nSamples === 0)
    throw bad(`${nChannels} channels × ${nSamples} samples: nothing to read`, 'NumberOfWaveformChannels');
  if (defs.length !== nChannels)
    throw bad(`${nChannels} channels announced, ${defs.length} channel definitions found`, 'ChannelDefinitionSequence');
  const sampleBytes: Record<string, number> = { SB: 1, UB: 1, SS: 2, US: 2, SL: 4, UL: 4 };
  const size = sampleBytes[interp];
  if (!size || bits !== size * 8)
    throw bad(
      `sample interpretation ${interp} with ${bits} bits allocated is not supported (expected SS/16, SL/32, SB/8 …)`,
      'WaveformSampleInterpretation',
    );
  const data = g.elements[T.data];
  if (!data) throw bad('no WaveformData (5400,1010)', 'WaveformData');
  const need = nChannels * nSamples * size;
  if (data.length < need || data.dataOffset + need > g.byteArray.length) {
    throw new EcgError(
      'truncated-data',
      `waveform group "${label}": ${nChannels} channels × ${nSamples} samples need ${need} bytes, WaveformData has ${Math.min(data.length, g.byteArray.length - data.dataOffset)}`,
      { file, field: 'WaveformData' },
    );
  }
  const view = new DataView(g.byteArray.buffer, g.byteArray.byteOffset + data.dataOffset, need);
  const read = (i: number): number => {
    switch (interp) {
      case 'SB':
        return view.getInt8(i);
      case 'UB':
        return view.getUint8(i);
      case 'SS':
        return view.getInt16(i * 2, true);
      case 'US':
        return view.getUint16(i * 2, true);
      case 'SL':
        return view.getInt32(i * 4, true);
      default:
        return view.getUint32(i * 4, true);
    }
  };
  // The SS minimum (−32768) is the filler devices write where a channel has no sample (e.g. a median-beat group):
  // a missing sample, not a value. The file's WaveformPaddingValue is not used: writers set it to 0, a real value.
  const filler = interp === 'SS' ? -32768 : interp === 'SL' ? -2147483648 : undefined;
  const channels = defs.map((item, c): ParsedChannel => {
    const d = item.dataSet!;
    const src = d.elements[T.source]?.items?.[0]?.dataSet;
    const name = dicomLeadName(src?.string(T.codeValue), src?.string(T.scheme), src?.string(T.meaning));
    const sensitivity = Number(d.string(T.sensitivity) ?? 1);
    const correction = Number(d.string(T.correction) ?? 1);
    const baseline = Number(d.string(T.baseline) ?? 0);
    const units = d.elements[T.sensitivityUnits]?.items?.[0]?.dataSet?.string(T.codeValue)?.trim() ?? 'uV';
    if (![sensitivity, correction, baseline].every(Number.isFinite) || sensitivity === 0) {
      throw bad(
        `channel ${name}: sensitivity ${d.string(T.sensitivity)}, correction ${d.string(T.correction)}, baseline ${d.string(T.baseline)} are not all numbers`,
        'ChannelSensitivity',
      );
    }
    const values = new Float64Array(nSamples);
    for (let n = 0; n < nSamples; n++) {
      const raw = read(n * nChannels + c);
      values[n] = raw === filler ? NaN : raw * sensitivity * correction + baseline;
    }
    return { name, units, values };
  });
  if (!(fsHz > 0)) throw bad(`sampling frequency "${g.string(T.fs)}" is not a positive number`, 'SamplingFrequency');
  return { label, fsHz, channels };
}

function chooseRhythm(groups: Group[]): number {
  const labelled = groups.findIndex((g) => /rhythm/i.test(g.label));
  if (labelled >= 0) return labelled;
  let best = 0;
  groups.forEach((g, k) => {
    const len = (x: Group) => x.channels[0].values.length / x.fsHz;
    if (len(g) > len(groups[best])) best = k;
  });
  return best;
}

function toMvChannel(c: ParsedChannel) {
  const f = millivoltsPer(c.units) ?? 1;
  return {
    name: c.name,
    units: millivoltsPer(c.units) === null ? c.units : 'mV',
    samples: Float32Array.from(c.values, (v) => v * f),
  };
}

/** The device's statements (unformatted text) and measurements (numeric value + units + concept name). */
function readAnnotations(ds: DataSet): { statements: string[]; measurements: DeviceMeasurement[] } {
  const statements: string[] = [];
  const measurements: DeviceMeasurement[] = [];
  for (const item of ds.elements[T.annotations]?.items ?? []) {
    const d = item.dataSet!;
    const text = d.string(T.text)?.trim();
    if (text) statements.push(text);
    const value = d.string(T.numeric)?.trim();
    const name = d.elements[T.conceptName]?.items?.[0]?.dataSet?.string(T.meaning)?.trim();
    if (value !== undefined && value !== '' && name) {
      const units = d.elements[T.units]?.items?.[0]?.dataSet?.string(T.codeValue)?.trim();
      measurements.push({ name, value, ...(units ? { units } : {}) });
    }
  }
  return { statements, measurements };
}

/** DICOM DT "YYYYMMDDHHMMSS[.FFFFFF]" → "YYYY-MM-DDTHH:MM:SS"; undefined when absent or malformed. */
export function dicomDateTime(dt: string | undefined): string | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})?(\d{2})?(\d{2})?/.exec(dt?.trim() ?? '');
  if (!m) return undefined;
  const time = m[4] ? `T${m[4]}:${m[5] ?? '00'}:${m[6] ?? '00'}` : '';
  return `${m[1]}-${m[2]}-${m[3]}${time}`;
}

/** (0002,0010) from the file meta group (always explicit VR little endian), without parsing the data set. */
function transferSyntaxOf(bytes: Uint8Array): string | undefined {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let p = 132;
  while (p + 8 <= bytes.length && dv.getUint16(p, true) === 0x0002) {
    const element = dv.getUint16(p + 2, true);
    const vr = String.fromCharCode(bytes[p + 4], bytes[p + 5]);
    const long = ['OB', 'OW', 'SQ', 'UN', 'UT', 'UC', 'UR'].includes(vr);
    const len = long ? dv.getUint32(p + 8, true) : dv.getUint16(p + 6, true);
    const start = p + (long ? 12 : 8);
    if (start + len > bytes.length) return undefined;
    if (element === 0x0010)
      return new TextDecoder('latin1').decode(bytes.subarray(start, start + len)).replace(/[\0 ]+$/, '');
    p = start + len;
  }
  return undefined;
}
