import type { RecordFiles } from '../../core/ecg/types';
import { AppFailure } from '../errors/appError';
import { type CaseEntry, type CaseManifest, parseManifest } from './manifest';

/** Relative to the page, so the built app works from any path (vite `base: './'`). */
export const CASES_DIR = 'cases';
export const MANIFEST_PATH = `${CASES_DIR}/manifest.json`;

export type Fetch = (url: string) => Promise<Response>;

async function get(fetchFn: Fetch, url: string, file: string): Promise<Response> {
  let res: Response;
  try {
    res = await fetchFn(url);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new AppFailure({ code: 'network', message: `could not fetch ${url}: ${why}`, file });
  }
  if (!res.ok) {
    throw new AppFailure({ code: 'network', message: `fetching ${url} gave HTTP ${res.status}`, file });
  }
  return res;
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
