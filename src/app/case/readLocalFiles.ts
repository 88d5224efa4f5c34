import { LIMITS } from '../../core/constants';
import { checkFileSize } from '../../core/ecg/limits';
import type { RecordFiles } from '../../core/ecg/types';
import { EcgError } from '../../core/errors';

/** What the app needs of a browser `File` (so tests can pass plain objects). */
export interface LocalFile {
  name: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** One record is a header with its data and annotation files (LUDB: 14), or one CSV: more is a folder. */
export const MAX_LOCAL_FILES = LIMITS.maxFilesPerRecord;

/** What the file picker offers; dropped files are not filtered, the core names what it cannot read. */
export const ACCEPTED_EXTENSIONS = ['.hea', '.dat', '.mat', '.csv', '.npy', '.dcm', '.scp', '.xml'] as const;

/**
 * The user's files → the core's RecordFiles, read in this browser (File.arrayBuffer, nothing uploaded).
 * Sizes are checked before reading, so a huge file dropped by mistake is refused without loading it.
 * Errors are the core's EcgError, naming the file, like any other unreadable record.
 */
export async function readLocalFiles(files: readonly LocalFile[]): Promise<RecordFiles> {
  if (files.length === 0) throw new EcgError('missing-file', 'no files given');
  if (files.length > MAX_LOCAL_FILES) {
    throw new EcgError(
      'unknown-format',
      `${files.length} files given; open one record at a time (a .hea with its .dat/.mat, or one .csv)`,
    );
  }
  const seen = new Set<string>();
  for (const f of files) {
    if (seen.has(f.name))
      throw new EcgError('unknown-format', 'two files have this name; open one record at a time', { file: f.name });
    seen.add(f.name);
    checkFileSize(f.size, f.name);
  }
  const pairs = await Promise.all(
    files.map(async (f) => {
      try {
        return [f.name, new Uint8Array(await f.arrayBuffer())] as const;
      } catch (e) {
        const why = e instanceof Error ? e.message || e.name : String(e);
        // A dropped folder arrives as a File whose reading fails: say so rather than only the browser's words.
        throw new EcgError(
          'missing-file',
          `the browser could not read the file (${why}); a folder cannot be opened, drop the record's files themselves`,
          { file: f.name },
        );
      }
    }),
  );
  return new Map(pairs);
}
