import { EcgError } from '../../errors';
import { assembleRecord, type ParsedChannel } from '../assemble';
import { readMatlabV4 } from '../matlab-v4';
import type { EcgRecord, RecordFiles } from '../types';
import { decodeWfdbFile, wfdbChecksum } from './decode';
import { parseWfdbHeader, type WfdbSignalSpec } from './header';

/** Gains outside this range (ADC units per mV) mean a broken header, not an unusual amplifier. */
const MIN_GAIN = 1e-3;
const MAX_GAIN = 1e8;

/**
 * Read a WFDB record (`.hea` + `.dat` files) or a PhysioNet/CinC Challenge record (`.hea` + MATLAB v4
 * `.mat` whose matrix `val` holds the digital samples, signals × samples).
 */
export function readWfdbRecord(files: RecordFiles, headerName: string): EcgRecord {
  const headerBytes = files.get(headerName);
  if (!headerBytes) throw new EcgError('missing-file', 'header file not given', { file: headerName });
  const header = parseWfdbHeader(new TextDecoder().decode(headerBytes), headerName);
  if (header.nSignals === 0) throw new EcgError('missing-leads', 'the header lists no signals', { file: headerName });

  for (const [k, s] of header.signals.entries()) {
    if (
      !Number.isFinite(s.adcGain) ||
      Math.abs(s.adcGain) < MIN_GAIN ||
      Math.abs(s.adcGain) > MAX_GAIN ||
      s.adcGain < 0
    ) {
      throw new EcgError(
        'implausible-gain',
        `signal ${k + 1} (${s.description || 'unnamed'}) has gain ${s.adcGain} ADC units per ${s.units}; expected a positive value between ${MIN_GAIN} and ${MAX_GAIN}`,
        { file: headerName, field: 'gain' },
      );
    }
  }

  // Signals sharing a file are interleaved in it; decode each file once.
  const byFile = new Map<string, number[]>();
  header.signals.forEach((s, k) => byFile.set(s.fileName, [...(byFile.get(s.fileName) ?? []), k]));
  const digital: Float64Array[] = new Array(header.nSignals);
  const notes: string[] = [];
  let isMat = false;
  for (const [fileName, indices] of byFile) {
    const bytes = files.get(fileName);
    if (!bytes)
      throw new EcgError(
        'missing-file',
        `the header refers to ${fileName}, which was not given (drop the .hea together with its data files)`,
        { file: headerName },
      );
    if (bytes.length === 0) throw new EcgError('empty-file', 'the data file is empty', { file: fileName });
    const specs = indices.map((k) => header.signals[k]);
    const decoded = /\.mat$/i.test(fileName)
      ? ((isMat = true), decodeMatFile(bytes, specs, header.nSamples, fileName))
      : decodeWfdbFile(bytes, specs, header.nSamples, fileName).digital;
    indices.forEach((k, j) => (digital[k] = decoded[j]));
  }

  header.signals.forEach((s, k) => {
    if (s.checksum !== null && header.nSamples !== null && ((wfdbChecksum(digital[k]) - s.checksum) & 0xffff) !== 0) {
      notes.push(`checksum of signal ${k + 1} (${s.description}) does not match the header: the data may be damaged`);
    }
  });

  const channels: ParsedChannel[] = header.signals.map((s, k) => ({
    name: s.description || `signal ${k + 1}`,
    units: s.units,
    values: toPhysical(digital[k], s),
  }));
  return assembleRecord({
    name: header.recordName,
    format: isMat ? 'challenge-mat' : 'wfdb',
    fsHz: header.fsHz,
    channels,
    comments: header.comments,
    sourceFiles: [headerName, ...byFile.keys()],
    notes,
    mainFile: headerName,
  });
}

function toPhysical(d: Float64Array, s: WfdbSignalSpec): Float64Array {
  const out = new Float64Array(d.length);
  for (let n = 0; n < d.length; n++) out[n] = (d[n] - s.baseline) / s.adcGain;
  return out;
}

/** The Challenge `.mat` holds `val` (signals × samples, int16), column-major: exactly one frame per column. */
function decodeMatFile(
  bytes: Uint8Array,
  specs: WfdbSignalSpec[],
  nSamples: number | null,
  fileName: string,
): Float64Array[] {
  const val = readMatlabV4(bytes, fileName).find((m) => m.name === 'val');
  if (!val)
    throw new EcgError('bad-mat', 'no matrix named "val" (the Challenge layout: signals × samples)', {
      file: fileName,
    });
  if (val.rows !== specs.length) {
    throw new EcgError(
      'header-data-mismatch',
      `header lists ${specs.length} signals in this file, "val" has ${val.rows} rows`,
      { file: fileName },
    );
  }
  if (nSamples !== null && val.cols !== nSamples) {
    throw new EcgError(
      'header-data-mismatch',
      `header says ${nSamples} samples per signal, "val" has ${val.cols} columns`,
      { file: fileName },
    );
  }
  return specs.map((_, r) => {
    const sig = new Float64Array(val.cols);
    for (let c = 0; c < val.cols; c++) sig[c] = val.data[c * val.rows + r];
    return sig;
  });
}
