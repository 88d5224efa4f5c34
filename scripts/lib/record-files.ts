import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { MAX_INPUT_BYTES } from '../../src/core/constants';
import { EcgError } from '../../src/core/errors';
import { dataFilesOf } from '../../src/core/ecg/load';
import type { RecordFiles } from '../../src/core/ecg/types';

/**
 * The files of the record at `path`: a `.hea` (plus the data files it names), a `.dat`/`.mat`
 * (its `.hea` beside it), a record path without extension, or a `.csv`.
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
    const p = join(dirname(headerPath), name);
    if (existsSync(p)) files.set(name, readChecked(p)); // a missing one is reported by the parser, by name
  }
  return files;
}

function readChecked(path: string): Uint8Array {
  if (!existsSync(path)) throw new EcgError('missing-file', 'no such file', { file: path });
  const size = statSync(path).size;
  if (size > MAX_INPUT_BYTES) {
    throw new EcgError('file-too-large', `${(size / 2 ** 20).toFixed(0)} MiB is more than the ${MAX_INPUT_BYTES / 2 ** 20} MiB limit for one file`, { file: basename(path) });
  }
  return new Uint8Array(readFileSync(path));
}
