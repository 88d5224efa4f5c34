import { LIMITS, MODEL_FS_HZ } from '../constants';
import { EcgError } from '../errors';
import { assembleRecord, type ParsedChannel } from './assemble';
import type { EcgRecord } from './types';
import { checkLength } from './limits';

/**
 * A CSV record: one header row of channel names, one row per sample.
 * - Units per column as a suffix ("V1 (uV)", "V1 [mV]") or for all in a comment line "# units: uV"; else mV.
 * - An optional time column ("time", "t", "time_s", "time (ms)", "time_ms") gives the rate;
 *   otherwise a comment "# fs: 500" does; otherwise 500 Hz is assumed and said in the notes.
 * - Comma, semicolon or tab separated; a semicolon file may use decimal commas.
 * Hand-written rather than a general CSV library: the content is a numeric table, and every cell's
 * meaning (units, time, NaN) needs checks a generic parser would not do for us.
 */
export function readCsvRecord(bytes: Uint8Array, fileName: string): EcgRecord {
  const bad = (message: string, field?: string) => new EcgError('bad-csv', message, { file: fileName, field });
  const text = decodeCsvText(bytes, fileName);
  const comments: string[] = [];
  const rows: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith('#')) comments.push(line.replace(/^#\s?/, ''));
    else if (line) rows.push(line);
  }
  if (rows.length === 0) throw new EcgError('empty-file', 'no header row and no samples', { file: fileName });
  const delimiter = [';', '\t', ','].find((d) => rows[0].includes(d));
  if (!delimiter)
    throw bad(
      `the first row "${rows[0].slice(0, 60)}" has no comma, semicolon or tab: expected a header row of lead names`,
      'header',
    );
  const decimalComma = delimiter === ';' && rows.length > 1 && /\d,\d/.test(rows[1]);
  const split = (line: string) => line.split(delimiter).map((c) => c.trim().replace(/^"(.*)"$/, '$1'));

  // Counted before splitting or allocating: a header row of 10⁶ columns is refused from its delimiters alone.
  const nColumns = countOf(rows[0], delimiter) + 1;
  if (nColumns > LIMITS.maxCsvColumns) {
    throw new EcgError(
      'too-many-channels',
      `the header row has ${nColumns} columns; at most ${LIMITS.maxCsvColumns} are accepted (a 12-lead ECG needs 8–13)`,
      { file: fileName, field: 'header' },
    );
  }
  checkLength(rows.length - 1, fileName);
  const header = split(rows[0]);
  if (header.every((h) => isNumeric(h)))
    throw bad('the first row is numbers: expected a header row of lead names (I, II, III, aVR, …)', 'header');
  const commentKey = (key: string) =>
    comments.map((c) => new RegExp(`^${key}\\s*[:=]\\s*(\\S+)`, 'i').exec(c)?.[1]).find(Boolean);
  const defaultUnits = commentKey('units') ?? 'mV';

  const columns = header.map(() => new Float64Array(rows.length - 1));
  for (let r = 1; r < rows.length; r++) {
    const cells = split(decimalComma ? rows[r].replace(/(\d),(\d)/g, '$1.$2') : rows[r]);
    if (cells.length !== header.length)
      throw bad(`row ${r + 1} has ${cells.length} values, the header has ${header.length} columns`, `row ${r + 1}`);
    for (let c = 0; c < cells.length; c++) columns[c][r - 1] = isNumeric(cells[c]) ? Number(cells[c]) : NaN;
  }

  const notes: string[] = [];
  const timeCol = header.findIndex((h) =>
    /^(t|time|time[ _]?\(?(s|ms|sec)\)?|time_ms|time_s|seconds|ms)$/i.test(h.replace(/\s+/g, ' ')),
  );
  let fsHz: number;
  if (timeCol >= 0) {
    fsHz = rateFromTime(columns[timeCol], /ms/i.test(header[timeCol]) ? 1e-3 : 1, bad);
  } else if (commentKey('fs')) {
    fsHz = Number(commentKey('fs'));
    if (!(fsHz > 0)) throw bad(`"# fs" comment "${commentKey('fs')}" is not a positive number`, 'fs');
  } else {
    fsHz = MODEL_FS_HZ;
    notes.push(`no time column and no "# fs:" comment: ${MODEL_FS_HZ} Hz assumed`);
  }
  if (!commentKey('units') && !header.some((h) => /[([]/.test(h))) notes.push('units not stated: mV assumed');

  const channels: ParsedChannel[] = [];
  header.forEach((h, c) => {
    if (c === timeCol || /^(sample|index|n)$/i.test(h)) return;
    const unit = /[([]\s*([^)\]]+?)\s*[)\]]\s*$/.exec(h)?.[1] ?? defaultUnits;
    channels.push({ name: h, units: unit, values: columns[c] });
  });
  return assembleRecord({
    name: fileName.replace(/\.csv$/i, ''),
    format: 'csv',
    fsHz,
    channels,
    comments,
    sourceFiles: [fileName],
    notes,
    mainFile: fileName,
  });
}

/** UTF-8 (BOM or not) or UTF-16 with its BOM; UTF-16 without one is named rather than read as garbage. */
function decodeCsvText(bytes: Uint8Array, fileName: string): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const head = bytes.subarray(0, 4096);
  if (head.length > 0 && head.filter((b) => b === 0).length > head.length / 4) {
    throw new EcgError(
      'bad-csv',
      'the text has NUL bytes: UTF-16 without a byte-order mark, or not text at all; save it as UTF-8 CSV',
      { file: fileName, field: 'encoding' },
    );
  }
  return new TextDecoder().decode(bytes).replace(/^\uFEFF/, '');
}

function countOf(line: string, ch: string): number {
  let n = 0;
  for (let i = line.indexOf(ch); i >= 0; i = line.indexOf(ch, i + 1)) n++;
  return n;
}

function isNumeric(s: string): boolean {
  return /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s);
}

function rateFromTime(t: Float64Array, toSeconds: number, bad: (m: string, f?: string) => EcgError): number {
  if (t.length < 2) throw bad('a time column needs at least two rows', 'time');
  const span = (t[t.length - 1] - t[0]) * toSeconds;
  if (!(span > 0)) throw bad('the time column does not increase', 'time');
  const dt = span / (t.length - 1);
  // Every sample within half a sample of a uniform grid: tolerant of rounded times, not of gaps.
  for (let n = 1; n < t.length; n++) {
    const drift = (t[n] - t[0]) * toSeconds - n * dt;
    if (!(Math.abs(drift) <= 0.5 * dt))
      throw bad(
        `the time column is not evenly spaced (row ${n + 2} is ${(drift * 1000).toPrecision(3)} ms off a ${dt * 1000} ms grid)`,
        'time',
      );
  }
  const fs = 1 / dt;
  return Math.abs(fs - Math.round(fs)) < 0.01 ? Math.round(fs) : fs;
}
