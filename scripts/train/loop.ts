import * as tf from '@tensorflow/tfjs';
import { mulberry32 } from '../../src/core/random';
import { buildResNet1d, type ResNet1dConfig } from '../../src/core/model/resnet1d';
import { augmentAny, type AnyAugmentOptions } from './augment';
import { labelIndex, windowOf, type Dataset } from './data';
import type { DatasetEntry } from '../dataset/build';

export interface TrainOptions {
  model: ResNet1dConfig;
  /** 12-lead window augmentation, or the trajectory one for CineECG (kind: 'trajectory'). */
  augment: AnyAugmentOptions;
  epochs: number;
  batchSize: number;
  learningRate: number;
  /** Epochs without improvement of the early-stopping criterion before training stops. */
  patience: number;
  /** What early stopping keeps the best epoch by: the held-out loss (default) or accuracy (ties: lower loss). */
  earlyStopOn?: 'loss' | 'accuracy';
  /** Windows drawn per training record per epoch (the best beat and random other beats). */
  beatsPerEpoch: number;
  seed: number;
  log?: (line: string) => void;
  /**
   * Asked after each epoch; true ends training there, keeping the best epoch so far. The result is exactly that of
   * the same options with \`epochs\` = the epochs run (no draw depends on the epoch budget), which train.ts records.
   */
  stopRequested?: () => boolean;
}

export interface TrainResult {
  model: tf.LayersModel;
  bestEpoch: number;
  epochsRun: number;
  /** Ended by stopRequested before the epoch budget or patience did. */
  stoppedOnRequest: boolean;
  history: { epoch: number; trainLoss: number; stopLoss: number; stopAccuracy: number; seconds: number }[];
}

/**
 * Adam on softmax cross-entropy of the logits, balanced sampling (each epoch draws as many normal as abnormal
 * windows), early stopping on `stopSet` (15% of the training records, held out of the gradient steps), keeping
 * the weights of the best epoch.
 */
export async function trainModel(
  d: Dataset,
  train: DatasetEntry[],
  stopSet: DatasetEntry[],
  o: TrainOptions,
): Promise<TrainResult> {
  if (o.model.timeSteps !== d.T || o.model.channels !== d.C) {
    throw new Error(
      `the configuration's model takes [${o.model.timeSteps} × ${o.model.channels}] windows, the data set has [${d.T} × ${d.C}]`,
    );
  }
  const random = mulberry32(o.seed);
  // TF.js draws unseeded randomness (dropout masks) from Math.random: seed it, so a run is reproducible.
  Math.random = mulberry32(o.seed ^ 0x5eed);
  const model = buildResNet1d(o.model);
  const optimizer = tf.train.adam(o.learningRate);
  const n = d.T * d.C;
  const stopX = tf.tensor3d(concat(stopSet.map((e) => windowOf(d, e.best))), [stopSet.length, d.T, d.C]);
  const stopY = tf.oneHot(stopSet.map(labelIndex), 2).toFloat();
  const byClass = [train.filter((e) => labelIndex(e) === 0), train.filter((e) => labelIndex(e) === 1)];
  const perClass = Math.max(byClass[0].length, byClass[1].length) * o.beatsPerEpoch;

  let best = { loss: Infinity, accuracy: -Infinity, epoch: 0, weights: [] as tf.Tensor[] };
  const history: TrainResult['history'] = [];
  let epoch: number;
  let stoppedOnRequest = false;
  for (epoch = 1; epoch <= o.epochs; epoch++) {
    const t0 = performance.now();
    // Balanced draw: perClass windows of each class, each a random beat of a random record of that class.
    const picks: { w: Float32Array; y: number }[] = [];
    for (const [cls, recs] of byClass.entries()) {
      for (let k = 0; k < perClass; k++) {
        const e = recs[Math.floor(random() * recs.length)];
        const beats = [e.best, ...e.others];
        picks.push({ w: windowOf(d, beats[Math.floor(random() * beats.length)]), y: cls });
      }
    }
    shuffle(picks, random);
    let lossSum = 0;
    let batches = 0;
    const xb = new Float32Array(o.batchSize * n);
    for (let start = 0; start + o.batchSize <= picks.length; start += o.batchSize) {
      const ys: number[] = [];
      for (let b = 0; b < o.batchSize; b++) {
        const p = picks[start + b];
        augmentAny(p.w, d.T, d.C, o.augment, random, xb.subarray(b * n, (b + 1) * n));
        ys.push(p.y);
      }
      const loss = tf.tidy(() => {
        const x = tf.tensor3d(xb, [o.batchSize, d.T, d.C]);
        const y = tf.oneHot(ys, 2).toFloat();
        return optimizer.minimize(() => {
          const logits = model.apply(x, { training: true }) as tf.Tensor;
          const ce = tf.losses.softmaxCrossEntropy(y, logits) as tf.Scalar;
          const reg = model.calculateLosses();
          return reg.length ? (tf.addN([ce, ...reg]) as tf.Scalar) : ce;
        }, true)!;
      });
      lossSum += (await loss.data())[0];
      loss.dispose();
      batches++;
    }
    const [stopLoss, stopAccuracy] = tf.tidy(() => {
      const logits = model.predict(stopX, { batchSize: 128 }) as tf.Tensor;
      const l = tf.losses.softmaxCrossEntropy(stopY, logits);
      const acc = tf.mean(tf.equal(tf.argMax(logits, 1), tf.argMax(stopY, 1)).toFloat());
      return [l.dataSync()[0], acc.dataSync()[0]];
    });
    const seconds = (performance.now() - t0) / 1000;
    history.push({ epoch, trainLoss: lossSum / batches, stopLoss, stopAccuracy, seconds });
    o.log?.(
      `epoch ${epoch}: train loss ${(lossSum / batches).toFixed(4)}, early-stop loss ${stopLoss.toFixed(4)}, acc ${stopAccuracy.toFixed(3)} (${seconds.toFixed(1)} s)`,
    );
    const better =
      o.earlyStopOn === 'accuracy'
        ? stopAccuracy > best.accuracy || (stopAccuracy === best.accuracy && stopLoss < best.loss)
        : stopLoss < best.loss;
    if (better) {
      best.weights.forEach((w) => w.dispose());
      best = { loss: stopLoss, accuracy: stopAccuracy, epoch, weights: model.getWeights().map((w) => w.clone()) };
    } else if (epoch - best.epoch >= o.patience) break;
    if (epoch < o.epochs && o.stopRequested?.()) {
      o.log?.(`stopped on request after epoch ${epoch}`);
      stoppedOnRequest = true;
      break;
    }
  }
  model.setWeights(best.weights);
  best.weights.forEach((w) => w.dispose());
  stopX.dispose();
  stopY.dispose();
  optimizer.dispose();
  return { model, bestEpoch: best.epoch, epochsRun: Math.min(epoch, o.epochs), history, stoppedOnRequest };
}

function concat(parts: Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((a, p) => a + p.length, 0));
  let at = 0;
  for (const p of parts) (out.set(p, at), (at += p.length));
  return out;
}

function shuffle<T>(a: T[], random: () => number): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
}
