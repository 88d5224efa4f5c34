/**
 * Train the 12-lead 1D-ResNet (or its CineECG twin) and write the shipped model with its metrics.
 *   npm run -s train -- [--dataset .cache/dataset] [--input ecg12|cine3] [--out models/<input>] [--config <out>/config.json] [--backend cpu]
 * Needs `npm run -s dataset` first (`-- --input cine3` for the CineECG set). Everything is seeded: the same command gives the same model on the same backend.
 * Writes <out>/model.json + weight shards, and <out>/metrics.json (per-split metrics with 95% BCa intervals, the
 * training history and the exact configuration), from which scripts/model-card.ts writes models/MODEL_CARD.md.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { mulberry32 } from '../src/core/random';
import { DEFAULT_RESNET } from '../src/core/model/resnet1d';
import { saveModelDir } from './lib/model-files';
import { useBackend } from './lib/tf-backend';
import { DEFAULT_AUGMENT, DEFAULT_TRAJECTORY_AUGMENT } from './train/augment';
import { datasetSummary, inputName, labelIndex, loadDataset, type InputName } from './train/data';
import { metricsBySource } from './train/by-source';
import { predictEntries, splitMetrics } from './train/evaluate';
import { writeModelMeta } from './lib/model-meta';
import { trainModel, type TrainOptions } from './train/loop';

export const DEFAULT_TRAIN: TrainOptions = {
  model: DEFAULT_RESNET,
  augment: DEFAULT_AUGMENT,
  epochs: 40,
  batchSize: 32,
  learningRate: 1e-3,
  patience: 8,
  beatsPerEpoch: 2,
  seed: 1,
};

/** Defaults for a model input: the 12-lead ones above, or the same with 3 channels and the trajectory augmentation. */
export function defaultTrainFor(input: InputName): TrainOptions {
  return input === 'ecg12'
    ? DEFAULT_TRAIN
    : { ...DEFAULT_TRAIN, model: { ...DEFAULT_TRAIN.model, channels: 3 }, augment: DEFAULT_TRAJECTORY_AUGMENT };
}

/** Its presence ends training after the current epoch (see main). */
export const STOP_FILE = '.cache/stop-training';

/** What the model.json metadata says the input is. */
export const REPRESENTATION: Record<InputName, string> = {
  ecg12: 'z-scored per lead, 0.5-40 Hz band-pass, 500 Hz, window from QRS onset',
  cine3:
    'CineECG mTSI trajectory (x, y, z, LPS heart frame) in mm / 50, from the 0.5-40 Hz band-passed mV leads of the same 400 ms window from QRS onset, 500 Hz',
};

/** 15% of the training records, stratified by label, held out for early stopping (paper 3.2). */
export function earlyStopSplit<T extends { label: string; id: string }>(
  train: T[],
  seed: number,
): { fit: T[]; stop: T[] } {
  const random = mulberry32(seed);
  const fit: T[] = [];
  const stop: T[] = [];
  for (const label of ['normal', 'abnormal']) {
    const group = train.filter((e) => e.label === label).sort((a, b) => (a.id < b.id ? -1 : 1));
    for (let i = group.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [group[i], group[j]] = [group[j], group[i]];
    }
    const k = Math.round(group.length * 0.15);
    stop.push(...group.slice(0, k));
    fit.push(...group.slice(k));
  }
  return { fit, stop };
}

async function main() {
  const { values: a } = parseArgs({
    options: {
      dataset: { type: 'string', default: '.cache/dataset' },
      input: { type: 'string', default: 'ecg12' },
      out: { type: 'string' },
      config: { type: 'string' },
      backend: { type: 'string', default: 'wasm' },
    },
  });
  const input = inputName(a.input!);
  const out = a.out ?? `models/${input}`;
  const backend = await useBackend(a.backend!);
  const cfgPath = a.config ?? join(out, 'config.json');
  const defaults = defaultTrainFor(input);
  const opts: TrainOptions = existsSync(cfgPath)
    ? { ...defaults, ...JSON.parse(readFileSync(cfgPath, 'utf8')) }
    : { ...defaults };
  const d = loadDataset(a.dataset!, input);
  const train = d.entries.filter((e) => e.split === 'train');
  const { fit, stop } = earlyStopSplit(train, opts.seed);
  const t0 = performance.now();
  // `touch .cache/stop-training` ends training after the current epoch (a budget on a shared machine); the
  // options are then recorded with epochs = the epochs run, which reproduces the same weights.
  const result = await trainModel(d, fit, stop, {
    ...opts,
    log: (l) => console.error(l),
    stopRequested: () => existsSync(STOP_FILE),
  });
  const trainSeconds = (performance.now() - t0) / 1000;
  if (result.stoppedOnRequest) {
    opts.epochs = result.epochsRun;
    writeFileSync(join(out, 'config.json'), JSON.stringify(opts, null, 1) + '\n');
  }

  const testEntries = d.entries.filter((e) => e.split === 'test');
  const testP = predictEntries(result.model, d, testEntries);
  const metrics = Object.fromEntries(
    (['train', 'val', 'test'] as const).map((s) => {
      const entries = d.entries.filter((e) => e.split === s);
      return [s, splitMetrics(entries, s === 'test' ? testP : predictEntries(result.model, d, entries))];
    }),
  );
  const files = await saveModelDir(result.model, out, {
    classNames: ['normal', 'abnormal'],
    input: { timeSteps: d.T, channels: d.C, representation: REPRESENTATION[input] },
    output: 'logits',
  });
  writeFileSync(
    join(out, 'metrics.json'),
    JSON.stringify(
      {
        ...(input === 'ecg12' ? {} : { input, dataset: datasetSummary(a.dataset!, input) }),
        backend,
        tfjs: tf.version.tfjs,
        node: process.version,
        trainSeconds: +trainSeconds.toFixed(1),
        bestEpoch: result.bestEpoch,
        epochsRun: result.epochsRun,
        params: result.model.countParams(),
        files,
        records: { fit: fit.length, earlyStop: stop.length, fitNormal: fit.filter((e) => labelIndex(e) === 0).length },
        options: opts,
        metrics,
        testBySource: metricsBySource(testEntries, testP),
        history: result.history,
      },
      null,
      1,
    ) + '\n',
  );
  // A registered model folder (one with meta.json) gets its digests and metrics summary refreshed.
  if (existsSync(join(out, 'meta.json'))) await writeModelMeta(out);
  const m = metrics.test;
  console.log(
    JSON.stringify({
      test: { accuracy: m.accuracy.estimate, macroF1: m.macroF1.estimate, auroc: m.auroc.estimate },
      val: { accuracy: metrics.val.accuracy.estimate, macroF1: metrics.val.macroF1.estimate },
      bestEpoch: result.bestEpoch,
      trainSeconds,
    }),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) void main();
