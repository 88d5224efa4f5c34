import { describe, expect, it } from 'vitest';
import {
  BACKEND_PRIORITY,
  FINAL_RESPONSE,
  type LoadProgress,
  WorkerFailure,
  isBackendName,
  parseRequest,
  progressFraction,
  toWorkerError,
  transferablesOf,
} from './protocol';

describe('backend names', () => {
  it('are webgpu > webgl > wasm > cpu, and nothing else', () => {
    expect(BACKEND_PRIORITY).toEqual(['webgpu', 'webgl', 'wasm', 'cpu']);
    for (const b of BACKEND_PRIORITY) expect(isBackendName(b)).toBe(true);
    for (const x of ['tensorflow', 'WebGL', '', null, 3]) expect(isBackendName(x)).toBe(false);
  });
});

describe('parseRequest', () => {
  it('accepts the four requests', () => {
    const w = new Float32Array(6);
    expect(parseRequest({ type: 'check', id: 1 })).toEqual({ ok: true, request: { type: 'check', id: 1 } });
    expect(parseRequest({ type: 'load', id: 2, modelUrl: 'http://x/model.json' })).toEqual({
      ok: true,
      request: { type: 'load', id: 2, modelUrl: 'http://x/model.json' },
    });
    expect(parseRequest({ type: 'load', id: 2, modelUrl: 'm.json', backend: 'wasm' })).toMatchObject({
      ok: true,
      request: { backend: 'wasm' },
    });
    expect(parseRequest({ type: 'predict', id: 3, window: w, T: 3, C: 2 })).toEqual({
      ok: true,
      request: { type: 'predict', id: 3, window: w, T: 3, C: 2 },
    });
    expect(parseRequest({ type: 'dispose', id: 4 })).toEqual({ ok: true, request: { type: 'dispose', id: 4 } });
    expect(parseRequest({ type: 'load-extra', id: 7, key: 'cine3', modelUrl: 'http://x/cine3/model.json' })).toEqual({
      ok: true,
      request: { type: 'load-extra', id: 7, key: 'cine3', modelUrl: 'http://x/cine3/model.json' },
    });
    expect(parseRequest({ type: 'predict', id: 8, window: w, T: 3, C: 2, model: 'cine3' })).toMatchObject({
      ok: true,
      request: { model: 'cine3' },
    });
    expect(parseRequest({ type: 'cancel', id: 5, target: 3 })).toEqual({
      ok: true,
      request: { type: 'cancel', id: 5, target: 3 },
    });
    expect(
      parseRequest({
        type: 'explain',
        id: 6,
        method: 'gradshap',
        window: w,
        T: 3,
        C: 2,
        params: { samples: 10, seed: 2 },
      }),
    ).toEqual({
      ok: true,
      request: { type: 'explain', id: 6, method: 'gradshap', window: w, T: 3, C: 2, params: { samples: 10, seed: 2 } },
    });
  });

  it('answers anything else with bad-request, naming what was expected, and keeps the id when it can', () => {
    const cases: Array<[unknown, number, RegExp]> = [
      [null, 0, /object/],
      [{ type: 'check' }, 0, /id/],
      [{ type: 'run', id: 5 }, 5, /unknown message type "run"/],
      [{ type: 'load', id: 6 }, 6, /modelUrl/],
      [
        { type: 'load', id: 7, modelUrl: 'm.json', backend: 'tpu' },
        7,
        /unknown backend "tpu".*webgpu, webgl, wasm, cpu/,
      ],
      [{ type: 'predict', id: 8, window: [1, 2], T: 1, C: 2 }, 8, /Float32Array/],
      [{ type: 'predict', id: 9, window: new Float32Array(5), T: 3, C: 2 }, 9, /5 values, T × C = 6/],
      [{ type: 'predict', id: 10, window: new Float32Array(0), T: 0, C: 2 }, 10, /positive integers/],
      [{ type: 'cancel', id: 11 }, 11, /target/],
      [{ type: 'load-extra', id: 17, key: '../x', modelUrl: 'm.json' }, 17, /load-extra: expected "key"/],
      [
        { type: 'predict', id: 18, window: new Float32Array(6), T: 3, C: 2, model: 5 },
        18,
        /predict: "model" must be a model key/,
      ],
      [
        { type: 'explain', id: 12, method: 'occlusion', window: new Float32Array(6), T: 3, C: 2 },
        12,
        /unknown method "occlusion".*ig, gradshap, kernelshap, lime/,
      ],
      [
        { type: 'explain', id: 13, method: 'ig', window: new Float32Array(5), T: 3, C: 2 },
        13,
        /explain: window has 5 values/,
      ],
      [
        { type: 'explain', id: 14, method: 'ig', window: new Float32Array(6), T: 3, C: 2, params: { steps: 0 } },
        14,
        /params.steps: expected an integer from 1/,
      ],
      [
        { type: 'explain', id: 15, method: 'ig', window: new Float32Array(6), T: 3, C: 2, params: { stpes: 5 } },
        15,
        /unknown field stpes/,
      ],
      [
        {
          type: 'explain',
          id: 16,
          method: 'ig',
          window: new Float32Array(6),
          T: 3,
          C: 2,
          params: { sigma: Number.NaN },
        },
        16,
        /params.sigma/,
      ],
    ];
    for (const [data, id, message] of cases) {
      const r = parseRequest(data);
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.id).toBe(id);
      expect(r.error.code).toBe('bad-request');
      expect(r.error.message).toMatch(message);
    }
  });
});

