import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { modelToFiles, type ModelFiles } from '../core/model/io';
import { buildResNet1d, DEFAULT_RESNET } from '../core/model/resnet1d';
import { type EngineDeps, createEngine } from './engine';
import { WorkerFailure, parseRequest, transferablesOf } from './protocol';

/**
 * The worker's faithfulness request and the randomised extra model, on Node's cpu backend. The known answer: a
 * linear model (logit_normal = 0, logit_abnormal = Σ w·x) whose deletion curve is computable by hand.
 */
const T = 4;
const C = 2;
const w = [8, 7, 6, 5, 4, 3, 2, 1]; // weight of sample (t, c) at index t·C + c, time-major like the windows
let linearFiles: ModelFiles;
let resnetFiles: ModelFiles;

beforeAll(async () => {
  await tf.setBackend('cpu');
  const lin = tf.sequential({
    layers: [tf.layers.flatten({ inputShape: [T, C] }), tf.layers.dense({ units: 2, useBias: false })],
  });
  lin.setWeights([
    tf.tensor2d(
      w.map((v) => [0, v]),
      [T * C, 2],
    ),
  ]);
  linearFiles = await modelToFiles(lin, { classNames: ['normal', 'abnormal'] });
  lin.dispose();
  const net = buildResNet1d({
    ...DEFAULT_RESNET,
    timeSteps: 16,
    channels: 3,
    stemFilters: 4,
    blocks: [{ filters: 4, stride: 1 }],
    seed: 3,
  });
  resnetFiles = await modelToFiles(net, { classNames: ['normal', 'abnormal'] });
  net.dispose();
});

function deps(files: () => ModelFiles): EngineDeps {
  let clock = 0;
  return {
    probe: async () => [{ backend: 'cpu', available: true, detail: 'test' }],
    initBackend: async () => void (await tf.setBackend('cpu')),
    fetchModel: async () => files(),
    fetchBinary: async () => new ArrayBuffer(0),
    now: () => (clock += 1),
  };
}

