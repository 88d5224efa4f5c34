import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DatasetEntry } from '../dataset/build';

export interface Dataset {
  T: number;
  C: number;
  windows: Float32Array;
  entries: DatasetEntry[];
}

export function loadDataset(dir: string): Dataset {
  const meta = JSON.parse(readFileSync(join(dir, 'ecg12.json'), 'utf8')) as { windowShape: [number, number]; entries: DatasetEntry[] };
  const buf = readFileSync(join(dir, 'ecg12.bin'));
  const windows = new Float32Array(buf.buffer, buf.byteOffset, buf.byteLength / 4);
  return { T: meta.windowShape[0], C: meta.windowShape[1], windows, entries: meta.entries };
}

export function windowOf(d: Dataset, index: number): Float32Array {
  const n = d.T * d.C;
  return d.windows.subarray(index * n, (index + 1) * n);
}

export const labelIndex = (e: DatasetEntry) => (e.label === 'abnormal' ? 1 : 0);
