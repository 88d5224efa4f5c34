import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DatasetEntry } from '../dataset/build';

export interface Dataset {
  T: number;
  C: number;
  windows: Float32Array;
  entries: DatasetEntry[];
}

/** Model inputs a data set can hold: the 12-lead window, or the CineECG signal of the same window. */
export const INPUTS = ['ecg12', 'cine3'] as const;
export type InputName = (typeof INPUTS)[number];

export function inputName(s: string): InputName {
  if (!(INPUTS as readonly string[]).includes(s))
    throw new Error(`--input must be one of ${INPUTS.join(', ')}, got ${s}`);
  return s as InputName;
}

/** <dir>/<input>.{json,bin}, written by `npm run -s dataset [-- --input cine3]`. */
export function loadDataset(dir: string, input: InputName = 'ecg12'): Dataset {
  const meta = JSON.parse(readFileSync(join(dir, `${input}.json`), 'utf8')) as {
    windowShape: [number, number];
    entries: DatasetEntry[];
  };
  const buf = readFileSync(join(dir, `${input}.bin`));
  const windows = new Float32Array(buf.buffer, buf.byteOffset, buf.byteLength / 4);
  return { T: meta.windowShape[0], C: meta.windowShape[1], windows, entries: meta.entries };
}

export function windowOf(d: Dataset, index: number): Float32Array {
  const n = d.T * d.C;
  return d.windows.subarray(index * n, (index + 1) * n);
}

export const labelIndex = (e: DatasetEntry) => (e.label === 'abnormal' ? 1 : 0);

/**
 * What the model card needs to know about a data set without the cache: counts of normal / abnormal records per
 * source and split, and what was left out (and, for cine3, how far the z-scored approximation would have been off).
 */
export function datasetSummary(dir: string, input: InputName) {
  const meta = JSON.parse(readFileSync(join(dir, `${input}.json`), 'utf8')) as {
    entries: DatasetEntry[];
    excluded: { id: string; reason: string }[];
    signal?: string;
    zscoredApproximation?: unknown;
  };
  const counts: Record<string, Record<string, { normal: number; abnormal: number }>> = {};
  for (const e of meta.entries) {
    counts[e.source] ??= {};
    counts[e.source][e.split] ??= { normal: 0, abnormal: 0 };
    counts[e.source][e.split][e.label]++;
  }
  const reasons: Record<string, number> = {};
  for (const x of meta.excluded) {
    const key = x.reason.startsWith('cine3:') ? x.reason : 'no label, or no usable beat (as for ecg12)';
    reasons[key] = (reasons[key] ?? 0) + 1;
  }
  return {
    records: meta.entries.length,
    windows: meta.entries.reduce((n, e) => n + 1 + e.others.length, 0),
    counts,
    excluded: reasons,
    ...(meta.signal ? { signal: meta.signal } : {}),
    ...(meta.zscoredApproximation ? { zscoredApproximation: meta.zscoredApproximation } : {}),
  };
}
