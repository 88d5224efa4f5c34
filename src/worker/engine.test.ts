import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modelFromFiles, modelToFiles, type ModelFiles } from '../core/model/io';
import { predictWindows, predictWindowsAsync } from '../core/model/predict';
import { buildResNet1d, DEFAULT_RESNET } from '../core/model/resnet1d';
import { type EngineDeps, createEngine } from './engine';

import type { BackendName, BackendSupport, LoadProgress } from './protocol';
import { WorkerFailure } from './protocol';

/** A small 1D-ResNet (32 × 3) so the tests run in milliseconds on the cpu backend. */
const T = 32;
const C = 3;
let files: ModelFiles;

beforeAll(async () => {
  await tf.setBackend('cpu');
  const m = buildResNet1d({ ...DEFAULT_RESNET, timeSteps: T, channels: C, stemFilters: 4, blocks: [{ filters: 4, stride: 1 }, { filters: 8, stride: 2 }], seed: 7 });
  files = await modelToFiles(m, { classNames: ['normal', 'abnormal'] });
  m.dispose();
});

const window = (phase = 0) => Float32Array.from({ length: T * C }, (_, i) => Math.sin(i / 5 + phase));
const everything: BackendSupport[] = (['webgpu', 'webgl', 'wasm', 'cpu'] as const).map((backend) => ({ backend, available: true, detail: 'test' }));

/** Node stand-ins: backends other than cpu "fail to initialise" unless listed in `working`. */
function deps(working: BackendName[] = ['cpu'], overrides: Partial<EngineDeps> = {}): EngineDeps & { tried: BackendName[] } {
  const tried: BackendName[] = [];
  let clock = 0;
  return {
    tried,
    probe: async () => everything,
    initBackend: async (name) => {
      tried.push(name);
      if (!working.includes(name)) throw new Error(`${name} does not start in Node`);
      await tf.setBackend('cpu');
    },
    loadModel: async (_url, onFraction) => {
      onFraction(0.5);
      onFraction(1);
      return modelFromFiles(files);
    },
    now: () => (clock += 10),
    ...overrides,
  };
}

describe('the inference engine', () => {
  afterAll(() => tf.disposeVariables());

  it('loads on the first backend that initialises, reporting progress in order, then predicts like predictWindows', async () => {
    const d = deps(['wasm', 'cpu']);
    const engine = createEngine(d);
    const progress: LoadProgress[] = [];
    const ready = await engine.load('http://test/model.json', undefined, (p) => progress.push(p));
    expect(d.tried).toEqual(['webgpu', 'webgl', 'wasm']);
    expect(ready.backend).toBe('wasm');
    expect(ready.skipped.map((s) => s.message)).toEqual(['webgpu: webgpu does not start in Node', 'webgl: webgl does not start in Node']);
    expect(progress.map((p) => p.status)).toEqual(['backend', 'backend', 'backend', 'download', 'download', 'download', 'warm-up']);
    expect(ready.model).toMatchObject({ timeSteps: T, channels: C, classNames: ['normal', 'abnormal'] });
    expect(ready.model.params).toBeGreaterThan(0);
    expect([ready.backendMs, ready.loadMs, ready.warmUpMs].every((ms) => ms > 0)).toBe(true);

    const reference = await modelFromFiles(files);
    const expected = predictWindows(reference, [window()])[0];
    reference.dispose();
    const got = await engine.predict(window(), T, C);
    expect(got).toMatchObject({ logits: expected.logits, pAbnormal: expected.pAbnormal, label: expected.label, backend: 'wasm' });
    expect(got.ms).toBeGreaterThan(0);
    engine.dispose();
  });

  it('keeps no tensors per prediction, and frees the model on dispose', async () => {
    const before = tf.memory().numTensors;
    const engine = createEngine(deps());
    await engine.load('m.json', undefined, () => {});
    const loaded = tf.memory().numTensors;
    for (let k = 0; k < 5; k++) await engine.predict(window(k), T, C);
    expect(tf.memory().numTensors).toBe(loaded);
    await engine.load('m.json', 'cpu', () => {}); // a reload replaces the model, it does not add one
    expect(tf.memory().numTensors).toBe(loaded);
    engine.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('fails with codes: unavailable request, nothing initialises, model fetch, not ready, wrong shape', async () => {
    const code = async (p: Promise<unknown>) => {
      try {
        await p;
      } catch (e) {
        return e instanceof WorkerFailure ? e.code : `not a WorkerFailure: ${String(e)}`;
      }
      return 'resolved';
    };
    const onlyCpu = createEngine(deps(['cpu'], { probe: async () => everything.map((s) => ({ ...s, available: s.backend === 'cpu' })) }));
    expect(await code(onlyCpu.load('m.json', 'webgl', () => {}))).toBe('backend-unavailable');
    expect(await code(createEngine(deps(['cpu'])).load('m.json', 'webgl', () => {}))).toBe('backend-unavailable'); // listed, but fails to start
    expect(await code(createEngine(deps([])).load('m.json', undefined, () => {}))).toBe('no-backend');
    const offline = createEngine(deps(['cpu'], { loadModel: async () => Promise.reject(new Error('HTTP 404')) }));
    expect(await code(offline.load('m.json', undefined, () => {}))).toBe('model-load');
    expect(await code(offline.predict(window(), T, C))).toBe('not-ready');

    const engine = createEngine(deps());
    await engine.load('m.json', undefined, () => {});
    expect(await code(engine.predict(new Float32Array(T * 12), T, 12))).toBe('bad-input');
    engine.dispose();
  });
});

describe('predictWindowsAsync', () => {
  it('returns exactly what the core predictWindows returns', async () => {
    const model = await modelFromFiles(files);
    const windows = [window(0), window(1), window(2)];
    const before = tf.memory().numTensors;
    expect(await predictWindowsAsync(model, windows)).toEqual(predictWindows(model, windows));
    expect(tf.memory().numTensors).toBe(before);
    await expect(predictWindowsAsync(model, [new Float32Array(5)])).rejects.toThrow(/32 × 3/);
    model.dispose();
  });
});