describe('transferablesOf', () => {
  it('moves the predict and explain windows, nothing else', () => {
    const window = new Float32Array(4);
    expect(transferablesOf({ type: 'predict', id: 1, window, T: 2, C: 2 })).toEqual([window.buffer]);
    expect(transferablesOf({ type: 'explain', id: 1, method: 'ig', window, T: 2, C: 2, params: {} })).toEqual([
      window.buffer,
    ]);
    expect(transferablesOf({ type: 'load', id: 1, modelUrl: 'm.json' })).toEqual([]);
  });
});

describe('progress', () => {
  it('only goes up through a load: download → per backend start, warm-up, measure', () => {
    const events: LoadProgress[] = [
      { status: 'download', fraction: 0 },
      { status: 'download', fraction: 0.4 },
      { status: 'download', fraction: 1 },
      { status: 'backend', backend: 'webgpu', slot: 0, slots: 3 },
      { status: 'backend', backend: 'webgl', slot: 1, slots: 3 }, // webgpu failed, next one
      { status: 'warm-up', backend: 'webgl', slot: 1, slots: 3 },
      { status: 'measure', backend: 'webgl', slot: 1, slots: 3 },
      { status: 'backend', backend: 'wasm', slot: 2, slots: 3 },
      { status: 'warm-up', backend: 'wasm', slot: 2, slots: 3 },
      { status: 'measure', backend: 'wasm', slot: 2, slots: 3 },
    ];
    const f = events.map(progressFraction);
    for (let i = 1; i < f.length; i++) expect(f[i]).toBeGreaterThanOrEqual(f[i - 1]);
    expect(f[0]).toBe(0);
    expect(f.at(-1)).toBeLessThan(1); // 100% is "ready", not a progress event
    expect(progressFraction({ status: 'download', fraction: 7 })).toBe(
      progressFraction({ status: 'download', fraction: 1 }),
    );
  });

  it('every request has exactly one final answer type', () => {
    expect(FINAL_RESPONSE).toEqual({
      check: 'checked',
      load: 'ready',
      'load-extra': 'extra-ready',
      faithfulness: 'curves',
      predict: 'prediction',
      explain: 'explanation',
      cancel: 'cancelling',
      'simulate-fault': 'fault-armed',
      memory: 'memory',
      dispose: 'disposed',
    });
  });
});

describe('toWorkerError', () => {
  it('keeps a WorkerFailure code, and never loses a message', () => {
    expect(toWorkerError(new WorkerFailure('not-ready', 'no model'))).toEqual({
      code: 'not-ready',
      message: 'no model',
    });
    expect(toWorkerError(new TypeError('boom'))).toEqual({ code: 'inference-failed', message: 'boom' });
    expect(toWorkerError('plain', 'model-load')).toEqual({ code: 'model-load', message: 'plain' });
  });
});
