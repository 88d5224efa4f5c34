import type * as tf from '@tensorflow/tfjs';
import { predictWindows } from '../../src/core/model/predict';
import { bcaInterval, type Interval } from '../../src/core/eval/bootstrap';
import { accuracy, auroc, confusion, macroF1 } from '../../src/core/eval/classification';
import { mulberry32 } from '../../src/core/random';
import type { DatasetEntry } from '../dataset/build';
import { labelIndex, windowOf, type Dataset } from './data';

export interface SplitMetrics {
  n: number;
  normal: number;
  abnormal: number;
  accuracy: Interval;
  macroF1: Interval;
  auroc: Interval;
  confusion: { tp: number; fp: number; tn: number; fn: number };
}

/** p(abnormal) for each entry's best-beat window, through the same core function the app and `cli predict` use. */
export function predictEntries(model: tf.LayersModel, d: Dataset, entries: DatasetEntry[]): Float64Array {
  return Float64Array.from(
    predictWindows(
      model,
      entries.map((e) => windowOf(d, e.best)),
    ),
    (p) => p.pAbnormal,
  );
}

/** Accuracy, macro-F1 and AUROC at threshold 0.5, each with a 95% BCa bootstrap interval over records. */
export function splitMetrics(entries: DatasetEntry[], p: Float64Array, seed = 1): SplitMetrics {
  const y = entries.map(labelIndex);
  const pred = Array.from(p, (v) => (v >= 0.5 ? 1 : 0));
  const pick = <T>(arr: ArrayLike<T>, idx: Int32Array) => Array.from(idx, (i) => arr[i]);
  const ci = (f: (idx: Int32Array) => number, s: number) =>
    bcaInterval(entries.length, f, { random: mulberry32(seed + s) });
  return {
    n: entries.length,
    normal: y.filter((v) => v === 0).length,
    abnormal: y.filter((v) => v === 1).length,
    accuracy: ci((idx) => accuracy(confusion(pick(y, idx), pick(pred, idx))), 1),
    macroF1: ci((idx) => macroF1(confusion(pick(y, idx), pick(pred, idx))), 2),
    auroc: ci((idx) => auroc(pick(y, idx), pick(p, idx)), 3),
    confusion: confusion(y, pred),
  };
}
