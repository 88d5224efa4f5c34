/**
 * The Gradient SHAP reference distribution (paper 3.1/3.3): 150 normal best-beat windows from the training split,
 * drawn with a seed, written as float32 [150 × 200 × C] to models/<input>/reference-normals.bin (1.4 MB for ecg12,
 * one precacheable file) with its record ids in models/<input>/reference-normals.json.
 *   npm run -s reference-normals [-- --dataset .cache/dataset --seed 150 --input ecg12|cine3]
 * For cine3 the draw runs over the cine3 set's normal training records (mV sources only), so the ids differ from
 * ecg12's; its windows are the CineECG signals of those records' best beats.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { SHAP_REFERENCE_COUNT } from '../src/core/constants';
import { mulberry32 } from '../src/core/random';
import { inputName, loadDataset, windowOf } from './train/data';

const { values: a } = parseArgs({
  options: {
    dataset: { type: 'string', default: '.cache/dataset' },
    seed: { type: 'string', default: '150' },
    input: { type: 'string', default: 'ecg12' },
  },
});
const input = inputName(a.input!);
const d = loadDataset(a.dataset!, input);
const normals = d.entries
  .filter((e) => e.split === 'train' && e.label === 'normal')
  .sort((x, y) => (x.id < y.id ? -1 : 1));
if (normals.length < SHAP_REFERENCE_COUNT)
  throw new Error(`only ${normals.length} normal training records for ${SHAP_REFERENCE_COUNT} reference windows`);
const random = mulberry32(Number(a.seed));
for (let i = normals.length - 1; i > 0; i--) {
  const j = Math.floor(random() * (i + 1));
  [normals[i], normals[j]] = [normals[j], normals[i]];
}
const chosen = normals.slice(0, SHAP_REFERENCE_COUNT);
const out = new Float32Array(chosen.length * d.T * d.C);
chosen.forEach((e, k) => out.set(windowOf(d, e.best), k * d.T * d.C));
writeFileSync(`models/${input}/reference-normals.bin`, new Uint8Array(out.buffer));
writeFileSync(
  `models/${input}/reference-normals.json`,
  JSON.stringify(
    {
      count: chosen.length,
      shape: [chosen.length, d.T, d.C],
      seed: Number(a.seed),
      split: 'train',
      ids: chosen.map((e) => e.id),
    },
    null,
    1,
  ) + '\n',
);
console.log(`wrote ${chosen.length} normal training windows to models/${input}/reference-normals.bin`);
