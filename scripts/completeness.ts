/**
 * Integrated Gradients completeness of the shipped model on the test split (50 Gauss–Legendre steps, zero
 * baseline, no noise), written into <model>/metrics.json as `completeness` for the model card.
 *   npm run -s completeness [-- --dataset .cache/dataset --model DIR] [--max-records N]   (e.g. --model models/cine3)
 * --model is a model folder; by default the primary model's (the first in models/index.json).
 * `--max-records N` takes the first N test records in data-set order (a time budget on a shared machine; recorded).
 * The data set (ecg12 or cine3) follows from the model's input channels.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { quantileRankSorted, sortedCopy } from '../src/core/quantile';
import { integratedGradients } from '../src/core/xai/integrated-gradients';
import { loadModelFile } from './lib/model-files';
import { primaryModelPath } from './lib/registry';
import { useBackend } from './lib/tf-backend';
import { loadDataset, windowOf } from './train/data';

async function main() {
  const { values: a } = parseArgs({
    options: {
      dataset: { type: 'string', default: '.cache/dataset' },
      model: { type: 'string', default: dirname(primaryModelPath()) },
      'max-records': { type: 'string' },
    },
  });
  await useBackend('wasm');
  const { model } = await loadModelFile(join(a.model!, 'model.json'));
  const [, , C] = model.inputs[0].shape as [null, number, number];
  const d = loadDataset(a.dataset!, C === 3 ? 'cine3' : 'ecg12');
  const rel: number[] = [];
  const test = d.entries.filter((x) => x.split === 'test');
  const used = a['max-records'] ? test.slice(0, Number(a['max-records'])) : test;
  for (const e of used) {
    const r = await integratedGradients(model, windowOf(d, e.best), {
      steps: 50,
      rule: 'gausslegendre',
      noiseSamples: 0,
      batchSize: 50,
    });
    for (const k of [0, 1])
      rel.push(Math.abs(r.delta[k]) / Math.max(1e-12, Math.abs(r.logits[k] - r.baselineLogits[k])));
  }
  const s = sortedCopy(rel);
  // rank ⌊p · n⌋ (upper middle for the median), as the published metrics.json
  const completeness = {
    n: rel.length / 2,
    ofTest: test.length,
    median: quantileRankSorted(s, 0.5),
    p90: quantileRankSorted(s, 0.9),
    max: s[s.length - 1],
  };
  const path = join(a.model!, 'metrics.json');
  writeFileSync(path, JSON.stringify({ ...JSON.parse(readFileSync(path, 'utf8')), completeness }, null, 1) + '\n');
  console.log(JSON.stringify(completeness));
}
void main();
