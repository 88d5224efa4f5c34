import { describe, expect, it } from 'vitest';
import { expandOverChannels } from '../../core/eval/faithfulness';
import { bipolarPhi, mappedPhi } from '../../core/xai/mapping';
import type { CurvesResponse, ExplanationResponse, InferenceClient } from '../../worker/client';
import { InferenceFailure } from '../../worker/client';
import { selectFaithfulness, selectRandomisation } from '../store/faithfulnessSlice';
import { connectExplain } from './connectExplain';
import { connectFaithfulness, RANDOMISATION_SEED } from './connectFaithfulness';
import { READY_MODEL, readyStore } from '../testing/readyStore';

const N = 2400;

type Deferred<R> = { finish: (r: R) => void; fail: (e: InferenceFailure) => void };
function deferred<R>(): Deferred<R> & { result: Promise<R> } {
  let finish!: (r: R) => void;
  let fail!: (e: InferenceFailure) => void;
  const result = new Promise<R>((res, rej) => ((finish = res), (fail = rej)));
  return { result, finish, fail };
}

/** A client whose jobs the test answers by hand; it records what each request carried. */
function fakeClient() {
  const explains: Array<
    { id: number; method: string; model?: string; params: unknown } & Deferred<ExplanationResponse>
  > = [];
  const curves: Array<
    {
      id: number;
      importance: Float32Array;
      C: number;
      steps: number;
      targetClass: 0 | 1;
      model?: string;
    } & Deferred<CurvesResponse>
  > = [];
  const extras: Array<{ key: string; url: string; seed?: number }> = [];
  const cancelled: number[] = [];
  let next = 1;
  const client = {
    explain: (method, _w, _T, _C, params, _onProgress, model) => {
      const d = deferred<ExplanationResponse>();
      const id = next++;
      explains.push({ id, method, model, params, ...d });
      return { id, result: d.result };
    },
    faithfulness: (_w, importance, _T, C, o) => {
      const d = deferred<CurvesResponse>();
      const id = next++;
      curves.push({ id, importance, C, steps: o.steps, targetClass: o.targetClass, model: o.model, ...d });
      return { id, result: d.result };
    },
    loadExtra: async (key, url, seed) => (
      extras.push({ key, url, seed }),
      { type: 'extra-ready', id: 0, key, model: READY_MODEL, loadMs: 1 }
    ),
    cancel: async (id) => (cancelled.push(id), true),
  } as Partial<InferenceClient> as InferenceClient;
  return { client, explains, curves, extras, cancelled };
}

const settle = () => new Promise((r) => setTimeout(r, 0));
const ramp = (k: number) => Float32Array.from({ length: N }, (_, i) => ((i * 7919) % N) * k);
const explanation = (id: number, a1: Float32Array, logits: [number, number]): ExplanationResponse => ({
  type: 'explanation',
  id,
  method: 'ig',
  attributions: [new Float32Array(N), a1],
  delta: [0, 0],
  logits,
  baselineLogits: [0, 0],
  params: {},
  backend: 'cpu',
  ms: 5,
});
const curvesAnswer = (id: number): CurvesResponse => ({
  type: 'curves',
  id,
  fractions: [0, 1],
  deletion: [2, 0],
  insertion: [0, 2],
  deletionAuc: 1,
  insertionAuc: 1,
  targetClass: 1,
  backend: 'cpu',
  ms: 3,
});

const modelUrl = (id: string) => `http://x/${id}/model.json`;

