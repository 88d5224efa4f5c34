import { describe, expect, it } from 'vitest';
import type { ExplanationResponse, InferenceClient } from '../../worker/client';
import { InferenceFailure } from '../../worker/client';
import { connectExplain } from './connectExplain';
import { READY_MODEL, readyStore } from '../testing/readyStore';
import { testAppModels, testMeta } from '../testing/appModels';

/** A client whose explain jobs the test finishes by hand. */
function fakeClient() {
  const jobs: Array<{
    id: number;
    method: string;
    C: number;
    model?: string;
    finish: (r: ExplanationResponse) => void;
    fail: (e: InferenceFailure) => void;
  }> = [];
  const cancelled: number[] = [];
  let next = 1;
  const client = {
    explain: (method, _w, _T, C, _p, _onProgress, model) => {
      const id = next++;
      let finish!: (r: ExplanationResponse) => void;
      let fail!: (e: InferenceFailure) => void;
      const result = new Promise<ExplanationResponse>((res, rej) => ((finish = res), (fail = rej)));
      jobs.push({ id, method, C, model, finish, fail });
      return { id, result };
    },
    cancel: async (id) => (cancelled.push(id), true),
  } as Partial<InferenceClient> as InferenceClient;
  return { client, jobs, cancelled };
}

const settle = () => new Promise((r) => setTimeout(r, 0));
const answer = (id: number): ExplanationResponse => ({
  type: 'explanation',
  id,
  method: 'ig',
  attributions: [new Float32Array(2400), new Float32Array(2400)],
  delta: [0, 0],
  logits: [0, 1],
  baselineLogits: [0, 0],
  params: {},
  backend: 'cpu',
  ms: 5,
});

describe('connectExplain', () => {
  it('runs one job at a time, stores the result with its model and timing, and cancels on a new case', async () => {
    const store = readyStore();
    const fake = fakeClient();
    const c = connectExplain(store, fake.client);
    c.run();
    c.run(); // ignored: a job is running
    expect(fake.jobs).toHaveLength(1);
    expect(fake.jobs[0]).toMatchObject({ method: 'ig', C: 12, model: undefined });
    fake.jobs[0].finish(answer(fake.jobs[0].id));
    await settle();
    expect(store.getState().explainStatus).toBe('done');
    expect(store.getState().explanations['ecg12:ig']).toMatchObject({ source: 'ecg12', ms: 5 });
    expect(store.getState().explainTimings).toEqual([
      { method: 'ig', source: 'ecg12', backend: 'cpu', ms: 5, params: {} },
    ]);

    c.run();
    store.getState().caseLoadStarted(null); // a new case: the running job is cancelled, old explanations dropped
    expect(fake.cancelled).toEqual([fake.jobs[1].id]);
    expect(store.getState().explanations).toEqual({});
    fake.jobs[1].fail(new InferenceFailure({ code: 'cancelled', message: 'ig was cancelled' }));
    await settle();
    expect(store.getState().explainStatus).toBe('cancelled');
  });

  it('after dispose it no longer follows the store: a new case cancels nothing', async () => {
    const store = readyStore();
    const fake = fakeClient();
    const c = connectExplain(store, fake.client);
    c.run();
    c.dispose();
    store.getState().caseLoadStarted(null);
    expect(fake.cancelled).toEqual([]);
  });

  it('a job whose worker died is reported failed with the worker-failed message, and the next run starts', async () => {
    const store = readyStore();
    const fake = fakeClient();
    const c = connectExplain(store, fake.client);
    c.run();
    fake.jobs[0].fail(
      new InferenceFailure({
        code: 'worker-failed',
        message: 'the inference worker stopped during explain (terminated); it was restarted: try again',
      }),
    );
    await settle();
    expect(store.getState()).toMatchObject({
      explainStatus: 'error',
      explainJob: null,
      explainError: { code: 'worker-failed' },
    });
    c.run();
    expect(fake.jobs).toHaveLength(2);
  });

  it('explains a companion (the CineECG model) on its own input only when it is loaded; a refused start is shown, not swallowed', async () => {
    const store = readyStore();
    const fake = fakeClient();
    const c = connectExplain(store, fake.client);
    store.getState().setExplainSource('cine3');
    c.run(); // the twin is not loaded: nothing starts
    expect(fake.jobs).toHaveLength(0);
    store.getState().slotLoaded('cine3', { ...READY_MODEL, channels: 3 });
    c.run();
    expect(fake.jobs[0]).toMatchObject({ C: 3, model: 'cine3' });
    fake.jobs[0].finish(answer(fake.jobs[0].id));
    await settle();

    store.getState().slotLoaded('cine3', { ...READY_MODEL, channels: 5 }); // its registry entry says 3
    c.run();
    expect(store.getState().explainStatus).toBe('error');
    expect(store.getState().explainError?.message).toMatch(/5 channels/);
  });

  it('explains any registered model by its id: a third 12-lead model is the worker key it is registered under', async () => {
    const store = readyStore();
    store.getState().registryLoaded(testAppModels(testMeta('third', '12-lead')));
    store.getState().modelLoaded({ ...store.getState().loadedModel!, model: READY_MODEL });
    store.getState().slotLoaded('third', READY_MODEL);
    const fake = fakeClient();
    const c = connectExplain(store, fake.client);
    store.getState().setExplainSource('third');
    c.run();
    expect(fake.jobs[0]).toMatchObject({ C: 12, model: 'third' });
    fake.jobs[0].finish(answer(fake.jobs[0].id));
    await settle();
    expect(store.getState().explanations['third:ig']).toMatchObject({ source: 'third' });
  });
});
