/**
 * The 12-lead model and its CineECG twin on the same records: the cine3 set holds only the mV records (the
 * ptbxl-zscored ones have no trustworthy trajectory, scripts/dataset/cine.ts), so models/ecg12's own test figures
 * are on a larger test split. This evaluates models/ecg12 on exactly the cine3 validation and test records (its
 * 12-lead windows of the same beats) and the paired difference ecg12 − cine3 with 95% BCa intervals, and writes it
 * into models/cine3/metrics.json as `comparison` (with the sha256 of the ecg12 weights it used, so the model card
 * can tell when ecg12 has been retrained since).
 *   npx tsx scripts/train/compare.ts [--dataset .cache/dataset] [--ecg12 models/ecg12] [--cine3 models/cine3]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { bcaInterval } from '../../src/core/eval/bootstrap';
import { accuracy, auroc, confusion, macroF1 } from '../../src/core/eval/classification';
import { mulberry32 } from '../../src/core/random';
import { loadModelFile } from '../lib/model-files';
import { useBackend } from '../lib/tf-backend';
import { labelIndex, loadDataset } from './data';
import { predictEntries, splitMetrics } from './evaluate';
import { weightsHash } from './hash';

async function main() {
  const { values: a } = parseArgs({
    options: {
      dataset: { type: 'string', default: '.cache/dataset' },
      ecg12: { type: 'string', default: 'models/ecg12' },
      cine3: { type: 'string', default: 'models/cine3' },
    },
  });
  await useBackend('wasm');
  const ecg = loadDataset(a.dataset!, 'ecg12');
  const cine = loadDataset(a.dataset!, 'cine3');
  const ecgModel = (await loadModelFile(join(a.ecg12!, 'model.json'))).model;
  const cineModel = (await loadModelFile(join(a.cine3!, 'model.json'))).model;
  const byId = new Map(ecg.entries.map((e) => [e.id, e]));
  const out: Record<string, unknown> = { ecg12Model: a.ecg12, ecg12WeightsSha256: weightsHash(a.ecg12!) };
  for (const split of ['val', 'test'] as const) {
    const cineEntries = cine.entries.filter((e) => e.split === split);
    const ecgEntries = cineEntries.map((e) => {
      const x = byId.get(e.id);
      if (!x || x.label !== e.label || x.split !== e.split)
        throw new Error(`the ecg12 and cine3 sets disagree on ${e.id}: rebuild both`);
      return x;
    });
    const pe = predictEntries(ecgModel, ecg, ecgEntries);
    const pc = predictEntries(cineModel, cine, cineEntries);
    const y = cineEntries.map(labelIndex);
    const yhat = (p: Float64Array) => Array.from(p, (v) => (v >= 0.5 ? 1 : 0));
    const [he, hc] = [yhat(pe), yhat(pc)];
    const pick = <T>(arr: ArrayLike<T>, idx: Int32Array) => Array.from(idx, (i) => arr[i]);
    const diff = (f: (yy: number[], h: number[], p: number[]) => number, s: number) =>
      bcaInterval(
        y.length,
        (idx) => f(pick(y, idx), pick(he, idx), pick(pe, idx)) - f(pick(y, idx), pick(hc, idx), pick(pc, idx)),
        { random: mulberry32(100 + s) },
      );
    out[split] = {
      ecg12: splitMetrics(ecgEntries, pe),
      ecg12MinusCine3: {
        accuracy: diff((yy, h) => accuracy(confusion(yy, h)), 1),
        macroF1: diff((yy, h) => macroF1(confusion(yy, h)), 2),
        auroc: diff((yy, _h, p) => auroc(yy, p), 3),
      },
    };
  }
  const path = join(a.cine3!, 'metrics.json');
  writeFileSync(path, JSON.stringify({ ...JSON.parse(readFileSync(path, 'utf8')), comparison: out }, null, 1) + '\n');
  const t = out.test as {
    ecg12: { accuracy: { estimate: number }; macroF1: { estimate: number } };
    ecg12MinusCine3: { accuracy: { estimate: number; low: number; high: number } };
  };
  console.log(
    JSON.stringify({
      test: {
        ecg12Accuracy: t.ecg12.accuracy.estimate,
        ecg12MacroF1: t.ecg12.macroF1.estimate,
        accuracyDifference: t.ecg12MinusCine3.accuracy,
      },
    }),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) void main();
