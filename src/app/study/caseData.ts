import { MODEL_FS_HZ, WINDOW_MS } from '../../core/constants';
import { heartRateBpm } from '../../core/ecg/heart-rate';
import type { PreparedEcg } from '../../core/ecg/prepare.types';
import type { StudyCase } from '../../core/eval/study-format';
import { type Fetch, fetchCaseFiles, fetchManifest } from '../case/fetchCase';
import { findCase } from '../case/manifest';
import { openCase } from '../case/openCase';

/** What blind mode needs of a case: the prepared record (window, trajectory) and the heart rate. Nothing else. */
export interface StudyCaseData {
  prepared: PreparedEcg;
  heartRateBpm: number | null;
  /** The 12 band-passed leads over the 400 ms window only (ms 0 = window start): what is drawn and annotated. */
  windowLeadsMv: Float32Array[];
}

export function windowLeads(prepared: PreparedEcg): Float32Array[] {
  const first = Math.round((prepared.windowStartMs * prepared.fsHz) / 1000);
  const n = prepared.windowSamples || Math.round((WINDOW_MS * MODEL_FS_HZ) / 1000);
  return prepared.filteredMv.map((lead) => lead.subarray(first, first + n));
}

export function decodeBase64(base64: string): Uint8Array {
  const bin = atob(base64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function encodeBase64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

const cache = new Map<string, Promise<StudyCaseData>>();

/** A study case's record through the same pipeline as the viewer (fetch or base64 → openCase); cached per case. */
export function loadStudyCase(
  studyId: string,
  c: StudyCase,
  fetchFn: Fetch = (url) => fetch(url),
): Promise<StudyCaseData> {
  const key = JSON.stringify([studyId, c.id]);
  let p = cache.get(key);
  if (!p) {
    p = (async () => {
      const files =
        c.source.kind === 'bundled'
          ? await fetchCaseFiles(findCase(await fetchManifest(fetchFn), c.source.caseId), fetchFn)
          : new Map(c.source.files.map((f) => [f.name, decodeBase64(f.base64)] as const));
      const prepared = openCase(files);
      return { prepared, heartRateBpm: heartRateBpm(prepared.qrsOnsetsMs), windowLeadsMv: windowLeads(prepared) };
    })();
    p.catch(() => cache.delete(key));
    cache.set(key, p);
  }
  return p;
}
