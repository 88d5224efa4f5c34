import { LIMITS } from '../constants';
import { EcgError } from '../errors';
import { readDicomRecord, isDicom } from './clinical/dicom';
import { type Lib, loadLib } from './clinical/libs';
import { readXmlRecord, xmlFlavour } from './clinical/xml-record';
import { isScp, readScpRecord } from './clinical/scp/record';
import { readCsvRecord } from './csv';
import { isNpy } from './npy';
import { type NpyOptions, readNpyRecord } from './npy-record';
import type { EcgRecord, RecordFiles } from './types';
import { readWfdbRecord } from './wfdb/record';
import { checkFileSize } from './limits';

/** What a file cannot say about itself (only .npy needs anything: its rate and whether it is z-scored). */
export interface LoadOptions {
  npy?: NpyOptions;
}

type Kind = 'wfdb' | 'csv' | 'npy' | 'dicom' | 'xml' | 'scp';

/**
 * Read one record from the files the user gave (dropped, picked, or read from disk by the CLI).
 * A `.hea` means WFDB or Challenge (its data files must be among `files`); a single other file is recognised
 * by its content (DICOM preamble, .npy magic, SCP-ECG section 0, XML root element) or else by its extension.
 * DICOM and the XML formats need a parser library that is loaded on demand: use `loadRecordAsync`, or await
 * `prepareReaders(files)` first.
 */
export function loadRecord(files: RecordFiles, options: LoadOptions = {}): EcgRecord {
  const { kind, name } = detect(files);
  const bytes = files.get(name)!;
  switch (kind) {
    case 'wfdb':
      return readWfdbRecord(files, name);
    case 'csv':
      return readCsvRecord(bytes, name);
    case 'npy':
      return readNpyRecord(bytes, name, options.npy);
    case 'dicom':
      return readDicomRecord(bytes, name);
    case 'scp':
      return readScpRecord(bytes, name);
    case 'xml':
      return readXmlRecord(bytes, name);
  }
}

/** Load the parser libraries these files need (nothing for the research formats). */
export async function prepareReaders(files: RecordFiles): Promise<void> {
  const need: Partial<Record<Kind, Lib>> = { dicom: 'dicom', xml: 'xml' };
  let kind: Kind;
  try {
    kind = detect(files).kind;
  } catch {
    return; // loadRecord will name the problem
  }
  const lib = need[kind];
  if (lib) await loadLib(lib);
}

/** `loadRecord` after loading whatever parser library the files need: what the CLI and the app call. */
export async function loadRecordAsync(files: RecordFiles, options: LoadOptions = {}): Promise<EcgRecord> {
  await prepareReaders(files);
  return loadRecord(files, options);
}

function detect(files: RecordFiles): { kind: Kind; name: string } {
  if (files.size === 0) throw new EcgError('missing-file', 'no files given');
  if (files.size > LIMITS.maxFilesPerRecord) {
    throw new EcgError(
      'unknown-format',
      `${files.size} files given; open one record at a time (at most ${LIMITS.maxFilesPerRecord} files)`,
    );
  }
  for (const [name, bytes] of files) {
    checkFileSize(bytes.length, name);
    if (bytes.length === 0) throw new EcgError('empty-file', 'the file is empty', { file: name });
  }
  const names = [...files.keys()];
  const headers = names.filter((n) => /\.hea$/i.test(n));
  if (headers.length > 1) {
    throw new EcgError('unknown-format', `several headers given (${headers.join(', ')}); open one record at a time`);
  }
  if (headers.length === 1) return { kind: 'wfdb', name: headers[0] };
  if (names.length === 1) {
    const [name] = names;
    const bytes = files.get(name)!;
    if (isDicom(bytes) || /\.dcm$/i.test(name)) return { kind: 'dicom', name };
    if (isNpy(bytes) || /\.npy$/i.test(name)) return { kind: 'npy', name };
    if (isScp(bytes) || /\.scp$/i.test(name)) return { kind: 'scp', name };
    if (xmlFlavour(bytes) || /\.xml$/i.test(name)) return { kind: 'xml', name };
  }
  const csv = names.filter((n) => /\.(csv|txt)$/i.test(n));
  if (csv.length === 1) return { kind: 'csv', name: csv[0] };
  const dat = names.find((n) => /\.(dat|mat)$/i.test(n));
  if (dat)
    throw new EcgError('missing-file', `a WFDB/Challenge record needs its .hea header next to ${dat}`, { file: dat });
  throw new EcgError(
    'unknown-format',
    `cannot tell the format of ${names.join(', ')}: expected a .hea with its .dat/.mat, a .csv, a .npy, a DICOM waveform (.dcm), an SCP-ECG (.scp), or HL7 aECG / GE MUSE / Philips XML`,
  );
}

/** The record's files the header names, so a caller can fetch or read exactly those. */
export function dataFilesOf(headerText: string): string[] {
  const files = new Set<string>();
  const lines = headerText
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  for (const line of lines.slice(1)) files.add(line.split(/\s+/)[0]); // the first is the record line
  return [...files];
}
