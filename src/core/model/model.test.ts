import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { EdgePad1D } from './edge-pad';
import { MAX_SHARD_BYTES, modelFromFiles, modelToFiles } from './io';
import { pAbnormalOf, predictWindows } from './predict';
import { buildResNet1d, DEFAULT_RESNET } from './resnet1d';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('EdgePad1D', () => {
  it('replicates the first and last samples, and routes their gradient back to them', () => {
    const layer = new EdgePad1D({ left: 2, right: 3 });
    const x = tf.tensor3d([
      [
        [1, 10],
        [2, 20],
        [3, 30],
      ],
    ]);
    expect((layer.apply(x) as tf.Tensor).arraySync()).toEqual([
      [
        [1, 10],
        [1, 10],
        [1, 10],
        [2, 20],
        [3, 30],
        [3, 30],
        [3, 30],
        [3, 30],
      ],
    ]);
    // d(sum)/dx: the first sample appears 3 times, the middle once, the last 4 times.
    const g = tf.grad((v: tf.Tensor) => (layer.apply(v) as tf.Tensor).sum())(x);
    expect(g.arraySync()).toEqual([
      [
        [3, 3],
        [1, 1],
        [4, 4],
      ],
    ]);
    expect(layer.computeOutputShape([null, 3, 2])).toEqual([null, 8, 2]);
  });
});

describe('1D-ResNet', () => {
  it('maps [batch, 200, 12] to 2 logits, with no pooling layer and no dilation', () => {
    const m = buildResNet1d();
    expect(m.inputs[0].shape).toEqual([null, 200, 12]);
    expect(m.outputs[0].shape).toEqual([null, 2]);
    const names = m.layers.map((l) => l.getClassName());
    expect(names.filter((n) => /Pooling/.test(n) && n !== 'GlobalAveragePooling1D')).toEqual([]);
    for (const l of m.layers) if (l.getClassName() === 'Conv1D') expect(l.getConfig().dilationRate).toEqual([1]);
    expect(names.filter((n) => n === 'EdgePad1D').length).toBeGreaterThan(3);
    m.dispose();
  });

  it('the same seed builds the same weights', () => {
    const a = buildResNet1d({ ...DEFAULT_RESNET, seed: 5 });
    const b = buildResNet1d({ ...DEFAULT_RESNET, seed: 5 });
    expect(a.getWeights()[0].dataSync()).toEqual(b.getWeights()[0].dataSync());
    a.dispose();
    b.dispose();
  });
});

describe('model files', () => {
  it('round-trips through model.json + shards and predicts the same', async () => {
    const m = buildResNet1d({ ...DEFAULT_RESNET, seed: 3 });
    const files = await modelToFiles(m, { classNames: ['normal', 'abnormal'] });
    expect(files.modelJson.userDefinedMetadata).toEqual({ classNames: ['normal', 'abnormal'] });
    const back = await modelFromFiles(files);
    const w = Float32Array.from({ length: 2400 }, (_, i) => Math.sin(i / 7));
    expect(predictWindows(back, [w])[0].logits).toEqual(predictWindows(m, [w])[0].logits);
    m.dispose();
    back.dispose();
  });

  it('splits weights into shards of at most 2 MiB', async () => {
    const input = tf.input({ shape: [8] });
    const big = tf.model({
      inputs: input,
      outputs: tf.layers.dense({ units: 150_000 }).apply(input) as tf.SymbolicTensor,
    }); // 5.4 MB of weights
    const files = await modelToFiles(big);
    expect(files.shards.size).toBe(3);
    for (const s of files.shards.values()) expect(s.byteLength).toBeLessThanOrEqual(MAX_SHARD_BYTES);
    const back = await modelFromFiles(files);
    expect(back.getWeights()[0].dataSync()).toEqual(big.getWeights()[0].dataSync());
    big.dispose();
    back.dispose();
  });
});

describe('predictWindows', () => {
  it('softmax of two logits', () => {
    expect(pAbnormalOf([0, 0])).toBe(0.5);
    expect(pAbnormalOf([0, Math.log(3)])).toBeCloseTo(0.75, 12);
    expect(pAbnormalOf([1000, 0])).toBe(0);
  });

  it('leaves no tensors behind and refuses windows of the wrong size', () => {
    const m = buildResNet1d();
    const before = tf.memory().numTensors;
    predictWindows(m, [new Float32Array(2400), new Float32Array(2400).fill(1)]);
    expect(tf.memory().numTensors).toBe(before);
    expect(() => predictWindows(m, [new Float32Array(100)])).toThrow('expects windows of 200 × 12 values');
    m.dispose();
  });
});
