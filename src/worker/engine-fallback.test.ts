import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modelToFiles, type ModelFiles } from '../core/model/io';
import { buildResNet1d, DEFAULT_RESNET } from '../core/model/resnet1d';
import { fallbackOrder } from './backend-fallback';
import { type EngineDeps, createEngine } from './engine';
import type { BackendName, BackendSupport, ExplainProgress } from './protocol';

/** A small 1D-ResNet (32 × 3): the tests run in milliseconds on tfjs's cpu backend, whatever backend name is "active". */
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
afterAll(() => tf.disposeVariables());

const window = Float32Array.from({ length: T * C }, (_, i) => Math.sin(i / 5));
const support = (available: BackendName[]): BackendSupport[] =>
  (['webgpu', 'webgl', 'wasm', 'cpu'] as const).map((backend) => ({
    backend,
    available: available.includes(backend),
    detail: 'test',
  }));

/** Backends in `working` start; `watchBackend` hands the test the active backend's loss callback. */
function deps(available: BackendName[], working: BackendName[]) {
  const inits: BackendName[] = [];
  const watchers = new Map<BackendName, (reason: string) => void>();
  let clock = 0;
  const d: EngineDeps = {
    probe: async () => support(available),
    initBackend: async (name) => {
      inits.push(name);
      if (!working.includes(name)) throw new Error(`${name} does not start`);
      await tf.setBackend('cpu');
    },
    watchBackend: (name, onLost) => {
      watchers.set(name, onLost);
      return () => watchers.delete(name);
    },
    fetchModel: async () => files,
    fetchBinary: async () => new ArrayBuffer(0),
    now: () => (clock += 1),
  };
  return { d, inits, watchers };
}

const params = { steps: 4, noiseSamples: 2, batchSize: 2, seed: 1 };

describe('the engine when its backend is lost mid-explanation', () => {
  it('reruns the job on the next backend (webgpu → webgl), says so in progress and in the result, with the same attributions', async () => {
    const { d, inits } = deps(['webgpu', 'webgl', 'wasm', 'cpu'], ['webgpu', 'webgl', 'wasm', 'cpu']);
    const engine = createEngine(d);
    await engine.load('m.json', 'webgpu', () => {});
    const clean = await engine.explain('ig', window, T, C, params, () => {});
    expect(clean.fallback).toBeUndefined();

    const phases: string[] = [];
    let armed = false;
    const lost = await engine.explain('ig', window, T, C, params, (p: ExplainProgress) => {
      phases.push(p.phase);
      if (!armed && p.fraction > 0.3) {
        armed = true; // half-way through
        engine.simulateFault('backend-lost');
      }
    });
    expect(lost.backend).toBe('webgl');
    expect(lost.fallback).toEqual({ from: 'webgpu', to: 'webgl', reason: 'simulated webgpu device loss (test hook)' });
    expect(phases).toContain(
      'the webgpu backend was lost (simulated webgpu device loss (test hook)); rerunning on webgl',
    );
    expect(inits.slice(-1)).toEqual(['webgl']);
    for (const k of [0, 1]) expect(Array.from(lost.attributions[k])).toEqual(Array.from(clean.attributions[k]));
    // Later jobs stay on the new backend, with no fallback note.
    const after = await engine.explain('ig', window, T, C, params, () => {});
    expect(after).toMatchObject({ backend: 'webgl' });
    expect(after.fallback).toBeUndefined();
    expect((await engine.predict(window, T, C)).backend).toBe('webgl');
    engine.dispose();
  });

  it('sees a real loss through watchBackend (device.lost / webglcontextlost), skipping a backend that does not start', async () => {
    const { d, watchers } = deps(['webgl', 'wasm', 'cpu'], ['webgl', 'cpu']);
    const engine = createEngine(d);
    await engine.load('m.json', 'webgl', () => {});
    let fired = false;
    const r = await engine.explain('ig', window, T, C, params, () => {
      if (!fired) {
        fired = true;
        watchers.get('webgl')!('WebGL context lost');
      }
    });
    expect(r.fallback).toEqual({ from: 'webgl', to: 'cpu', reason: 'WebGL context lost' });
    expect(r.backend).toBe('cpu');
    engine.dispose();
  });

  it('device-lost really loses a GPU device through deps.loseDevice and is seen by the watcher; on wasm it is simulated', async () => {
    const { d, watchers } = deps(['webgpu', 'wasm', 'cpu'], ['webgpu', 'wasm', 'cpu']);
    const destroyed: BackendName[] = [];
    d.loseDevice = (name) => {
      if (name !== 'webgpu') return false;
      destroyed.push(name);
      queueMicrotask(() => watchers.get(name)?.('WebGPU device lost (destroyed)')); // device.lost resolves later
      return true;
    };
    const engine = createEngine(d);
    await engine.load('m.json', 'webgpu', () => {});
    engine.simulateFault('device-lost');
    const r = await engine.explain('ig', window, T, C, params, () => {});
    expect(destroyed).toEqual(['webgpu']);
    expect(r.fallback).toEqual({ from: 'webgpu', to: 'wasm', reason: 'WebGPU device lost (destroyed)' });
    engine.simulateFault('device-lost');
    expect((await engine.explain('ig', window, T, C, params, () => {})).fallback).toEqual({
      from: 'wasm',
      to: 'cpu',
      reason: 'simulated wasm device loss (test hook)',
    });
    engine.dispose();
  });

  it('a prediction on a lost backend runs again on the next one, with the same numbers', async () => {
    const { d } = deps(['webgl', 'wasm', 'cpu'], ['webgl', 'wasm', 'cpu']);
    const engine = createEngine(d);
    await engine.load('m.json', 'webgl', () => {});
    const before = await engine.predict(window, T, C);
    engine.simulateFault('backend-lost');
    const after = await engine.predict(window, T, C);
    expect([before.backend, after.backend]).toEqual(['webgl', 'wasm']);
    expect(after.logits).toEqual(before.logits);
    engine.dispose();
  });

  it('fails with backend-lost, naming what was tried, when no backend is left', async () => {
    const { d } = deps(['wasm', 'cpu'], ['wasm']);
    const engine = createEngine(d);
    await engine.load('m.json', 'wasm', () => {});
    engine.simulateFault('backend-lost');
    await expect(engine.explain('ig', window, T, C, params, () => {})).rejects.toMatchObject({
      code: 'backend-lost',
      message:
        'the wasm backend was lost (simulated wasm device loss (test hook)) and no other backend could take over (cpu: cpu does not start)',
    });
    engine.dispose();
  });

  it('orders fallbacks by priority after the lost one, among available backends not lost before; cpu always last', () => {
    expect(fallbackOrder(support(['webgpu', 'wasm', 'cpu']), 'webgpu', new Set())).toEqual(['wasm', 'cpu']);
    expect(fallbackOrder(support(['webgpu', 'webgl', 'wasm', 'cpu']), 'webgl', new Set(['wasm']))).toEqual(['cpu']);
    expect(fallbackOrder(support([]), 'wasm', new Set())).toEqual(['cpu']);
    expect(fallbackOrder(support(['cpu']), 'cpu', new Set())).toEqual([]);
  });
});
