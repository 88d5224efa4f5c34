import { decodeHeartAsset, type HeartAssetInfo } from '../../core/cine/heart-asset';
import { GeometryError, type HeartMeshes } from '../../core/cine/heart-mesh';
import { FetchFailure, fetchOk as fetchChecked } from '../../core/net/fetch-file';
import { AppFailure } from '../errors/appError';

/** The shipped heart, relative to the page (vite `base: './'`), like the cases and the models. */
export const HEART_DIR = 'heart/';

export interface HeartAsset {
  meshes: HeartMeshes;
  info: HeartAssetInfo;
  /** Absolute URL of the geometry's license file, for the credit line. */
  licenseUrl: string;
}

export type Fetch = (url: string) => Promise<Response>;

/** The one fetch helper (src/core/net/fetch-file.ts), its failure as the app's 'network' error. */
async function fetchOk(fetchFn: Fetch, url: string, file: string): Promise<Response> {
  try {
    return await fetchChecked(url, { file, fetchFn });
  } catch (e) {
    if (e instanceof FetchFailure) throw new AppFailure({ code: 'network', message: e.message, file });
    throw e;
  }
}

/** Fetches heart.json (credit, landmarks) and heart.bin (three meshes, ~100 kB) and decodes them. */
export async function fetchHeart(baseUri: string, fetchFn: Fetch = (url) => fetch(url)): Promise<HeartAsset> {
  const dir = new URL(HEART_DIR, baseUri);
  const jsonUrl = new URL('heart.json', dir).href;
  const [infoRes, binRes] = await Promise.all([
    fetchOk(fetchFn, jsonUrl, 'heart.json'),
    fetchOk(fetchFn, new URL('heart.bin', dir).href, 'heart.bin'),
  ]);
  let info: HeartAssetInfo;
  try {
    info = (await infoRes.json()) as HeartAssetInfo;
  } catch {
    throw new AppFailure({ code: 'bad-heart-asset', message: 'is not valid JSON', file: 'heart.json' });
  }
  const binName = info.file || 'heart.bin';
  let meshes: HeartMeshes;
  try {
    meshes = decodeHeartAsset(await binRes.arrayBuffer(), binName);
  } catch (e) {
    // GeometryError('bad-heart-asset' …) keeps its code; anything else from the decoder is a damaged file too.
    const code = e instanceof GeometryError ? e.code : 'bad-heart-asset';
    throw new AppFailure({ code, message: e instanceof Error ? e.message : String(e), file: binName });
  }
  return { meshes, info, licenseUrl: new URL(info.licenseFile || 'LICENSE-Apache-2.0', dir).href };
}

const cache = new Map<string, Promise<HeartAsset>>();

/** One fetch per page (the geometry is the same for every case); a failure is not cached, so a retry refetches. */
export function loadHeart(baseUri: string, fetchFn?: Fetch): Promise<HeartAsset> {
  let p = cache.get(baseUri);
  if (!p) {
    p = fetchHeart(baseUri, fetchFn);
    cache.set(baseUri, p);
    p.catch(() => cache.delete(baseUri));
  }
  return p;
}

/** For tests. */
export function clearHeartCache(): void {
  cache.clear();
}
