import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { useBackend } from './tf-backend';

/** The weight gradient on wasm (our kernel) equals the stock cpu kernel's, for strided and padded 1D convolutions. */
describe('Conv2DBackpropFilter on wasm', () => {
  it.each([
    { stride: 1, pad: 'valid' as const, k: 7 },
    { stride: 2, pad: 'valid' as const, k: 7 },
    { stride: 2, pad: 'same' as const, k: 1 },
    { stride: 1, pad: 'same' as const, k: 5 },
  ])('stride $stride, padding $pad, kernel $k', async ({ stride, pad, k }) => {
    await useBackend('cpu');
    const xs = tf.randomNormal([3, 40, 5], 0, 1, 'float32', 1).arraySync();
    const ws = tf.randomNormal([k, 5, 4], 0, 1, 'float32', 2).arraySync();
    const grad = () => {
      const x = tf.tensor3d(xs as number[][][]);
      const w = tf.tensor3d(ws as number[][][]);
      const g = tf.grad((ww: tf.Tensor) =>
        tf
          .conv1d(x, ww as tf.Tensor3D, stride, pad)
          .square()
          .sum(),
      )(w);
      return g.dataSync().slice();
    };
    const ref = grad();
    await useBackend('wasm');
    const got = grad();
    const scale = Math.max(...ref.map(Math.abs));
    got.forEach((v, i) => expect(Math.abs(v - ref[i]) / scale).toBeLessThan(1e-5));
  });
});
