import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileInferenceGraph } from './inference-graph';
import { modelFromFiles } from './io';
import { buildResNet1d } from './resnet1d';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const ROOT = resolve(import.meta.dirname, '../../..');

async function shippedModel(): Promise<tf.LayersModel> {
  const modelJson = JSON.parse(readFileSync(resolve(ROOT, 'models/ecg12/model.json'), 'utf8'));
  const shards = new Map([
    ['weights.1of1.bin', new Uint8Array(readFileSync(resolve(ROOT, 'models/ecg12/weights.1of1.bin')))],
  ]);
  return modelFromFiles({ modelJson, shards });
}

/** Inputs that exercise every sample (edges included): smooth waves plus a deterministic ripple. */
function inputs(B: number, T: number, C: number): tf.Tensor3D {
  const v = Float32Array.from(
    { length: B * T * C },
    (_, j) => Math.sin(j * 0.37) + 0.3 * Math.cos(j * 1.91) + (j % 11) / 11 - 0.5,
  );
  return tf.tensor3d(v, [B, T, C]);
}

const maxAbs = (a: ArrayLike<number>) => Array.from(a).reduce((m, v) => Math.max(m, Math.abs(v)), 0);
const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>) =>
  Array.from(a).reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0);

/** The model's own output and input gradient (TF.js's gradients), against the graph's. */
function compare(model: tf.LayersModel, x: tf.Tensor3D) {
  const g = compileInferenceGraph(model);
  const out = tf.tidy(() => {
    const weight = tf.tensor2d([[-0.5], [0.5]]); // Φ's direction: (f₁ − f₀)/2
    const ref = model.predict(x) as tf.Tensor;
    const got = g.apply(x);
    const refGrad = tf.grad((v: tf.Tensor) => (model.apply(v) as tf.Tensor).matMul(weight).sum())(x);
    const gotGrad = tf.grad((v: tf.Tensor) =>
      g
        .apply(v as tf.Tensor3D)
        .matMul(weight)
        .sum(),
    )(x);
    // The hand-written backward pass: both classes and Φ's direction from one forward pass.
    const refClass = [0, 1].map((k) =>
      tf
        .grad((v: tf.Tensor) => (model.apply(v) as tf.Tensor).slice([0, k], [-1, 1]).sum())(x)
        .dataSync(),
    );
    const stacked = g.gradients!(x, [
      [1, 0],
      [0, 1],
      [-0.5, 0.5],
    ]);
    const n = x.size;
    const all = stacked.dataSync();
    const manual = [all.slice(0, n), all.slice(n, 2 * n), all.slice(2 * n)];
    return {
      ref: ref.dataSync(),
      got: got.dataSync(),
      refGrad: refGrad.dataSync(),
      gotGrad: gotGrad.dataSync(),
      refClass,
      manual,
      shape: stacked.shape,
    };
  });
  const fused = g.fused;
  g.dispose();
  return { ...out, fused };
}

describe('inference graph (batch norm folded, pad + convolution fused with a forward-convolution input gradient)', () => {
  it('the shipped 12-lead model: same logits within 1e-5 and the same input gradient within 1e-4 relative', async () => {
    const model = await shippedModel();
    const x = inputs(3, 200, 12);
    const before = tf.memory().numTensors;
    const r = compare(model, x);
    expect(tf.memory().numTensors).toBe(before);
    // 12 convolutions (stem, 2 per block, 3 strided skips), each with its batch norm folded in.
    expect(r.fused).toEqual({ convolutions: 12, batchNorms: 12 });
    expect(maxDiff(r.got, r.ref)).toBeLessThan(1e-5 * Math.max(1, maxAbs(r.ref)));
    expect(maxDiff(r.gotGrad, r.refGrad)).toBeLessThan(1e-4 * maxAbs(r.refGrad));
    expect(r.shape).toEqual([3, 3, 200, 12]);
    for (const k of [0, 1]) expect(maxDiff(r.manual[k], r.refClass[k])).toBeLessThan(1e-4 * maxAbs(r.refClass[k]));
    expect(maxDiff(r.manual[2], r.refGrad)).toBeLessThan(1e-4 * maxAbs(r.refGrad));
    x.dispose();
    model.dispose();
  });

  it.each([1, 2, 3])(
    'a fresh ResNet with stride %i, odd kernels and trained batch statistics: same function and gradient',
    (stride) => {
      const model = buildResNet1d({
        timeSteps: 23,
        channels: 3,
        stemFilters: 4,
        stemKernel: 5,
        blocks: [
          { filters: 6, stride: stride as 1 | 2 },
          { filters: 5, stride: 2 },
        ],
        kernel: 3,
        dropout: 0.2,
        l2: 0,
        seed: 4,
      });
      // Non-trivial moving statistics and affine parameters, so the fold is really exercised.
      for (const l of model.layers) {
        if (l.getClassName() !== 'BatchNormalization') continue;
        l.setWeights(
          l
            .getWeights()
            .map((w, i) =>
              tf.tidy(() => tf.randomUniform(w.shape, i === 3 ? 0.5 : -0.8, i === 3 ? 2 : 0.8, 'float32', 7 + i)),
            ),
        );
      }
      const x = inputs(2, 23, 3);
      const r = compare(model, x);
      expect(maxDiff(r.got, r.ref)).toBeLessThan(1e-5 * Math.max(1, maxAbs(r.ref)));
      expect(maxDiff(r.gotGrad, r.refGrad)).toBeLessThan(1e-4 * maxAbs(r.refGrad));
      expect(maxAbs(r.gotGrad)).toBeGreaterThan(0);
      for (const k of [0, 1]) expect(maxDiff(r.manual[k], r.refClass[k])).toBeLessThan(1e-4 * maxAbs(r.refClass[k]));
      x.dispose();
      model.dispose();
    },
  );
});
