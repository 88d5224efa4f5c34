/**
 * Small seeded random search over the 1D-ResNet's structure and training (paper 3.2 used Optuna/TPE, 130 trials;
 * two CPU cores allow a handful). Selection: validation macro-F1 (the 20% validation split; the test split is
 * never looked at here).
 *   npm run -s search -- [--input ecg12|cine3] [--trials 14] [--seed 7] [--part 0/1] [--out models/<input>/search]
 * Each trial appends one JSON line to <out>.<part>.jsonl; `--summarise` merges them into <out>.json (models/ecg12/
 * search.json) and writes the best configuration to config.json beside it, which `npm run -s train` then uses.
 * `--final-epochs N` (default 40) sets the final configuration's epoch budget (cine3: 24, to stay within ~5 min).
 * `--input cine3` searches the CineECG twin on .cache/dataset/cine3.*: the same space, 3 input channels, and the
 * trajectory augmentation (scripts/train/augment.ts) with its rotation range as one more dimension.
 */
import { appendFileSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { mulberry32 } from '../src/core/random';
import type { ResNet1dConfig } from '../src/core/model/resnet1d';
import { useBackend } from './lib/tf-backend';
import { defaultTrainFor, earlyStopSplit } from './train';
import { DEFAULT_TRAJECTORY_AUGMENT } from './train/augment';
import { inputName, loadDataset, type InputName } from './train/data';
import { predictEntries, splitMetrics } from './train/evaluate';
import { trainModel, type TrainOptions } from './train/loop';

const ARCHITECTURES: ResNet1dConfig['blocks'][] = [
  [
    { filters: 32, stride: 1 },
    { filters: 64, stride: 2 },
    { filters: 64, stride: 2 },
  ],
  [
    { filters: 16, stride: 1 },
    { filters: 32, stride: 2 },
    { filters: 64, stride: 2 },
  ],
  [
    { filters: 32, stride: 1 },
    { filters: 32, stride: 2 },
    { filters: 64, stride: 2 },
    { filters: 64, stride: 2 },
  ],
];

export function sampleTrial(k: number, seed: number, input: InputName = 'ecg12'): TrainOptions {
  const r = mulberry32(seed * 1000 + k);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const base = defaultTrainFor(input);
  const blocks = pick(ARCHITECTURES);
  const trial: TrainOptions = {
    ...base,
    model: {
      ...base.model,
      stemFilters: blocks[0].filters,
      blocks,
      kernel: pick([5, 7, 9]),
      dropout: pick([0.2, 0.3, 0.5]),
      l2: pick([0, 1e-4, 1e-3]),
    },
    learningRate: pick([3e-4, 1e-3, 3e-3]),
    beatsPerEpoch: 1,
    // Two CPU cores: a short budget per trial; the final model gets the full one (train.ts).
    epochs: 12,
    patience: 4,
  };
  // Drawn after the shared dimensions, so the ecg12 trials are exactly those of the original search.
  if (input === 'cine3') trial.augment = { ...DEFAULT_TRAJECTORY_AUGMENT, rotationDeg: pick([0, 10, 20]) };
  return trial;
}

async function main() {
  const { values: a } = parseArgs({
    options: {
      trials: { type: 'string', default: '14' },
      seed: { type: 'string', default: '7' },
      part: { type: 'string', default: '0/1' },
      input: { type: 'string', default: 'ecg12' },
      out: { type: 'string' },
      dataset: { type: 'string', default: '.cache/dataset' },
      summarise: { type: 'boolean', default: false },
      'final-epochs': { type: 'string', default: '40' },
    },
  });
  const input = inputName(a.input!);
  a.out ??= `models/${input}/search`;
  if (a.summarise) return summarise(a.out, Number(a['final-epochs']), input);
  await useBackend('wasm');
  const [part, parts] = a.part!.split('/').map(Number);
  const d = loadDataset(a.dataset!, input);
  const train = d.entries.filter((e) => e.split === 'train');
  const val = d.entries.filter((e) => e.split === 'val');
  const done = new Set(
    existsSync(`${a.out}.${part}.jsonl`)
      ? readFileSync(`${a.out}.${part}.jsonl`, 'utf8')
          .trim()
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l).trial)
      : [],
  );
  for (let k = part; k < Number(a.trials); k += parts) {
    if (done.has(k)) continue; // resumable: trials already in the log are kept
    const opts = sampleTrial(k, Number(a.seed), input);
    const { fit, stop } = earlyStopSplit(train, opts.seed);
    const t0 = performance.now();
    const res = await trainModel(d, fit, stop, { ...opts, log: (l) => console.error(`trial ${k} ${l}`) });
    const m = splitMetrics(val, predictEntries(res.model, d, val));
    const row = {
      trial: k,
      valMacroF1: m.macroF1.estimate,
      valAccuracy: m.accuracy.estimate,
      valAuroc: m.auroc.estimate,
      bestEpoch: res.bestEpoch,
      params: res.model.countParams(),
      seconds: +((performance.now() - t0) / 1000).toFixed(0),
      options: opts,
    };
    res.model.dispose();
    appendFileSync(`${a.out}.${part}.jsonl`, JSON.stringify(row) + '\n');
    console.log(
      `trial ${k}: val macro-F1 ${row.valMacroF1.toFixed(3)} acc ${row.valAccuracy.toFixed(3)} AUROC ${row.valAuroc.toFixed(3)} (${row.params} params, ${row.seconds} s)`,
    );
  }
}

/** The final configuration: the best trial's, with the full budget (epochs; patience 8). */
function summarise(out: string, epochs: number, input: InputName) {
  const dir = dirname(out);
  const rows = readdirSync(dir)
    .filter((f) => f.startsWith(`${basename(out)}.`) && f.endsWith('.jsonl'))
    .flatMap((f) =>
      readFileSync(join(dir, f), 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l)),
    )
    .sort((x, y) => x.trial - y.trial);
  const best = rows.reduce((b, r) => (r.valMacroF1 > b.valMacroF1 ? r : b), rows[0]);
  writeFileSync(
    `${out}.json`,
    JSON.stringify({ selection: 'validation macro-F1', best: best.trial, trials: rows }, null, 1) + '\n',
  );
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ ...best.options, epochs, patience: 8 }, null, 1) + '\n');
  console.log(
    `best trial ${best.trial}: val macro-F1 ${best.valMacroF1.toFixed(3)}; wrote ${out}.json and ${join(dir, 'config.json')}`,
  );
  if (!existsSync(join(dir, 'model.json')))
    console.log(`next: npm run -s train${input === 'ecg12' ? '' : ` -- --input ${input}`}`);
}

if (import.meta.url === `file://${process.argv[1]}`) void main();
