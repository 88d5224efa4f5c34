/**
 * The issue-14 search: a handful of seeded trials around the previous best configuration, each trained with the
 * FULL budget (the shipped model is one of them, not a retrain of a short trial). Selection: validation macro-F1;
 * the test split plays no part (train.ts computes it for every trial, the choice never reads it).
 *   npx tsx scripts/search-full.ts [--trials 0-5] [--out .cache/search-full] [--dataset .cache/dataset]
 *   npx tsx scripts/search-full.ts --summarise   # models/ecg12/search.json + config.json, the best trial's files into models/ecg12/
 *   npx tsx scripts/search-full.ts --summarise --ship K --why "…"   # ship trial K instead of the best, saying why
 * Each trial runs `scripts/train.ts --config <out>/<k>/config.json --out <out>/<k>` in its own process (one at a
 * time: two CPU cores), so `npm run -s train` with the chosen models/ecg12/config.json reproduces the shipped model
 * bit for bit. Resumable: a trial whose metrics.json exists is skipped.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { TrainOptions } from './train/loop';

/** The previous search's best (models/ecg12/config.json before issue 14), the centre of this search. */
const BASE: TrainOptions = {
  model: {
    timeSteps: 200,
    channels: 12,
    stemFilters: 32,
    stemKernel: 7,
    blocks: [
      { filters: 32, stride: 1 },
      { filters: 32, stride: 2 },
      { filters: 64, stride: 2 },
      { filters: 64, stride: 2 },
    ],
    kernel: 9,
    dropout: 0.3,
    l2: 1e-4,
    activation: 'swish',
    seed: 1,
  },
  augment: { amplitude: 0.15, wander: 0.1, noise: 0.05, shift: 5 },
  // 12 epochs, patience 4: one epoch of the new data (~1,480 windows) took 202 s on this shared 2-core machine
  // (16 s for 672 windows before issue 14, unloaded); the previous final model's best epoch was 4.
  epochs: 12,
  batchSize: 32,
  learningRate: 1e-3,
  patience: 4,
  beatsPerEpoch: 1,
  seed: 1,
};

/** Trials in the order they run (most promising first, so a cut-short search still has them). */
export const FULL_TRIALS: { what: string; options: TrainOptions }[] = [
  { what: 'previous best configuration on the new data', options: BASE },
  {
    what: 'wider blocks (48-48-96-96)',
    options: {
      ...BASE,
      model: {
        ...BASE.model,
        stemFilters: 48,
        blocks: [
          { filters: 48, stride: 1 },
          { filters: 48, stride: 2 },
          { filters: 96, stride: 2 },
          { filters: 96, stride: 2 },
        ],
      },
    },
  },
  { what: 'two windows per record per epoch', options: { ...BASE, beatsPerEpoch: 2 } },
  {
    what: 'higher learning rate 3e-3, dropout 0.5',
    options: { ...BASE, learningRate: 3e-3, model: { ...BASE.model, dropout: 0.5 } },
  },
  {
    what: 'deeper: a fifth block (128, stride 2), kernel 7',
    options: {
      ...BASE,
      model: { ...BASE.model, kernel: 7, blocks: [...BASE.model.blocks, { filters: 128, stride: 2 }] },
    },
  },
  { what: 'previous best with seed 2 (seed spread)', options: { ...BASE, seed: 2, model: { ...BASE.model, seed: 2 } } },
];

interface TrialMetrics {
  trainSeconds: number;
  bestEpoch: number;
  epochsRun: number;
  params: number;
  metrics: Record<
    'val',
    { accuracy: { estimate: number }; macroF1: { estimate: number }; auroc: { estimate: number } }
  >;
}

