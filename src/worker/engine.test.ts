import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modelFromFiles, modelToFiles, type ModelFiles } from '../core/model/io';
import { predictWindows, predictWindowsAsync } from '../core/model/predict';
import { buildResNet1d, DEFAULT_RESNET } from '../core/model/resnet1d';
import { type EngineDeps, createEngine } from './engine';

import type { BackendName, BackendSupport, LoadProgress } from './protocol';
import { WorkerFailure, progressFraction } from './protocol';
import { integratedGradients } from '../core/xai/integrated-gradients';

/** A small 1D-ResNet (32 × 3) so the tests run in milliseconds on the cpu backend. */
const T = 32;
const C = 3;
let files: ModelFiles;

beforeAll(async () => {
  await tf.setBackend('cpu');
  const m = buildResNet1d({
    ...DEFAULT_RESNET,
    timeSteps: T,
    channels: C,
    stemFilters: 4,
    blocks: [
      { filters: 4, stride: 1 },
      { filters: 8, stride: 2 },
    ],
    seed: 7,
  });
  files = await modelToFiles(m, { classNames: ['normal', 'abnormal'] });
  m.dispose();
});

const window = (phase = 0) => Float32Array.from({ length: T * C }, (_, i) => Math.sin(i / 5 + phase));
const everything: BackendSupport[] = (['webgpu', 'webgl', 'wasm', 'cpu'] as const).map((backend) => ({
  backend,
  available: true,
  detail: 'test',
}));

/** Cost of one clock tick per backend: the fake clock advances by this on every now(), so timings differ by backend. */
type Costs = Partial<Record<BackendName, number>>;

/** Node stand-ins: backends other than cpu "fail to initialise" unless listed in `working`; all run on tfjs cpu. */
function deps(
  working: BackendName[] = ['cpu'],
  overrides: Partial<EngineDeps> = {},
  costs: Costs = {},
): EngineDeps & { tried: BackendName[] } {
  const tried: BackendName[] = [];
  let clock = 0;
  let current: BackendName = 'cpu';
  return {
    tried,
    probe: async () => everything,
    initBackend: async (name) => {
      tried.push(name);
      if (!working.includes(name)) throw new Error(`${name} does not start in Node`);
      current = name;
      await tf.setBackend('cpu');
    },
    fetchModel: async (_url: string, onFraction: (f: number) => void) => {
      onFraction(0.5);
      onFraction(1);
      return files;
    },
    fetchBinary: async () => references.buffer.slice(0) as ArrayBuffer,
    now: () => (clock += costs[current] ?? 10),
    ...overrides,
  };
}

/** Three reference windows for Gradient SHAP, flat like reference-normals.bin. */
const references = Float32Array.from({ length: 3 * T * C }, (_, i) => Math.cos(i / 7));

