/**
 * Train the 12-lead 1D-ResNet on a synthetic cohort (src/core/synth), with the same code (scripts/train/loop.ts),
 * architecture and augmentation as the shipped 12-lead model (models/ecg12/config.json), and write models/synth/:
 *   npx tsx scripts/synth-train.ts [--seed 1000] [--count 300] [--epochs 25] [--patience 5] [--out models/synth] [--backend wasm] [--like ecg12|cine3]
 * --like cine3: the CineECG twin's architecture, augmentation and input (the CineECG signal of the same windows,
 * models/cine3/config.json) instead of the 12-lead model's.
 * Seeded throughout (the cohort, the split, the early-stopping split, the weights, dropout): the same command gives
 * the same model on the same backend. Writes model.json + weights, metrics.json (per split, 95% BCa), config.json
 * (what was run) and reference-normals.bin (50 normal training windows, for Gradient SHAP).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { saveModelDir } from './lib/model-files';
import { useBackend } from './lib/tf-backend';
import { synthCohort } from './synth/cohort';
import { windowOf } from './train/data';
import { predictEntries, splitMetrics } from './train/evaluate';
import { trainModel, type TrainOptions } from './train/loop';
import { earlyStopSplit } from './train';

const REFERENCE_WINDOWS = 50;

async function main() {
  const { values: a } = parseArgs({
    options: {
      seed: { type: 'string', default: '1000' },
      count: { type: 'string', default: '300' },
      epochs: { type: 'string', default: '25' },
      patience: { type: 'string', default: '5' },
      out: { type: 'string', default: 'models/synth' },
      backend: { type: 'string', default: 'wasm' },
      like: { type: 'string', default: 'ecg12' },
    },
  });
  const backend = await useBackend(a.backend!);
  const t0 = performance.now();
  if (a.like !== 'ecg12' && a.like !== 'cine3') throw new Error(`--like must be ecg12 or cine3, got "${a.like}"`);
  const channels = a.like === 'cine3' ? 3 : 12;
  const d = synthCohort({ seed: Number(a.seed), count: Number(a.count), channels });
  const cohortSeconds = (performance.now() - t0) / 1000;
  console.error(
    `cohort: ${d.entries.length} records, ${d.windows.length / (d.T * d.C)} windows (${cohortSeconds.toFixed(1)} s)`,
  );
  const base = JSON.parse(readFileSync(`models/${a.like}/config.json`, 'utf8')) as TrainOptions;
  const opts: TrainOptions = { ...base, epochs: Number(a.epochs), patience: Number(a.patience), beatsPerEpoch: 1 };
  const train = d.entries.filter((e) => e.split === 'train');
  const { fit, stop } = earlyStopSplit(train, opts.seed);
  const t1 = performance.now();
  const result = await trainModel(d, fit, stop, { ...opts, log: (l) => console.error(l) });
  const trainSeconds = (performance.now() - t1) / 1000;
  const metrics = Object.fromEntries(
    (['train', 'val', 'test'] as const).map((s) => {
      const entries = d.entries.filter((e) => e.split === s);
      return [s, splitMetrics(entries, predictEntries(result.model, d, entries))];
    }),
  );
  const out = a.out!;
  mkdirSync(out, { recursive: true });
  const files = await saveModelDir(result.model, out, {
    classNames: ['normal', 'abnormal'],
    input: {
      timeSteps: d.T,
      channels: d.C,
      representation:
        channels === 3
          ? 'CineECG twin signal (mTSI walk v1, mm / 50) of the 0.5-40 Hz band-passed window from QRS onset, 500 Hz (synthetic cohort)'
          : 'z-scored per lead, 0.5-40 Hz band-pass, 500 Hz, window from QRS onset (synthetic cohort)',
    },
    output: 'logits',
  });
  const normals = fit.filter((e) => e.label === 'normal').slice(0, REFERENCE_WINDOWS);
  const ref = new Float32Array(normals.length * d.T * d.C);
  normals.forEach((e, k) => ref.set(windowOf(d, e.best), k * d.T * d.C));
  writeFileSync(join(out, 'reference-normals.bin'), new Uint8Array(ref.buffer));
  const command = `npx tsx scripts/synth-train.ts --seed ${a.seed} --count ${a.count} --epochs ${a.epochs} --patience ${a.patience} --out ${out} --backend ${a.backend}${a.like === 'cine3' ? ' --like cine3' : ''}`;
  writeFileSync(
    join(out, 'config.json'),
    JSON.stringify(
      {
        command,
        cohort: {
          seed: Number(a.seed),
          count: Number(a.count),
          pathology: 'mixed',
          twinsOfAbnormalTrainingRecords: true,
        },
        ...opts,
      },
      null,
      1,
    ) + '\n',
  );
  const counts = (s: string) => ({
    normal: d.entries.filter((e) => e.split === s && e.label === 'normal').length,
    abnormal: d.entries.filter((e) => e.split === s && e.label === 'abnormal').length,
  });
  writeFileSync(
    join(out, 'metrics.json'),
    JSON.stringify(
      {
        command,
        backend,
        tfjs: tf.version.tfjs,
        node: process.version,
        cohortSeconds: +cohortSeconds.toFixed(1),
        trainSeconds: +trainSeconds.toFixed(1),
        bestEpoch: result.bestEpoch,
        epochsRun: result.epochsRun,
        params: result.model.countParams(),
        files: [...files, 'reference-normals.bin'],
        records: {
          train: counts('train'),
          val: counts('val'),
          test: counts('test'),
          fit: fit.length,
          earlyStop: stop.length,
        },
        metrics,
        history: result.history,
      },
      null,
      1,
    ) + '\n',
  );
  const m = metrics.test;
  console.log(
    JSON.stringify({
      test: { accuracy: m.accuracy.estimate, macroF1: m.macroF1.estimate, auroc: m.auroc.estimate },
      val: { accuracy: metrics.val.accuracy.estimate },
      bestEpoch: result.bestEpoch,
      trainSeconds,
    }),
  );
}

void main();
