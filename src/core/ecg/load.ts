import { MAX_INPUT_BYTES } from '../constants';
import { EcgError } from '../errors';
import { readCsvRecord } from './csv';
import type { EcgRecord, RecordFiles } from './types';
import { readWfdbRecord } from './wfdb/record';

/**
 * Read one record from the files the user gave (dropped, picked, or read from disk by the CLI).
 * A `.hea` means WFDB or Challenge (its data files must be among `files`); a lone `.csv` means CSV.
 */
export function loadRecord(files: RecordFiles): EcgRecord {
  if (files.size === 0) throw new EcgError('missing-file', 'no files given');
  for (const [name, bytes] of files) {
    if (bytes.length > MAX_INPUT_BYTES) {
      throw new EcgError('file-too-large', `${(bytes.length / 2 ** 20).toFixed(0)} MiB is more than the ${MAX_INPUT_BYTES / 2 ** 20} MiB limit for one file`, { file: name });
    }
    if (bytes.length === 0) throw new EcgError('empty-file', 'the file is empty', { file: name });
  }
  const names = [...files.keys()];
  const headers = names.filter((n) => /\.hea$/i.test(n));
  if (headers.length > 1) {
    throw new EcgError('unknown-format', `several headers given (${headers.join(', ')}); open one record at a time`);
  }
  if (headers.length === 1) return readWfdbRecord(files, headers[0]);
  const csv = names.filter((n) => /\.(csv|txt)$/i.test(n));
  if (csv.length === 1) return readCsvRecord(files.get(csv[0])!, csv[0]);
  const dat = names.find((n) => /\.(dat|mat)$/i.test(n));
  if (dat) throw new EcgError('missing-file', `a WFDB/Challenge record needs its .hea header next to ${dat}`, { file: dat });
  throw new EcgError('unknown-format', `cannot tell the format of ${names.join(', ')}: expected a .hea with its .dat/.mat, or a .csv`);
}

/** The record's files the header names, so a caller can fetch or read exactly those. */
export function dataFilesOf(headerText: string): string[] {
  const files = new Set<string>();
  const lines = headerText.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  for (const line of lines.slice(1)) files.add(line.split(/\s+/)[0]); // the first is the record line
  return [...files];
}
