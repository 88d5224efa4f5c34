import { describe, expect, it } from 'vitest';
import type { ExplanationResponse, InferenceClient } from '../../worker/client';
import { InferenceFailure } from '../../worker/client';
import type { WorkerProgress } from '../../worker/protocol';
import { selectExplanation } from '../store/explainSlice';
import { connectExplain } from './connectExplain';
import { readyStore } from '../testing/readyStore';

/** One explain job the test drives: progress (with provisional maps), then the result or a failure. */
function oneJobClient() {
  let onProgress!: (p: WorkerProgress) => void;
  let finish!: (r: ExplanationResponse) => void;
  let fail!: (e: InferenceFailure) => void;
  const client = {
    explain: (_m, _w, _T, _C, _p, progress) => {
      onProgress = progress as (p: WorkerProgress) => void;
      return { id: 7, result: new Promise<ExplanationResponse>((res, rej) => ((finish = res), (fail = rej))) };
    },
    cancel: async () => true,
  } as Partial<InferenceClient> as InferenceClient;
  return {
    client,
    progress: (p: WorkerProgress) => onProgress(p),
    finish: (r: ExplanationResponse) => finish(r),
    fail: (e: InferenceFailure) => fail(e),
  };
}

const settle = () => new Promise((r) => setTimeout(r, 0));
const map = (v: number) =>
  [new Float32Array(2400).fill(-v), new Float32Array(2400).fill(v)] as [Float32Array, Float32Array];

describe('progressive IG in the store', () => {
  it('draws the provisional map marked refining, then the final result replaces it', async () => {
    const store = readyStore('wasm');
    const c = oneJobClient();
    connectExplain(store, c.client).run();
    expect(selectExplanation(store.getState())).toBeNull();
    c.progress({
      status: 'explain',
      method: 'ig',
      fraction: 0.05,
      phase: 'refining (1 of 40 noisy copies)',
      partial: { attributions: map(0.5), copiesDone: 1, copies: 40 },
    });
    const provisional = selectExplanation(store.getState())!;
    expect(provisional.refining).toEqual({ copiesDone: 1, copies: 40 });
    expect(provisional.attributions[1][0]).toBe(0.5);
    expect(store.getState().explainStatus).toBe('running');
    expect(store.getState().explainTimings).toEqual([]); // a provisional map is not a finished run
    c.finish({
      type: 'explanation',
      id: 7,
      method: 'ig',
      attributions: map(0.25),
      delta: [0, 0],
      logits: [0, 1],
      baselineLogits: [0, 0],
      params: {},
      backend: 'wasm',
      ms: 5,
    });
    await settle();
    const final = selectExplanation(store.getState())!;
    expect(final.refining).toBeUndefined();
    expect(final.attributions[1][0]).toBe(0.25);
    expect(store.getState().explainTimings).toHaveLength(1);
  });

  it('a cancelled run leaves no provisional map behind', async () => {
    const store = readyStore('wasm');
    const c = oneJobClient();
    connectExplain(store, c.client).run();
    c.progress({
      status: 'explain',
      method: 'ig',
      fraction: 0.05,
      phase: 'refining',
      partial: { attributions: map(0.5), copiesDone: 1, copies: 40 },
    });
    expect(selectExplanation(store.getState())).not.toBeNull();
    c.fail(new InferenceFailure({ code: 'cancelled', message: 'ig was cancelled' }));
    await settle();
    expect(selectExplanation(store.getState())).toBeNull();
    expect(store.getState().explainStatus).toBe('cancelled');
  });
});
