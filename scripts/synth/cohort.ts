/**
 * A synthetic cohort as a training data set (scripts/train/data.ts's Dataset), made through the same path as a real
 * record: synthesizeRecord → the WFDB files → loadRecord → prepareEcg → the 400 ms window from QRS onset.
 * Record i goes to test when i % 5 = 4, to val when i % 5 = 3, else to train. The healthy twin of every abnormal
 * training record is added as a normal training record (twins of val/test records are not used): the pair teaches
 * the model the change itself, and the benchmark's cases come from another seed, so nothing leaks.
 */
import { WINDOW_SAMPLES } from '../../src/core/constants';
import { cineSignal } from '../../src/core/cine/twin-signal';
import { modelInputOf } from '../../src/core/model/model-input';
import { loadRecord } from '../../src/core/ecg/load';
import { extractWindow, prepareEcg } from '../../src/core/ecg/prepare';
import { recordFilesOf, synthFiles } from '../../src/core/synth/files';
import { synthesizeRecord, type PathologyChoice } from '../../src/core/synth/generate';
import type { DatasetEntry } from '../dataset/build';
import type { Dataset } from '../train/data';

/** Other beats' windows per record (besides the best one), for the per-epoch beat draw. */
const OTHER_BEATS = 3;

export interface CohortOptions {
  seed: number;
  count: number;
  pathology?: PathologyChoice;
  /** Add the twins of abnormal training records as normal training records. */
  twins?: boolean;
  /** 12: the z-scored 12-lead windows (default); 3: the CineECG twin signal of the same windows (models/cine3's input). */
  channels?: 12 | 3;
}

export function synthCohort(o: CohortOptions): Dataset & { pathologies: Record<string, string> } {
  const C = o.channels ?? 12;
  const windows: Float32Array[] = [];
  const entries: DatasetEntry[] = [];
  const pathologies: Record<string, string> = {};
  const add = (
    files: Map<string, Uint8Array>,
    name: string,
    label: 'normal' | 'abnormal',
    split: DatasetEntry['split'],
  ) => {
    const p = prepareEcg(loadRecord(recordFilesOf(files, name)));
    const best = windows.push(modelInputOf(p, C)) - 1;
    const bestStart = Math.round((p.windowStartMs * p.fsHz) / 1000);
    const others: number[] = [];
    for (const ms of p.qrsOnsetsMs) {
      const s = Math.round((ms * p.fsHz) / 1000);
      if (others.length >= OTHER_BEATS || s === bestStart || s + WINDOW_SAMPLES > p.nSamples) continue;
      const w =
        C === 12
          ? extractWindow(p.zscored, s)
          : cineSignal({
              fsHz: p.fsHz,
              filteredMv: p.filteredMv,
              windowStartMs: (s * 1000) / p.fsHz,
              windowSamples: WINDOW_SAMPLES,
            });
      others.push(windows.push(w) - 1);
    }
    entries.push({ id: name, source: 'synth' as DatasetEntry['source'], label, split, best, others });
  };
  for (let i = 0; i < o.count; i++) {
    const r = synthesizeRecord(o.seed, i, o.pathology ?? 'mixed');
    const files = synthFiles(r);
    const split = i % 5 === 4 ? 'test' : i % 5 === 3 ? 'val' : 'train';
    pathologies[r.name] = r.injection.pathology;
    add(files, r.name, r.label, split);
    if (o.twins !== false && split === 'train' && r.label === 'abnormal') {
      add(files, `${r.name}-healthy`, 'normal', split);
      pathologies[`${r.name}-healthy`] = 'twin';
    }
  }
  const n = WINDOW_SAMPLES * C;
  const all = new Float32Array(windows.length * n);
  windows.forEach((w, k) => all.set(w, k * n));
  return { T: WINDOW_SAMPLES, C, windows: all, entries, pathologies };
}
