import { describe, expect, it } from 'vitest';
import type { InferenceClient, PredictionResponse, Ready } from '../../worker/client';
import { InferenceFailure } from '../../worker/client';
import type { BackendName, LoadProgress } from '../../worker/protocol';
import { createAppStore } from '../store/appStore';
import { selectModelPrediction, selectPrediction } from '../store/inferenceSlice';
import { testAppModels, testMeta } from '../testing/appModels';
import { syntheticPreparedEcg } from '../testing/syntheticEcg';
import { connectInference } from './connectInference';

const READY: Ready = {
  type: 'ready',
  id: 2,
  backend: 'webgl',
  backendMs: 5,
  loadMs: 312,
  warmUpMs: 40,
  skipped: [{ code: 'backend-unavailable', message: 'webgpu: no adapter' }],
  choice: 'only-candidate',
  timings: [],
  model: { timeSteps: 200, channels: 12, classNames: ['normal', 'abnormal'], params: 125_570, tfjsVersion: '4.22.0' },
};

/** A client whose load resolves when the test says so; predictions are recorded and answered at once. */
function fakeClient(opts: { loadFails?: InferenceFailure } = {}) {
  const predicted: Array<{ window: Float32Array; T: number; C: number }> = [];
  const loads: Array<{ url: string; backend?: BackendName }> = [];
  let finishLoad: () => void = () => {};
  let onProgress: ((p: LoadProgress) => void) | undefined;
  const client: InferenceClient = {
    check: async () => [{ backend: 'webgl', available: true, detail: 'SwiftShader' }],
    load: (url, o = {}) => {
      loads.push({ url, backend: o.backend });
      onProgress = o.onProgress;
      return new Promise(
        (resolve, reject) => (finishLoad = () => (opts.loadFails ? reject(opts.loadFails) : resolve(READY))),
      );
    },
    predict: async (window, T, C) => {
      predicted.push({ window, T, C });
      const p: PredictionResponse = {
        type: 'prediction',
        id: 3,
        logits: [0, 1],
        pAbnormal: 0.7310585786300049,
        label: 'abnormal',
        backend: 'webgl',
        ms: 12,
      };
      return p;
    },
    explain: () => ({
      id: 9,
      result: Promise.reject(new InferenceFailure({ code: 'inference-failed', message: 'not in this test' })),
    }),
    faithfulness: () => ({
      id: 10,
      result: Promise.reject(new InferenceFailure({ code: 'inference-failed', message: 'not in this test' })),
    }),
    cancel: async () => false,
    loadExtra: async () =>
      Promise.reject(new InferenceFailure({ code: 'model-load', message: 'no companion in this test' })),
    dispose: async () => {},
    simulateFault: async () => {},
    memory: async () => ({ numTensors: 0, numBytes: 0, backend: 'webgl' }),
    crashForTest: () => {},
    terminate: () => {},
  };
  return { client, predicted, loads, finishLoad: () => finishLoad(), progress: (p: LoadProgress) => onProgress?.(p) };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

/** The deps for a registry of the primary model only (`models` adds companions), model URLs under http://x/. */
const deps = (client: InferenceClient, backend: string | null = null, models = testAppModels()) => ({
  client,
  backend,
  registry: async () => models,
  modelUrl: (id: string) => `http://x/models/${id}/model.json`,
});
const primaryOnly = () => {
  const m = testAppModels();
  return { ...m, companions: [], all: [m.primary] };
};

describe('connectInference', () => {
  it('loads the model while the case loads, then predicts the case window once both are ready', async () => {
    const store = createAppStore();
    const fake = fakeClient();
    connectInference(store, deps(fake.client, null, primaryOnly()));
    expect(store.getState().inferenceStatus).toBe('loading');
    await settle();
    expect(store.getState().backends).toEqual([{ backend: 'webgl', available: true, detail: 'SwiftShader' }]);
    fake.progress({ status: 'download', fraction: 0.5 });
    expect(store.getState().modelProgress).toEqual({ status: 'download', fraction: 0.5 });

    // The case is ready first: nothing to predict with yet.
    const request = store.getState().caseLoadStarted(null);
    const prepared = syntheticPreparedEcg();
    store.getState().caseLoaded(request, prepared);
    expect(fake.predicted).toEqual([]);

    fake.finishLoad();
    await settle();
    const s = store.getState();
    expect(s.inferenceStatus).toBe('ready');
    expect(s.loadedModel).toMatchObject({ backend: 'webgl', loadMs: 312, model: { channels: 12 } });
    expect(fake.predicted).toHaveLength(1);
    expect(fake.predicted[0]).toMatchObject({ T: prepared.windowSamples, C: 12 });
    expect(fake.predicted[0].window).toBe(prepared.window);
    await settle();
    expect(selectPrediction(store.getState())).toMatchObject({
      pAbnormal: 0.7310585786300049,
      backend: 'webgl',
      caseRequest: request,
    });
  });

  it('predicts each new case once, and never shows a prediction for an older case', async () => {
    const store = createAppStore();
    const fake = fakeClient();
    connectInference(store, deps(fake.client, 'webgl', primaryOnly()));
    await settle(); // check, then load
    expect(fake.loads).toEqual([{ url: 'http://x/models/ecg12/model.json', backend: 'webgl' }]);
    fake.finishLoad();
    await settle();
    const first = store.getState().caseLoadStarted(null);
    store.getState().caseLoaded(first, syntheticPreparedEcg());
    store.getState().setTrace('recorded'); // unrelated change: no second prediction
    await settle();
    expect(fake.predicted).toHaveLength(1);
    expect(selectPrediction(store.getState())).not.toBeNull();

    store.getState().caseLoadStarted(null); // a new case is loading: the old prediction is not shown
    expect(selectPrediction(store.getState())).toBeNull();
    store.getState().predictionDone('ecg12', {
      pAbnormal: 0.1,
      logits: [1, 0],
      label: 'normal',
      backend: 'webgl',
      ms: 1,
      caseRequest: first,
    });
    expect(store.getState().models.ecg12.prediction?.pAbnormal).not.toBe(0.1); // late answer for the old case is dropped
  });

  it('loads each companion after the primary model and predicts the input its registry entry names; a missing companion leaves the primary working', async () => {
    const store = createAppStore();
    const fake = fakeClient();
    const extra: string[] = [];
    const twinCalls: Array<{ C: number; model?: string }> = [];
    fake.client.loadExtra = async (key, url) => {
      extra.push(`${key} ${url}`);
      return {
        type: 'extra-ready',
        id: 5,
        key,
        loadMs: 20,
        model: { timeSteps: 200, channels: 3, classNames: ['normal', 'abnormal'], params: 1, tfjsVersion: '4.22.0' },
      };
    };
    const predict = fake.client.predict;
    fake.client.predict = (w, T, C, model) => (twinCalls.push({ C, model }), predict(w, T, C, model));
    connectInference(store, deps(fake.client));
    await settle();
    fake.finishLoad();
    await settle();
    expect(extra).toEqual(['cine3 http://x/models/cine3/model.json']);
    expect(store.getState().models.cine3.status).toBe('ready');
    const request = store.getState().caseLoadStarted(null);
    store.getState().caseLoaded(request, syntheticPreparedEcg());
    await settle();
    expect(twinCalls).toEqual([
      { C: 12, model: undefined },
      { C: 3, model: 'cine3' },
    ]);
    expect(selectModelPrediction(store.getState(), 'cine3')).toMatchObject({ caseRequest: request });

    const other = createAppStore();
    const fake2 = fakeClient();
    connectInference(other, deps(fake2.client));
    await settle();
    fake2.finishLoad();
    await settle();
    expect(other.getState().models.cine3).toMatchObject({ status: 'error', error: { code: 'model-load' } });
    expect(other.getState().inferenceStatus).toBe('ready');
  });

  it('a third registered model is loaded and predicted with no code naming it', async () => {
    const store = createAppStore();
    const fake = fakeClient();
    const calls: string[] = [];
    fake.client.loadExtra = async (key) => ({
      type: 'extra-ready',
      id: 5,
      key,
      loadMs: 1,
      model: { timeSteps: 200, channels: key === 'cine3' ? 3 : 12, classNames: ['n', 'a'], params: 1, tfjsVersion: '' },
    });
    const predict = fake.client.predict;
    fake.client.predict = (w, T, C, model) => (calls.push(`${model ?? 'primary'} C=${C}`), predict(w, T, C, model));
    connectInference(store, deps(fake.client, null, testAppModels(testMeta('third', '12-lead'))));
    await settle();
    fake.finishLoad();
    await settle();
    const request = store.getState().caseLoadStarted(null);
    store.getState().caseLoaded(request, syntheticPreparedEcg());
    await settle();
    expect(calls).toEqual(['primary C=12', 'cine3 C=3', 'third C=12']);
    expect(selectModelPrediction(store.getState(), 'third')).toMatchObject({ caseRequest: request });
  });

  it('stores the worker error code when loading fails', async () => {
    const store = createAppStore();
    const fake = fakeClient({
      loadFails: new InferenceFailure({ code: 'model-load', message: 'HTTP 404 for model.json' }),
    });
    connectInference(store, deps(fake.client, null, primaryOnly()));
    await settle();
    fake.finishLoad();
    await settle();
    expect(store.getState().inferenceStatus).toBe('error');
    expect(store.getState().inferenceError).toEqual({ code: 'model-load', message: 'HTTP 404 for model.json' });
  });

  it('refuses an unknown ?backend= without starting a load', () => {
    const store = createAppStore();
    const fake = fakeClient();
    connectInference(store, deps(fake.client, 'tpu'));
    expect(fake.loads).toEqual([]);
    expect(store.getState().inferenceError).toEqual({
      code: 'backend-unavailable',
      message: 'unknown backend "tpu"; expected one of webgpu, webgl, wasm, cpu',
    });
  });
});
