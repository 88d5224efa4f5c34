import { EcgError } from '../../errors';
import { assembleRecord, type ParsedChannel } from '../assemble';
import type { DeviceMeasurement, EcgRecord, ExtraSeries } from '../types';
import { decodeBase64 } from './base64';
import { at, child, children, parseXmlTree, text, type XNode } from './xml-tree';

const UNITS: Record<string, string> = { MICROVOLTS: 'uV', MILLIVOLTS: 'mV', VOLTS: 'V' };

/**
 * GE MUSE XML (`RestingECG`, restecg.dtd). Each lead's `WaveFormData` is base64 little-endian int16, scaled by
 * `LeadAmplitudeUnitsPerBit` in `LeadAmplitudeUnits`. MUSE stores 8 leads (I, II, V1–V6): III, aVR, aVL and aVF
 * are computed from I and II by the common assembler, and the record lists them as derived. The "Rhythm"
 * waveform is the record; "Median" is kept as an extra series. The device's measurements and diagnosis
 * statements are kept as "the device says"; the patient demographics are not read at all.
 */
export function readMuseRecord(xmlText: string, fileName: string): EcgRecord {
  const root = parseXmlTree(xmlText, fileName).RestingECG as XNode | undefined;
  if (!root || typeof root !== 'object')
    throw new EcgError('bad-xml', 'no RestingECG root element', { file: fileName, field: 'RestingECG' });
  const waveforms = children(root, 'Waveform').map((w, k) => readWaveform(w, k, fileName));
  const rhythm = waveforms.find((w) => /rhythm/i.test(w.type));
  if (!rhythm)
    throw new EcgError(
      'bad-xml',
      `no "Rhythm" Waveform (found: ${waveforms.map((w) => w.type).join(', ') || 'none'})`,
      { file: fileName, field: 'WaveformType' },
    );
  const extraSeries: ExtraSeries[] = waveforms
    .filter((w) => w !== rhythm)
    .map((w) => ({
      label: w.type,
      fsHz: w.fsHz,
      channels: w.channels.map((c) => ({
        name: c.name,
        units: 'mV',
        samples: Float32Array.from(c.values, (v) => v * (c.units === 'uV' ? 1e-3 : c.units === 'V' ? 1e3 : 1)),
      })),
    }));
  const demo = child(root, 'TestDemographics');
  const device = [
    text(child(demo, 'AcquisitionDevice')),
    text(child(demo, 'AcquisitionSoftwareVersion')),
    text(at(root, 'MuseInfo', 'MuseVersion')) && `MUSE ${text(at(root, 'MuseInfo', 'MuseVersion'))}`,
  ]
    .filter(Boolean)
    .join(' · ');
  const acquired = museDateTime(text(child(demo, 'AcquisitionDate')), text(child(demo, 'AcquisitionTime')));
  const statements = children(child(root, 'Diagnosis'), 'DiagnosisStatement')
    .map((s) => text(child(s, 'StmtText')))
    .filter((s): s is string => !!s);
  const measurements: DeviceMeasurement[] = Object.entries(child(root, 'RestingECGMeasurements') ?? {})
    .filter(([k, v]) => typeof v === 'string' && !/^ECGSample/.test(k))
    .map(([name, value]) => ({
      name,
      value: value as string,
      ...(/Axis$/.test(name)
        ? { units: 'deg' }
        : /Rate$/.test(name)
          ? { units: 'bpm' }
          : /Count$/.test(name)
            ? {}
            : { units: 'ms' }),
    }));
  return assembleRecord({
    name: fileName.replace(/\.xml$/i, ''),
    format: 'ge-muse',
    fsHz: rhythm.fsHz,
    channels: rhythm.channels,
    comments: [],
    sourceFiles: [fileName],
    notes: [
      'GE MUSE "Rhythm" waveform read as the record',
      ...(extraSeries.length
        ? [`kept beside it, not used by the model: ${extraSeries.map((s) => `"${s.label}"`).join(', ')}`]
        : []),
    ],
    mainFile: fileName,
    extraSeries,
    device: { ...(device ? { device } : {}), ...(acquired ? { acquired } : {}), statements, measurements },
  });
}

function readWaveform(w: XNode, k: number, file: string): { type: string; fsHz: number; channels: ParsedChannel[] } {
  const type = text(child(w, 'WaveformType')) ?? `waveform ${k + 1}`;
  const base = Number(text(child(w, 'SampleBase')));
  const exponent = Number(text(child(w, 'SampleExponent')) ?? 0);
  const fsHz = base * 10 ** exponent;
  if (!(fsHz > 0))
    throw new EcgError('bad-xml', `${type}: SampleBase "${text(child(w, 'SampleBase'))}" is not a rate`, {
      file,
      field: 'SampleBase',
    });
  const channels = children(w, 'LeadData').map((ld): ParsedChannel => {
    const lead = text(child(ld, 'LeadID')) ?? '?';
    const field = `${type} lead ${lead} WaveFormData`;
    const bytes = decodeBase64(text(child(ld, 'WaveFormData')) ?? '', { file, field });
    const size = Number(text(child(ld, 'LeadSampleSize')) ?? 2);
    if (size !== 2)
      throw new EcgError(
        'unsupported-format',
        `${type} lead ${lead}: LeadSampleSize ${size}; only 2-byte samples are read`,
        { file, field: 'LeadSampleSize' },
      );
    const count = Number(text(child(ld, 'LeadSampleCountTotal')) ?? bytes.length / 2);
    if (!Number.isInteger(count) || count <= 0)
      throw new EcgError(
        'bad-xml',
        `${type} lead ${lead}: LeadSampleCountTotal "${text(child(ld, 'LeadSampleCountTotal'))}" is not a count`,
        { file, field: 'LeadSampleCountTotal' },
      );
    if (bytes.length < 2 * count)
      throw new EcgError(
        'truncated-data',
        `${field}: ${count} samples need ${2 * count} bytes, the base64 holds ${bytes.length}`,
        { file, field: 'WaveFormData' },
      );
    const perBit = Number(text(child(ld, 'LeadAmplitudeUnitsPerBit')));
    if (!(perBit > 0))
      throw new EcgError(
        'bad-xml',
        `${type} lead ${lead}: LeadAmplitudeUnitsPerBit "${text(child(ld, 'LeadAmplitudeUnitsPerBit'))}" is not a positive number`,
        { file, field: 'LeadAmplitudeUnitsPerBit' },
      );
    const unitsText = text(child(ld, 'LeadAmplitudeUnits')) ?? 'MICROVOLTS';
    const units = UNITS[unitsText.toUpperCase()] ?? unitsText;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const values = new Float64Array(count);
    for (let n = 0; n < count; n++) values[n] = view.getInt16(2 * n, true) * perBit;
    return { name: lead, units, values };
  });
  if (channels.length === 0) throw new EcgError('bad-xml', `${type}: no LeadData`, { file, field: 'LeadData' });
  return { type, fsHz, channels };
}

/** MUSE writes "MM-DD-YYYY" and "HH:MM:SS". */
function museDateTime(date: string | undefined, time: string | undefined): string | undefined {
  const d = /^(\d{2})-(\d{2})-(\d{4})$/.exec(date ?? '');
  if (!d) return undefined;
  return `${d[3]}-${d[1]}-${d[2]}${time && /^\d{2}:\d{2}(:\d{2})?$/.test(time) ? `T${time}` : ''}`;
}
