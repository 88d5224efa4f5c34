/** Test-only helpers (Node): the repo's small fixtures and the optional full datasets. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RecordFiles } from '../core/ecg/types';

const here = dirname(fileURLToPath(import.meta.url));
export const FIXTURES = resolve(here, '../core/ecg/__fixtures__');

/** `../shared/data` or $ECG_DATA_DIR; null (and a warning naming what is skipped) when absent. */
export function sharedDataDir(whatNeedsIt: string): string | null {
  const dir = process.env.ECG_DATA_DIR ?? resolve(here, '../../../shared/data');
  if (existsSync(dir)) return dir;
  console.warn(`[skipped] ${whatNeedsIt}: the dataset folder ${dir} is absent (set ECG_DATA_DIR to run it)`);
  return null;
}

/** Files by name, as the browser would hand them over. */
export function fixtureFiles(...relPaths: string[]): RecordFiles {
  return new Map(relPaths.map((p) => [p.split('/').pop()!, new Uint8Array(readFileSync(join(FIXTURES, p)))]));
}
