/**
 * Build the training set of 400 ms windows from every labelled source in the data folder.
 *   npm run -s dataset -- [--data DIR] [--seed 20261124] [--max-beats 8] [--out .cache/dataset] [--input ecg12|cine3]
 * Writes <out>/ecg12.bin (float32 windows, [200 × 12] each, time-major), <out>/ecg12.json (one entry per record:
 * id, source, label, split, index of its best-beat window and of its other beats' windows) and models/split.json
 * (the record ids of each split, the seed and the rule), which is committed so the split is inspectable.
 * Extra beats of a record are an augmentation for training only; val and test use the best beat, as the app does.
 *
 * `--input cine3` writes <out>/cine3.{bin,json} instead: the CineECG signal ([200 × 3], scripts/dataset/cine.ts)
 * of the same windows of the same records with the same labels and splits. It reads models/split.json (written by
 * the ecg12 build) and fails if any record's split differs; it never rewrites it. Records only available
 * pre-z-scored (ptbxl-zscored, not in mV) are left out, listed in `excluded`; see cine.ts for why.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { WINDOW_SAMPLES } from '../../src/core/constants';
import { extractWindow, modelWindow } from '../../src/core/ecg/prepare';
import { CINE_CHANNELS, cineWindowAt, peakRadiusMm, quantiles, trajectoryDistanceMm } from './cine';
import { assignSplits, SPLIT_RULE, type Split } from './split';
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
    input: { type: 'string', default: 'ecg12' },
  },
});
const input = args.input!;
if (input !== 'ecg12' && input !== 'cine3') throw new Error(`--input must be ecg12 or cine3, got ${input}`);
const cine = input === 'cine3';
const channels = cine ? CINE_CHANNELS : 12;
const seed = Number(args.seed);
const maxBeats = Number(args['max-beats']);
const t0 = performance.now();
const { records, excluded } = listSources(args.data!);
const splits = assignSplits(records, seed);

const windows: Float32Array[] = [];
const entries: DatasetEntry[] = [];
/** cine3: mean / end distance (mm) between the trajectory of the z-scored leads and that of the mV leads. */
const approx = { mean: [] as number[], end: [] as number[], reach: [] as number[] };
for (const r of records) {
  if (cine && r.units !== 'mV') {
    excluded.push({
      id: r.id,
      reason: 'cine3: pre-z-scored array, not mV; its CineECG trajectory would be an approximation',
    });
    continue;
  }
  try {
    const { zscored, detectOn, filteredMv } = r.signals();
    const { onsets, beat, start, window } = modelWindow(zscored, detectOn, r.id);
    const windowAt = cine ? (s: number) => cineWindowAt(filteredMv!, s) : (s: number) => extractWindow(zscored, s);
    const best = windows.push(cine ? windowAt(start) : window) - 1;
    if (cine) {
      const d = trajectoryDistanceMm(cineWindowAt(zscored, start), windows[best]);
      approx.mean.push(d.mean);
      approx.end.push(d.end);
      approx.reach.push(peakRadiusMm(windows[best]));
    }
    // Other complete beats, spread over the record, up to maxBeats in all.
    const rest = onsets.filter((o, k) => k !== beat.beatIndex && o + WINDOW_SAMPLES <= zscored[0].length);
    const step = Math.max(1, rest.length / Math.max(1, maxBeats - 1));
    const others: number[] = [];
    for (let k = 0; k < rest.length && others.length < maxBeats - 1; k = Math.floor(k + step))
      others.push(windows.push(windowAt(rest[k])) - 1);
    entries.push({ id: r.id, source: r.source, label: r.label, split: splits.get(r.id)!, best, others });
  } catch (e) {
    excluded.push({ id: r.id, reason: e instanceof Error ? e.message : String(e) });
  }
}

if (cine) {
  // Same split as the 12-lead model: every record must sit where models/split.json (the ecg12 build) put it.
  const committed = JSON.parse(readFileSync('models/split.json', 'utf8')) as Record<Split, string[]>;
  const where = new Map((['train', 'val', 'test'] as const).flatMap((k) => committed[k].map((id) => [id, k] as const)));
  const wrong = entries.filter((e) => where.get(e.id) !== e.split);
  if (wrong.length)
    throw new Error(
      `${wrong.length} records disagree with models/split.json (e.g. ${wrong[0].id}: ${wrong[0].split} vs ${where.get(wrong[0].id)}); rebuild ecg12 first`,
    );
}

mkdirSync(args.out!, { recursive: true });
const bin = new Float32Array(windows.length * WINDOW_SAMPLES * channels);
windows.forEach((w, k) => bin.set(w, k * w.length));
writeFileSync(join(args.out!, `${input}.bin`), new Uint8Array(bin.buffer));
const extra = cine
  ? {
      signal:
        'CineECG mTSI trajectory (src/core/cine/cine-signal.ts cineSignal, defaults): x, y, z in the LPS heart frame, mm / 50, from the band-passed mV leads',
      zscoredApproximation: {
        meanDistanceMm: quantiles(approx.mean),
        endDistanceMm: quantiles(approx.end),
        over: 'best-beat windows of the mV records: trajectory of the z-scored leads vs of the mV leads',
        reachMm: quantiles(approx.reach),
        reachIs: 'for scale: farthest distance of the mV trajectory from its start',
      },
    }
  : {};
writeFileSync(
  join(args.out!, `${input}.json`),
  JSON.stringify({ seed, windowShape: [WINDOW_SAMPLES, channels], entries, excluded, ...extra }, null, 1),
);

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
if (cine) {
  console.log(
    JSON.stringify(
      {
        input,
        records: entries.length,
        windows: windows.length,
        excluded: excluded.length,
        bySplit: counts,
        bySource,
        ...extra,
        seconds: +((performance.now() - t0) / 1000).toFixed(1),
      },
      null,
      1,
    ),
  );
  process.exit(0);
}
const split = { seed, rule: SPLIT_RULE, train: [] as string[], val: [] as string[], test: [] as string[] };
for (const e of entries) split[e.split].push(e.id);
mkdirSync('models', { recursive: true });
writeFileSync('models/split.json', JSON.stringify(split, null, 1) + '\n');
console.log(
  JSON.stringify(
    {
      records: entries.length,
      windows: windows.length,
      excluded: excluded.length,
      bySplit: counts,
      bySource,
      seconds: +((performance.now() - t0) / 1000).toFixed(1),
    },
    null,
    1,
  ),
);