describe('connectFaithfulness', () => {
  it('after the final map, asks the worker for the curves of the predicted class, ranked by its evidence (Φ and the mapped Φd); shows them for that map only', async () => {
    const store = readyStore();
    const fake = fakeClient();
    const explain = connectExplain(store, fake.client);
    connectFaithfulness(store, fake.client, modelUrl);
    store.getState().setExplainParams('ig', { steps: 8, noiseSamples: 2 });
    explain.run();
    // The explanation is still running: nothing asked yet (the curves never delay "Explanation ready").
    expect(fake.curves).toHaveLength(0);
    const a1 = ramp(1);
    // Logits favour "normal": the target is class 0 and the importance is −Φ.
    fake.explains[0].finish(explanation(fake.explains[0].id, a1, [2, -1]));
    await settle();
    expect(store.getState().explainStatus).toBe('done');
    expect(fake.curves).toHaveLength(2);
    const phi = bipolarPhi(new Float32Array(N), a1);
    expect(fake.curves[0]).toMatchObject({ C: 12, steps: 20, targetClass: 0, model: undefined });
    expect(Array.from(fake.curves[0].importance)).toEqual(Array.from(phi, (v) => -v));
    // Φd of eq. 2 (one value per sample time), its evidence for "normal", given to all 12 leads.
    expect(fake.curves[1]).toMatchObject({ C: 12, steps: 20, targetClass: 0 });
    expect(Array.from(fake.curves[1].importance)).toEqual(
      Array.from(
        expandOverChannels(
          Array.from(mappedPhi(phi, 12), (v) => -v),
          12,
        ),
      ),
    );
    expect(selectFaithfulness(store.getState())).toMatchObject({
      status: 'running',
      params: { steps: 8, noiseSamples: 2 },
    });
    fake.curves[0].finish(curvesAnswer(fake.curves[0].id));
    await settle();
    expect(selectFaithfulness(store.getState())?.status).toBe('running'); // until both are in
    fake.curves[1].finish({ ...curvesAnswer(fake.curves[1].id), deletionAuc: 0.5 });
    await settle();
    expect(selectFaithfulness(store.getState())).toMatchObject({
      status: 'done',
      result: { deletionAuc: 1, insertionAuc: 1, ms: 3 },
      mapped: { deletionAuc: 0.5 },
    });
    expect(fake.curves).toHaveLength(2); // no further request for the same map

    // A new run of the same method replaces the map: its curves are asked for again, the old ones no longer shown.
    explain.run();
    fake.explains[1].finish(explanation(fake.explains[1].id, ramp(2), [-1, 3]));
    await settle();
    expect(fake.curves).toHaveLength(4);
    expect(fake.curves[2].targetClass).toBe(1);
    expect(selectFaithfulness(store.getState())?.status).toBe('running');

    // A new case cancels the running curves and clears the entries.
    store.getState().caseLoadStarted(null);
    expect(fake.cancelled).toEqual([fake.curves[2].id, fake.curves[3].id]);
    expect(store.getState().faithfulness).toEqual({});
    fake.curves[2].fail(new InferenceFailure({ code: 'cancelled', message: 'cancelled' }));
    await settle();
    expect(store.getState().faithfulness).toEqual({});
  });

  it('the randomisation check: loads a seeded re-initialised copy once, explains with the same parameters, reports Spearman ρ', async () => {
    const store = readyStore();
    const fake = fakeClient();
    const explain = connectExplain(store, fake.client);
    const c = connectFaithfulness(store, fake.client, modelUrl);
    store.getState().setExplainParams('ig', { steps: 8 });
    explain.run();
    const a1 = ramp(1);
    fake.explains[0].finish(explanation(fake.explains[0].id, a1, [0, 1]));
    await settle();
    c.runRandomisation();
    expect(selectRandomisation(store.getState())?.status).toBe('loading');
    await settle();
    expect(fake.extras).toEqual([
      { key: 'ecg12-randomised', url: 'http://x/ecg12/model.json', seed: RANDOMISATION_SEED },
    ]);
    expect(fake.explains[1]).toMatchObject({ method: 'ig', model: 'ecg12-randomised', params: { steps: 8 } });
    // The randomised map is the real one reversed in rank: ρ = −1 (signed), and of magnitudes too (all ≥ 0).
    fake.explains[1].finish(
      explanation(
        fake.explains[1].id,
        Float32Array.from(a1, (v) => 3000 - v),
        [0, 0],
      ),
    );
    await settle();
    const r = selectRandomisation(store.getState())!;
    expect(r.status).toBe('done');
    expect(r.spearman).toBeCloseTo(-1, 12);
    expect(r.spearmanAbs).toBeCloseTo(-1, 12);
    // A second check reuses the loaded model.
    c.runRandomisation();
    await settle();
    expect(fake.extras).toHaveLength(1);
    expect(fake.explains).toHaveLength(3);
    c.cancelRandomisation();
    expect(fake.cancelled).toEqual([fake.explains[2].id]);
    fake.explains[2].fail(new InferenceFailure({ code: 'cancelled', message: 'cancelled' }));
    await settle();
    expect(selectRandomisation(store.getState())?.status).toBe('cancelled');
  });

  it('dispose stops following the store: a later explanation asks for no curves', async () => {
    const store = readyStore();
    const fake = fakeClient();
    const explain = connectExplain(store, fake.client);
    connectFaithfulness(store, fake.client, modelUrl).dispose();
    explain.run();
    fake.explains[0].finish(explanation(fake.explains[0].id, ramp(1), [2, -1]));
    await settle();
    expect(store.getState().explainStatus).toBe('done');
    expect(fake.curves).toHaveLength(0);
  });
});
