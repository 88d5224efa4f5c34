/**
 * Build the training set of 400 ms windows from every labelled source in the data folder.
 *   npm run -s dataset -- [--data DIR] [--seed 20261124] [--max-beats 8] [--out .cache/dataset]
 * Writes <out>/ecg12.bin (float32 windows, [200 × 12] each, time-major), <out>/ecg12.json (one entry per record:
 * id, source, label, split, index of its best-beat window and of its other beats' windows) and models/split.json
 * (the record ids of each split, the seed and the rule), which is committed so the split is inspectable.
 * Extra beats of a record are an augmentation for training only; val and test use the best beat, as the app does.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { WINDOW_SAMPLES } from '../../src/core/constants';
import { extractWindow, modelWindow } from '../../src/core/ecg/prepare';
import { assignSplits, type Split } from './split';
import { listSources, type SourceName } from './sources';

export interface DatasetEntry {
  id: string;
  source: SourceName;
  label: 'normal' | 'abnormal';
  split: Split;
  /** Window index (into ecg12.bin) of the best single beat. */
  best: number;
  /** Window indices of the record's other complete beats. */
  others: number[];
}

const { values: args } = parseArgs({
  options: {
    data: { type: 'string', default: process.env.ECG_DATA_DIR ?? resolve(import.meta.dirname, '../../../shared/data') },
    seed: { type: 'string', default: '20261124' },
    'max-beats': { type: 'string', default: '8' },
    out: { type: 'string', default: '.cache/dataset' },
  },
});
const seed = Number(args.seed);
const maxBeats = Number(args['max-beats']);
const t0 = performance.now();
const { records, excluded } = listSources(args.data!);
const splits = assignSplits(records, seed);

const windows: Float32Array[] = [];
const entries: DatasetEntry[] = [];
for (const r of records) {
  try {
    const { zscored, detectOn } = r.signals();
    const { onsets, beat, window } = modelWindow(zscored, detectOn, r.id);
    const best = windows.push(window) - 1;
    // Other complete beats, spread over the record, up to maxBeats in all.
    const rest = onsets.filter((o, k) => k !== beat.beatIndex && o + WINDOW_SAMPLES <= zscored[0].length);
    const step = Math.max(1, rest.length / Math.max(1, maxBeats - 1));
    const others: number[] = [];
    for (let k = 0; k < rest.length && others.length < maxBeats - 1; k = Math.floor(k + step)) others.push(windows.push(extractWindow(zscored, rest[k])) - 1);
    entries.push({ id: r.id, source: r.source, label: r.label, split: splits.get(r.id)!, best, others });
  } catch (e) {
    excluded.push({ id: r.id, reason: e instanceof Error ? e.message : String(e) });
  }
}

mkdirSync(args.out!, { recursive: true });
const bin = new Float32Array(windows.length * WINDOW_SAMPLES * 12);
windows.forEach((w, k) => bin.set(w, k * w.length));
writeFileSync(join(args.out!, 'ecg12.bin'), new Uint8Array(bin.buffer));
writeFileSync(join(args.out!, 'ecg12.json'), JSON.stringify({ seed, windowShape: [WINDOW_SAMPLES, 12], entries, excluded }, null, 1));

const counts: Record<string, Record<string, number>> = {};
for (const e of entries) {
  const key = `${e.split}`;
  counts[key] ??= { normal: 0, abnormal: 0 };
  counts[key][e.label]++;
}
const bySource: Record<string, Record<string, number>> = {};
for (const e of entries) {
  bySource[e.source] ??= { normal: 0, abnormal: 0 };
  bySource[e.source][e.label]++;
}
const split = { seed, rule: 'PTB-XL by strat_fold (1-6 train, 7-8 val, 9-10 test); other sources stratified 60/20/20 by (source, label) with mulberry32(seed)', train: [] as string[], val: [] as string[], test: [] as string[] };
for (const e of entries) split[e.split].push(e.id);
mkdirSync('models', { recursive: true });
writeFileSync('models/split.json', JSON.stringify(split, null, 1) + '\n');
console.log(JSON.stringify({ records: entries.length, windows: windows.length, excluded: excluded.length, bySplit: counts, bySource, seconds: +((performance.now() - t0) / 1000).toFixed(1) }, null, 1));