describe('the inference engine', () => {
  afterAll(() => tf.disposeVariables());

  it('with one candidate, loads on the first backend that initialises, progress only going up, then predicts like predictWindows', async () => {
    // webgpu and webgl are offered but fail to start; cpu is not offered: wasm is the only one left.
    const d = deps(['wasm', 'cpu'], {
      probe: async () => everything.map((s) => ({ ...s, available: s.backend !== 'cpu' })),
    });
    const engine = createEngine(d);
    const progress: LoadProgress[] = [];
    const ready = await engine.load('http://test/model.json', undefined, (p) => progress.push(p));
    expect(d.tried).toEqual(['webgpu', 'webgl', 'wasm']);
    expect(ready).toMatchObject({ backend: 'wasm', choice: 'only-candidate' });
    expect(ready.skipped.map((s) => s.message)).toEqual([
      'webgpu: webgpu does not start in Node',
      'webgl: webgl does not start in Node',
    ]);
    expect(progress.map((p) => p.status)).toEqual([
      'download',
      'download',
      'download',
      'backend',
      'backend',
      'backend',
      'warm-up',
      'measure',
    ]);
    const f = progress.map(progressFraction);
    for (let i = 1; i < f.length; i++) expect(f[i]).toBeGreaterThanOrEqual(f[i - 1]);
    expect(ready.model).toMatchObject({ timeSteps: T, channels: C, classNames: ['normal', 'abnormal'] });
    expect(ready.model.params).toBeGreaterThan(0);
    expect([ready.backendMs, ready.loadMs, ready.warmUpMs].every((ms) => ms > 0)).toBe(true);

    const reference = await modelFromFiles(files);
    const expected = predictWindows(reference, [window()])[0];
    reference.dispose();
    const got = await engine.predict(window(), T, C);
    expect(got).toMatchObject({
      logits: expected.logits,
      pAbnormal: expected.pAbnormal,
      label: expected.label,
      backend: 'wasm',
    });
    expect(got.ms).toBeGreaterThan(0);
    engine.dispose();
  });

  it('with several candidates, times each and keeps the fastest, even against the priority order', async () => {
    const d = deps(['wasm', 'cpu'], {}, { wasm: 3, cpu: 1 });
    const engine = createEngine(d);
    const ready = await engine.load('m.json', undefined, () => {});
    expect(ready.choice).toBe('measured');
    expect(ready.backend).toBe('cpu');
    expect(ready.timings.map((t) => t.backend)).toEqual(['wasm', 'cpu']);
    const [wasm, cpu] = ready.timings;
    expect(cpu.gradientMs!).toBeLessThan(wasm.gradientMs!);
    expect(d.tried.at(-1)).toBe('cpu'); // the winner is the active backend at the end
    engine.dispose();
  });

  it('does not time software GPUs once a real backend works, and gives up on a candidate far slower than the best', async () => {
    const support = everything.map((s) => ({ ...s, software: s.backend === 'webgpu' || s.backend === 'webgl' }));
    const d = deps(['webgpu', 'webgl', 'wasm', 'cpu'], { probe: async () => support }, { wasm: 1, cpu: 100 });
    const ready = await createEngine(d).load('m.json', undefined, () => {});
    expect(ready.backend).toBe('wasm');
    expect(ready.choice).toBe('measured'); // cpu was timed (one run) and lost
    expect(ready.timings.map((t) => [t.backend, t.note])).toEqual([
      ['wasm', 'median of 3'],
      ['webgpu', 'software GPU, not timed'],
      ['webgl', 'software GPU, not timed'],
      ['cpu', 'first run only: over 5× the best'],
    ]);
    expect(d.tried).toEqual(['wasm', 'cpu', 'wasm']);
  });

  it('a requested backend is used as asked, without timing', async () => {
    const ready = await createEngine(deps(['wasm', 'cpu'])).load('m.json', 'cpu', () => {});
    expect(ready).toMatchObject({ backend: 'cpu', choice: 'requested', timings: [] });
  });

  it('keeps no tensors per prediction or explanation, and frees the model on dispose', async () => {
    const before = tf.memory().numTensors;
    const engine = createEngine(deps(['wasm', 'cpu']));
    await engine.load('m.json', undefined, () => {});
    const loaded = tf.memory().numTensors;
    for (let k = 0; k < 5; k++) await engine.predict(window(k), T, C);
    await engine.explain('ig', window(), T, C, { steps: 4, noiseSamples: 2 }, () => {});
    await engine.explain('gradshap', window(), T, C, { samples: 4 }, () => {});
    expect(tf.memory().numTensors).toBe(loaded);
    await engine.load('m.json', 'cpu', () => {}); // a reload replaces the model, it does not add one
    expect(tf.memory().numTensors).toBe(loaded);
    engine.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('explains with the core functions: the same numbers, progress up to 1, params echoed', async () => {
    const engine = createEngine(deps());
    await engine.load('m.json', undefined, () => {});
    const progress: number[] = [];
    const got = await engine.explain('ig', window(1), T, C, { steps: 6, noiseSamples: 3, seed: 4 }, (p) =>
      progress.push(p.fraction),
    );
    const model = await modelFromFiles(files);
    const expected = await integratedGradients(model, window(1), { steps: 6, noiseSamples: 3, seed: 4, batchSize: 8 });
    model.dispose();
    expect(Array.from(got.attributions[1])).toEqual(Array.from(expected.attributions[1]));
    expect(got.delta).toEqual(expected.delta);
    expect(got).toMatchObject({
      method: 'ig',
      backend: 'cpu',
      params: { steps: 6, noiseSamples: 3, seed: 4, batchSize: 8 },
    });
    for (let i = 1; i < progress.length; i++) expect(progress[i]).toBeGreaterThanOrEqual(progress[i - 1]);
    expect(progress.at(-1)).toBe(1);

    const shap = await engine.explain('gradshap', window(1), T, C, { samples: 5 }, () => {});
    expect(shap.params).toMatchObject({ samples: 5, references: '3 normal training windows' });
    engine.dispose();
  });

  it('a cancelled explanation fails with code cancelled and leaves the engine usable', async () => {
    const engine = createEngine(deps());
    await engine.load('m.json', undefined, () => {});
    let asked = 0;
    const stop = async () => ++asked > 1; // stop at the second batch
    const code = await engine
      .explain('ig', window(), T, C, { steps: 8, noiseSamples: 4, batchSize: 4 }, () => {}, stop)
      .then(
        () => 'resolved',
        (e: unknown) => (e instanceof WorkerFailure ? e.code : String(e)),
      );
    expect(code).toBe('cancelled');
    await expect(engine.predict(window(), T, C)).resolves.toMatchObject({ backend: 'cpu' });
    engine.dispose();
  });

  it('fails with codes: unavailable request, nothing initialises, model fetch, references, not ready, wrong shape', async () => {
    const code = async (p: Promise<unknown>) => {
      try {
        await p;
      } catch (e) {
        return e instanceof WorkerFailure ? e.code : `not a WorkerFailure: ${String(e)}`;
      }
      return 'resolved';
    };
    const onlyCpu = createEngine(
      deps(['cpu'], { probe: async () => everything.map((s) => ({ ...s, available: s.backend === 'cpu' })) }),
    );
    expect(await code(onlyCpu.load('m.json', 'webgl', () => {}))).toBe('backend-unavailable');
    expect(await code(createEngine(deps(['cpu'])).load('m.json', 'webgl', () => {}))).toBe('backend-unavailable'); // listed, but fails to start
    expect(await code(createEngine(deps([])).load('m.json', undefined, () => {}))).toBe('no-backend');
    const offline = createEngine(deps(['cpu'], { fetchModel: async () => Promise.reject(new Error('HTTP 404')) }));
    expect(await code(offline.load('m.json', undefined, () => {}))).toBe('model-load');
    expect(await code(offline.predict(window(), T, C))).toBe('not-ready');
    expect(await code(offline.explain('ig', window(), T, C, {}, () => {}))).toBe('not-ready');

    const noRefs = createEngine(
      deps(['cpu'], { fetchBinary: async () => Promise.reject(new Error('HTTP 404 for reference-normals.bin')) }),
    );
    await noRefs.load('http://x/models/ecg12/model.json', undefined, () => {});
    expect(await code(noRefs.explain('gradshap', window(), T, C, {}, () => {}))).toBe('model-load');
    noRefs.dispose();

    const engine = createEngine(deps());
    await engine.load('m.json', undefined, () => {});
    expect(await code(engine.predict(new Float32Array(T * 12), T, 12))).toBe('bad-input');
    expect(await code(engine.explain('ig', new Float32Array(T * 12), T, 12, {}, () => {}))).toBe('bad-input');
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

describe('extra models', () => {
  it('loads a second model on the chosen backend; predict and explain name it; dispose frees it', async () => {
    const before = tf.memory().numTensors;
    const engine = createEngine(deps());
    await engine.load('http://x/models/ecg12/model.json', undefined, () => {});
    const twin = await engine.loadExtra('cine3', 'http://x/models/cine3/model.json');
    expect(twin.model).toMatchObject({ timeSteps: T, channels: C });
    const p = await engine.predict(window(2), T, C, 'cine3');
    expect(p.backend).toBe('cpu');
    const e = await engine.explain('ig', window(2), T, C, { steps: 2, noiseSamples: 0 }, () => {}, undefined, 'cine3');
    expect(e.attributions[0]).toHaveLength(T * C);
    await expect(engine.predict(window(2), T, C, 'nope')).rejects.toMatchObject({ code: 'not-ready' });
    engine.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
