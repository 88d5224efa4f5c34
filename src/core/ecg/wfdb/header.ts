import { EcgError } from '../../errors';
import { checkChannels, checkLength } from '../limits';

/** One signal line of a WFDB header (see PhysioNet's header(5) man page). */
export interface WfdbSignalSpec {
  fileName: string;
  format: number;
  samplesPerFrame: number;
  skew: number;
  byteOffset: number;
  /** ADC units per physical unit; header(5): missing or zero means 200. */
  adcGain: number;
  baseline: number;
  units: string;
  adcResolution: number;
  adcZero: number;
  initialValue: number;
  checksum: number | null;
  description: string;
}

export interface WfdbHeader {
  recordName: string;
  nSignals: number;
  fsHz: number;
  /** null when the header leaves it out: then the data file's size decides. */
  nSamples: number | null;
  signals: WfdbSignalSpec[];
  comments: string[];
}

const DEFAULT_FS_HZ = 250; // header(5)
const DEFAULT_GAIN = 200; // header(5)
const DEFAULT_RESOLUTION: Record<number, number> = { 8: 8, 80: 8, 16: 16, 61: 16, 160: 16, 212: 12, 24: 24, 32: 32 };

export function parseWfdbHeader(text: string, fileName: string): WfdbHeader {
  const bad = (message: string, field?: string) => new EcgError('bad-header', message, { file: fileName, field });
  const comments: string[] = [];
  const lines: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith('#')) comments.push(line.replace(/^#\s?/, '').trim());
    else if (line) lines.push(line.replace(/\s+#.*$/, ''));
  }
  if (lines.length === 0) throw bad('no record line: expected "<name> <signals> <fs> <samples>"');

  const rec = lines[0].split(/\s+/);
  const [recordName, segField] = rec[0].split('/');
  if (segField !== undefined) {
    throw new EcgError('unsupported-format', 'multi-segment records are not supported', {
      file: fileName,
      field: 'record line',
    });
  }
  const nSignals = parseIntStrict(rec[1]);
  if (nSignals === null || nSignals < 0)
    throw bad(`number of signals "${rec[1] ?? ''}" is not a non-negative integer`, 'signals');
  checkChannels(nSignals, fileName);
  const fsField = rec[2]?.split('/')[0];
  const fsHz = fsField === undefined ? DEFAULT_FS_HZ : Number(fsField);
  if (!Number.isFinite(fsHz) || fsHz <= 0) throw bad(`sampling frequency "${rec[2]}" is not a positive number`, 'fs');
  let nSamples: number | null = null;
  if (rec[3] !== undefined) {
    nSamples = parseIntStrict(rec[3]);
    if (nSamples === null || nSamples < 0)
      throw bad(`number of samples "${rec[3]}" is not a non-negative integer`, 'samples');
    if (nSamples === 0) nSamples = null; // header(5): 0 means "not stated"
  }
  // Refused here, before any data file is decoded (the rate range itself is checked once the record is assembled).
  if (nSamples !== null) checkLength(nSamples, fileName, fsHz);

  const signalLines = lines.slice(1);
  if (signalLines.length !== nSignals) {
    throw bad(`header says ${nSignals} signals, found ${signalLines.length} signal lines`, 'signals');
  }
  const signals = signalLines.map((line, k) => parseSignalLine(line, k, bad));
  for (const s of signals) {
    if (s.fileName.toLowerCase() === fileName.split(/[\\/]/).pop()!.toLowerCase() || /\.hea$/i.test(s.fileName)) {
      throw bad(
        `a signal's data file is "${s.fileName}", a header: a header cannot hold its own samples (or another header's)`,
        'file name',
      );
    }
    if (/[\\/]|^\.\.?$/.test(s.fileName) || s.fileName.includes('\0')) {
      throw bad(
        `data file "${s.fileName}" is not a plain file name: a record's files must sit next to its header`,
        'file name',
      );
    }
  }
  return { recordName, nSignals, fsHz, nSamples, signals, comments };
}

function parseSignalLine(line: string, k: number, bad: (m: string, f?: string) => EcgError): WfdbSignalSpec {
  const f = line.split(/\s+/);
  const where = `signal ${k + 1}`;
  if (f.length < 2) throw bad(`${where}: expected "<file> <format> …", got "${line}"`, where);
  const fmt = /^(\d+)(?:x(\d+))?(?::(\d+))?(?:\+(\d+))?$/.exec(f[1]);
  if (!fmt) throw bad(`${where}: format field "${f[1]}" is not like 16, 212, 16x1+24`, 'format');
  const format = Number(fmt[1]);

  let adcGain = DEFAULT_GAIN;
  let baseline: number | null = null;
  let units = 'mV';
  if (f[2] !== undefined) {
    const g = /^([-+]?[\d.]+(?:e[-+]?\d+)?)(?:\(([-+]?\d+)\))?(?:\/(\S+))?$/i.exec(f[2]);
    if (!g) throw bad(`${where}: gain field "${f[2]}" is not like 1000.0(0)/mV`, 'gain');
    adcGain = Number(g[1]);
    if (!Number.isFinite(adcGain)) throw bad(`${where}: gain "${g[1]}" is not a number`, 'gain');
    if (adcGain === 0) adcGain = DEFAULT_GAIN;
    if (g[2] !== undefined) baseline = Number(g[2]);
    if (g[3] !== undefined) units = g[3];
  }
  const num = (s: string | undefined, name: string, dflt: number): number => {
    if (s === undefined) return dflt;
    const v = parseIntStrict(s);
    if (v === null) throw bad(`${where}: ${name} "${s}" is not an integer`, name);
    return v;
  };
  const adcResolution =
    num(f[3], 'ADC resolution', DEFAULT_RESOLUTION[format] ?? 16) || (DEFAULT_RESOLUTION[format] ?? 16);
  const adcZero = num(f[4], 'ADC zero', 0);
  const initialValue = num(f[5], 'initial value', 0);
  const checksum = f[6] === undefined ? null : num(f[6], 'checksum', 0);
  // f[7] is the block size; the description is everything after it and may contain spaces.
  const description = f.slice(8).join(' ');
  return {
    fileName: f[0],
    format,
    samplesPerFrame: fmt[2] === undefined ? 1 : Number(fmt[2]),
    skew: fmt[3] === undefined ? 0 : Number(fmt[3]),
    byteOffset: fmt[4] === undefined ? 0 : Number(fmt[4]),
    adcGain,
    baseline: baseline ?? adcZero, // header(5): baseline defaults to the ADC zero
    units,
    adcResolution,
    adcZero,
    initialValue,
    checksum,
    description,
  };
}

function parseIntStrict(s: string | undefined): number | null {
  if (s === undefined || !/^[-+]?\d+$/.test(s)) return null;
  const v = Number(s);
  return Number.isSafeInteger(v) ? v : null;
}
