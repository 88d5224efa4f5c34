import type { RecordFiles } from '../../core/ecg/types';
import { FetchFailure, fetchOk } from '../../core/net/fetch-file';
import { AppFailure } from '../errors/appError';
import { type CaseEntry, type CaseManifest, parseManifest } from './manifest';

/** Relative to the page, so the built app works from any path (vite `base: './'`). */
export const CASES_DIR = 'cases';
export const MANIFEST_PATH = `${CASES_DIR}/manifest.json`;

export type Fetch = (url: string) => Promise<Response>;

/** The one fetch helper (src/core/net/fetch-file.ts), its failure as the app's 'network' error. */
async function get(fetchFn: Fetch, url: string, file: string): Promise<Response> {
  try {
    return await fetchOk(url, { file, fetchFn });
  } catch (e) {
    if (e instanceof FetchFailure) throw new AppFailure({ code: 'network', message: e.message, file });
    throw e;
  }
}

export async function fetchManifest(fetchFn: Fetch = (url) => fetch(url)): Promise<CaseManifest> {
  const res = await get(fetchFn, MANIFEST_PATH, 'manifest.json');
  let json: unknown;
  try {
    json = await res.json();
  } catch {
    throw new AppFailure({ code: 'bad-manifest', message: 'is not valid JSON', file: 'manifest.json' });
  }
  return parseManifest(json);
}

/** All files of one case, by file name, as the core's loaders expect them. */
export async function fetchCaseFiles(entry: CaseEntry, fetchFn: Fetch = (url) => fetch(url)): Promise<RecordFiles> {
  const pairs = await Promise.all(
    entry.files.map(async (name) => {
      const url = `${CASES_DIR}/${encodeURIComponent(entry.id)}/${encodeURIComponent(name)}`;
      const res = await get(fetchFn, url, name);
      return [name, new Uint8Array(await res.arrayBuffer())] as const;
    }),
  );
  return new Map(pairs);
}
