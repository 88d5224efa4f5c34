/**
 * Adds (or recomputes) `testBySource` in a trained model's metrics.json without retraining: the test split's
 * p(abnormal) through the shipped model, grouped by source (scripts/train/by-source.ts). train.ts writes the same
 * field itself; this serves models trained before it did.
 *   npx tsx scripts/train/add-by-source.ts [--model models/ecg12] [--input ecg12|cine3] [--dataset .cache/dataset]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadModelFile } from '../lib/model-files';
import { writeModelMeta } from '../lib/model-meta';
import { useBackend } from '../lib/tf-backend';
import { metricsBySource } from './by-source';
import { inputName, loadDataset } from './data';
import { predictEntries } from './evaluate';

const { values: a } = parseArgs({
  options: {
    model: { type: 'string', default: 'models/ecg12' },
    input: { type: 'string', default: 'ecg12' },
    dataset: { type: 'string', default: '.cache/dataset' },
  },
});
await useBackend('wasm');
const d = loadDataset(a.dataset!, inputName(a.input!));
const { model } = await loadModelFile(join(a.model!, 'model.json'));
const test = d.entries.filter((e) => e.split === 'test');
const bySource = metricsBySource(test, predictEntries(model, d, test));
const path = join(a.model!, 'metrics.json');
const metrics = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
writeFileSync(path, JSON.stringify({ ...metrics, testBySource: bySource }, null, 1) + '\n');
if (existsSync(join(a.model!, 'meta.json'))) await writeModelMeta(a.model!);
console.log(
  JSON.stringify(
    Object.fromEntries(
      Object.entries(bySource).map(([k, m]) => [
        k,
        { n: m.n, accuracy: +m.accuracy.estimate.toFixed(3), macroF1: m.macroF1 && +m.macroF1.estimate.toFixed(3) },
      ]),
    ),
  ),
);
