import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { EcgError } from '../../src/core/errors';
import { loadLib } from '../../src/core/ecg/clinical/libs';
import { checkFileSize } from '../../src/core/ecg/limits';
import { dataFilesOf, loadRecord, type LoadOptions } from '../../src/core/ecg/load';
import type { EcgRecord } from '../../src/core/ecg/types';
import type { RecordFiles } from '../../src/core/ecg/types';

/**
 * The files of the record at `path`: a `.hea` (plus the data files it names), a `.dat`/`.mat`
 * (its `.hea` beside it), a record path without extension, or one file of another format (.csv, .npy, .dcm,
 * .scp, .xml).
 * Sizes are checked before reading, so a huge file is refused without being loaded.
 */
export function readRecordFiles(path: string): RecordFiles {
  let headerPath: string | null = null;
  if (/\.hea$/i.test(path)) headerPath = path;
  else if (/\.(dat|mat)$/i.test(path)) headerPath = path.replace(/\.(dat|mat)$/i, '.hea');
  else if (!/\.(csv|txt)$/i.test(path) && existsSync(`${path}.hea`)) headerPath = `${path}.hea`;

  const files: RecordFiles = new Map();
  if (headerPath === null) {
    files.set(basename(path), readChecked(path));
    return files;
  }
  const header = readChecked(headerPath);
  files.set(basename(headerPath), header);
  for (const name of dataFilesOf(new TextDecoder().decode(header))) {
    // Only plain names beside the header are read: a header naming itself, another header or a path elsewhere
    // ("../x", "/etc/x") is refused by the header parser, by name, without this reading that file.
    if (/[\\/]|^\.\.?$|\.hea$/i.test(name) || files.has(name)) continue;
    const p = join(dirname(headerPath), name);
    if (existsSync(p)) files.set(name, readChecked(p)); // a missing one is reported by the parser, by name
  }
  return files;
}

/** Stat first: a folder, a device or a file over LIMITS.maxFileBytes (a sparse 1 GB file too) is refused unread. */
function readChecked(path: string): Uint8Array {
  if (!existsSync(path)) throw new EcgError('missing-file', 'no such file', { file: path });
  const st = statSync(path);
  if (st.isDirectory()) {
    throw new EcgError(
      'missing-file',
      "this is a folder, not a record file: give the record's .hea (or its .csv, .npy, .dcm, .scp, .xml)",
      { file: path },
    );
  }
  if (!st.isFile()) throw new EcgError('missing-file', 'not a regular file (a device, socket or pipe)', { file: path });
  checkFileSize(st.size, basename(path));
  try {
    return new Uint8Array(readFileSync(path));
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new EcgError('missing-file', `could not be read (${why})`, { file: path });
  }
}

/**
 * The record at `path`, read by the one loading entry point. The DICOM and XML parsers are loaded on demand in
 * the app; the CLI loads them once up front (`loadParsers`) so the commands can stay synchronous.
 */
export function loadRecordAt(path: string, options: LoadOptions = {}): EcgRecord {
  return loadRecord(readRecordFiles(path), options);
}

/** Make the on-demand parsers (dicom-parser, fast-xml-parser) ready: once per process, before loadRecordAt. */
export async function loadParsers(): Promise<void> {
  await Promise.all([loadLib('dicom'), loadLib('xml')]);
}

/**
 * `--fs HZ` and `--zscored` (what a .npy cannot say about itself) → load options; null when --fs is not a
 * positive number. Other formats ignore them.
 */
export function npyOptionsOf(v: { fs?: string; zscored?: boolean }): LoadOptions | null {
  if (v.fs === undefined && !v.zscored) return {};
  const fsHz = v.fs === undefined ? undefined : Number(v.fs);
  if (fsHz !== undefined && !(fsHz > 0)) return null;
  return { npy: { ...(fsHz !== undefined ? { fsHz } : {}), zscored: !!v.zscored } };
}