function main() {
  const { values: a } = parseArgs({
    options: {
      trials: { type: 'string', default: `0-${FULL_TRIALS.length - 1}` },
      out: { type: 'string', default: '.cache/search-full' },
      dataset: { type: 'string', default: '.cache/dataset' },
      summarise: { type: 'boolean', default: false },
      ship: { type: 'string' },
      why: { type: 'string' },
    },
  });
  if (a.summarise) {
    if (a.ship !== undefined && !a.why)
      throw new Error('--ship K needs --why "…": the card says why the best was not shipped');
    return summarise(a.out!, a.ship === undefined ? undefined : { trial: Number(a.ship), why: a.why! });
  }
  const [from, to] = a.trials!.split('-').map(Number);
  for (let k = from; k <= (to ?? from); k++) {
    const dir = join(a.out!, String(k));
    if (existsSync(join(dir, 'metrics.json'))) continue;
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'config.json'), JSON.stringify(FULL_TRIALS[k].options, null, 1) + '\n');
    console.log(`trial ${k}: ${FULL_TRIALS[k].what}`);
    execFileSync(
      process.execPath,
      [
        ...process.execArgv,
        'scripts/train.ts',
        '--dataset',
        a.dataset!,
        '--config',
        join(dir, 'config.json'),
        '--out',
        dir,
      ],
      { stdio: 'inherit' },
    );
  }
}

function summarise(out: string, ship?: { trial: number; why: string }) {
  const rows = FULL_TRIALS.flatMap((t, k) => {
    const file = join(out, String(k), 'metrics.json');
    if (!existsSync(file)) return [];
    const m = JSON.parse(readFileSync(file, 'utf8')) as TrialMetrics;
    // The trial's config.json as train.ts left it (epochs = the epochs run when it was stopped on request).
    const options = JSON.parse(readFileSync(join(out, String(k), 'config.json'), 'utf8')) as TrainOptions;
    const v = m.metrics.val;
    return [
      {
        trial: k,
        what: t.what,
        valMacroF1: v.macroF1.estimate,
        valAccuracy: v.accuracy.estimate,
        valAuroc: v.auroc.estimate,
        bestEpoch: m.bestEpoch,
        epochsRun: m.epochsRun,
        params: m.params,
        seconds: m.trainSeconds,
        options,
      },
    ];
  });
  if (!rows.length) throw new Error(`no finished trial under ${out}`);
  const best = rows.reduce((b, r) => (r.valMacroF1 > b.valMacroF1 ? r : b), rows[0]);
  const dst = 'models/ecg12';
  writeFileSync(
    join(dst, 'search.json'),
    JSON.stringify(
      {
        selection: 'validation macro-F1',
        budget: 'full (each trial is a complete training run)',
        best: best.trial,
        // The trial whose files are in models/ecg12 (the best unless --ship chose another, with the reason).
        shipped: ship?.trial ?? best.trial,
        ...(ship && { shippedWhy: ship.why }),
        trials: rows,
      },
      null,
      1,
    ) + '\n',
  );
  const shipped = rows.find((r) => r.trial === (ship?.trial ?? best.trial));
  if (!shipped) throw new Error(`--ship ${ship?.trial}: no finished trial with that number under ${out}`);
  const src = join(out, String(shipped.trial));
  // Re-summarising after `npm run -s completeness` must not drop its figures when the weights are the same ones.
  const sameWeights =
    existsSync(join(dst, 'weights.1of1.bin')) &&
    readFileSync(join(dst, 'weights.1of1.bin')).equals(readFileSync(join(src, 'weights.1of1.bin')));
  const kept = sameWeights
    ? (JSON.parse(readFileSync(join(dst, 'metrics.json'), 'utf8')) as Record<string, unknown>)
    : {};
  for (const f of ['config.json', 'model.json', 'weights.1of1.bin', 'metrics.json'])
    copyFileSync(join(src, f), join(dst, f));
  if (kept.completeness) {
    const m = JSON.parse(readFileSync(join(dst, 'metrics.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(dst, 'metrics.json'), JSON.stringify({ ...m, completeness: kept.completeness }, null, 1) + '\n');
  }
  console.log(
    `best trial ${best.trial} (${best.what}): val macro-F1 ${best.valMacroF1.toFixed(3)}; shipped trial ${shipped.trial}` +
      ` (val macro-F1 ${shipped.valMacroF1.toFixed(3)}); its files are now in ${dst}/ (reproduce: npm run -s train)`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) main();