describe('the engine’s faithfulness curves', () => {
  it('on a linear model, deleting the largest contributions first gives the hand-computed curve and areas (several batches)', async () => {
    const engine = createEngine(deps(() => linearFiles));
    await engine.load('http://x/linear/model.json', 'cpu', () => {});
    const x = new Float32Array(T * C).fill(1);
    // Steps 4 on 8 samples: 2 samples per step. Margin Σ w = 36; deleting 8+7, 6+5, 4+3, 2+1 in turn.
    // 10 windows in batches of 8 (the cpu default): two model calls.
    let checks = 0;
    const r = await engine.faithfulness(
      x,
      Float32Array.from(w),
      T,
      C,
      { steps: 4, targetClass: 1 },
      async () => (checks++, false),
    );
    expect(checks).toBe(2);
    expect(r.fractions).toEqual([0, 0.25, 0.5, 0.75, 1]);
    for (const [got, want] of [
      [r.deletion, [36, 21, 10, 3, 0]],
      [r.insertion, [0, 15, 26, 33, 36]],
    ] as const) {
      expect(got).toHaveLength(want.length);
      got.forEach((v, i) => expect(v).toBeCloseTo(want[i], 4));
    }
    // Trapezoids, h = 0.25: deletion (36+21 + 21+10 + 10+3 + 3+0)/2 · 0.25 = 13; insertion (15 + 41 + 59 + 69)/2 · 0.25 = 23.
    expect(r.deletionAuc).toBeCloseTo(13, 4);
    expect(r.insertionAuc).toBeCloseTo(23, 4);
    expect(r).toMatchObject({ targetClass: 1, backend: 'cpu' });
    // For the normal class the followed margin is normal − abnormal = −Σ w·x; importance −w ranks the smallest
    // weights first: deleting 1+2, 3+4, 5+6, 7+8 in turn.
    const n = await engine.faithfulness(
      x,
      Float32Array.from(w, (v) => -v),
      T,
      C,
      { steps: 4, targetClass: 0 },
    );
    [-36, -33, -26, -15, 0].forEach((want, i) => expect(n.deletion[i]).toBeCloseTo(want, 4));
    engine.dispose();
  });

  it('stops between batches when asked, with code cancelled, and stays usable', async () => {
    const engine = createEngine(deps(() => linearFiles));
    await engine.load('http://x/linear/model.json', 'cpu', () => {});
    const x = new Float32Array(T * C).fill(1);
    const err = await engine
      .faithfulness(x, Float32Array.from(w), T, C, { steps: 4, targetClass: 1 }, async () => true)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkerFailure);
    expect((err as WorkerFailure).code).toBe('cancelled');
    const r = await engine.faithfulness(x, Float32Array.from(w), T, C, { steps: 2, targetClass: 1 });
    expect(r.deletion[0]).toBeCloseTo(36, 4);
    await expect(engine.faithfulness(x, new Float32Array(3), T, C, { steps: 2, targetClass: 1 })).rejects.toThrow(
      'importance map has 3 values',
    );
    engine.dispose();
  });

  it('a randomised extra model: weights re-drawn from the seed (same seed, same predictions; not the trained ones)', async () => {
    const engine = createEngine(deps(() => resnetFiles));
    await engine.load('http://x/net/model.json', 'cpu', () => {});
    await engine.loadExtra('random-a', 'http://x/net/model.json', 5);
    await engine.loadExtra('random-b', 'http://x/net/model.json', 5);
    await engine.loadExtra('random-c', 'http://x/net/model.json', 6);
    const x = Float32Array.from({ length: 16 * 3 }, (_, i) => Math.sin(i / 3));
    const [trained, a, b, c] = await Promise.all(
      [undefined, 'random-a', 'random-b', 'random-c'].map((k) => engine.predict(x, 16, 3, k)),
    );
    expect(a.logits).toEqual(b.logits);
    expect(a.logits).not.toEqual(trained.logits);
    expect(a.logits).not.toEqual(c.logits);
    engine.dispose();
  });
});

describe('the faithfulness request on the wire', () => {
  const base = {
    type: 'faithfulness',
    id: 4,
    window: new Float32Array(6),
    importance: new Float32Array(6),
    T: 3,
    C: 2,
    steps: 20,
    targetClass: 1,
  };
  it('parses a good one and names what is wrong in a bad one', () => {
    expect(parseRequest({ ...base, model: 'cine3' })).toMatchObject({
      ok: true,
      request: { type: 'faithfulness', steps: 20, targetClass: 1, model: 'cine3' },
    });
    const msg = (m: object) => {
      const r = parseRequest(m);
      return r.ok ? 'ok' : r.error.message;
    };
    expect(msg({ ...base, importance: new Float32Array(5) })).toBe(
      'faithfulness: expected "importance", a Float32Array of 6 values like the window',
    );
    expect(msg({ ...base, steps: 0 })).toBe('faithfulness: expected "steps", an integer from 1 to 200');
    expect(msg({ ...base, targetClass: 2 })).toBe('faithfulness: expected "targetClass", 0 (normal) or 1 (abnormal)');
    expect(msg({ type: 'load-extra', id: 1, key: 'r', modelUrl: 'm.json', randomiseSeed: -1 })).toBe(
      'load-extra: "randomiseSeed" must be a non-negative integer',
    );
    expect(parseRequest({ type: 'load-extra', id: 1, key: 'r', modelUrl: 'm.json', randomiseSeed: 3 })).toMatchObject({
      ok: true,
      request: { randomiseSeed: 3 },
    });
  });
  it('moves the window and the importance map to the worker', () => {
    const r = parseRequest(base);
    if (!r.ok) throw new Error(r.error.message);
    expect(transferablesOf(r.request)).toEqual([base.window.buffer, base.importance.buffer]);
  });
});
