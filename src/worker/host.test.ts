import { describe, expect, it } from 'vitest';
import type { InferenceEngine } from './engine';
import { createWorkerHost } from './host';
import { type ExplanationResult, type SimulatedFault, type WorkerResponse, WorkerFailure } from './protocol';

/** An engine whose explain runs `batches` batches, asking shouldStop before each, and records what it was told. */
function fakeEngine(batches = 3) {
  const calls: string[] = [];
  const faults: SimulatedFault[] = [];
  let release: () => void = () => {};
  const gate = new Promise<void>((r) => (release = r));
  const result = (): ExplanationResult => ({
    method: 'ig',
    attributions: [new Float32Array(2), new Float32Array(2)],
    delta: [0, 0],
    logits: [0, 1],
    baselineLogits: [0, 0],
    params: {},
    backend: 'cpu',
    ms: 1,
  });
  const engine: InferenceEngine = {
    check: async () => (calls.push('check'), [{ backend: 'cpu', available: true, detail: 'js' }]),
    load: async () => {
      calls.push('load');
      return {
        backend: 'cpu',
        backendMs: 1,
        loadMs: 1,
        warmUpMs: 1,
        skipped: [],
        choice: 'only-candidate',
        timings: [],
        model: { timeSteps: 1, channels: 2, classNames: ['a', 'b'], params: 1, tfjsVersion: 'x' },
      };
    },
    loadExtra: async () => Promise.reject(new Error('no extras here')),
    predict: async () => (
      calls.push('predict'),
      { logits: [0, 1], pAbnormal: 0.73, label: 'abnormal', backend: 'cpu', ms: 1 }
    ),
    explain: async (_m, _w, _T, _C, _p, onProgress, shouldStop) => {
      calls.push('explain');
      await gate; // the test decides when the first batch starts
      for (let b = 0; b < batches; b++) {
        if (await shouldStop?.()) throw new WorkerFailure('cancelled', 'ig was cancelled');
        onProgress({ status: 'explain', method: 'ig', fraction: (b + 1) / batches, phase: 'ig' });
      }
      return result();
    },
    faithfulness: async (_w, _imp, _T, _C, _opts, shouldStop) => {
      calls.push('faithfulness');
      await gate;
      for (let b = 0; b < batches; b++)
        if (await shouldStop?.()) throw new WorkerFailure('cancelled', 'the faithfulness curves were cancelled');
      return {
        fractions: [0, 1],
        deletion: [1, 0],
        insertion: [0, 1],
        deletionAuc: 0.5,
        insertionAuc: 0.5,
        targetClass: 1,
        backend: 'cpu',
        ms: 1,
      };
    },
    simulateFault: (f) => void faults.push(f),
    memory: () => ({ numTensors: 42, numBytes: 1000, backend: 'cpu' }),
    dispose: () => void calls.push('dispose'),
  };
  return { engine, calls, faults, release };
}

const explainMsg = (id: number) => ({
  type: 'explain',
  id,
  method: 'ig',
  window: new Float32Array(2),
  T: 1,
  C: 2,
  params: {},
});
const types = (posted: WorkerResponse[]) => posted.map((m) => `${m.type}:${m.id}`);

describe('the worker host (queue and cancel, without a Worker)', () => {
  it('answers requests one at a time in arrival order, progress before the explanation', async () => {
    const e = fakeEngine(2);
    const posted: WorkerResponse[] = [];
    const host = createWorkerHost(
      e.engine,
      (m) => posted.push(m),
      async () => {},
    );
    host.receive({ type: 'check', id: 1 });
    host.receive({ type: 'load', id: 2, modelUrl: 'm.json' });
    host.receive(explainMsg(3));
    host.receive({ type: 'predict', id: 4, window: new Float32Array(2), T: 1, C: 2 });
    e.release();
    await host.idle();
    expect(e.calls).toEqual(['check', 'load', 'explain', 'predict']);
    expect(types(posted)).toEqual([
      'checked:1',
      'ready:2',
      'progress:3',
      'progress:3',
      'explanation:3',
      'prediction:4',
    ]);
  });

  it('cancels the running explain at its next batch and a queued one before it starts; a stale cancel is not found', async () => {
    const e = fakeEngine(3);
    const posted: WorkerResponse[] = [];
    const host = createWorkerHost(
      e.engine,
      (m) => posted.push(m),
      async () => {},
    );
    host.receive(explainMsg(1));
    host.receive(explainMsg(2));
    await Promise.resolve();
    host.receive({ type: 'cancel', id: 3, target: 1 });
    host.receive({ type: 'cancel', id: 4, target: 2 });
    host.receive({ type: 'cancel', id: 5, target: 99 });
    e.release();
    await host.idle();
    const answers = posted.filter((m) => m.type !== 'progress');
    expect(answers).toEqual([
      { type: 'cancelling', id: 3, target: 1, found: true },
      { type: 'cancelling', id: 4, target: 2, found: true },
      { type: 'cancelling', id: 5, target: 99, found: false },
      { type: 'error', id: 1, error: { code: 'cancelled', message: 'ig was cancelled' } },
      { type: 'error', id: 2, error: { code: 'cancelled', message: 'explain was cancelled before it started' } },
    ]);
    expect(e.calls).toEqual(['explain']); // the queued one never reached the engine
  });

  it('cancels a running faithfulness request like an explain', async () => {
    const e = fakeEngine(3);
    const posted: WorkerResponse[] = [];
    const host = createWorkerHost(
      e.engine,
      (m) => posted.push(m),
      async () => {},
    );
    const curvesMsg = (id: number) => ({
      type: 'faithfulness',
      id,
      window: new Float32Array(2),
      importance: new Float32Array(2),
      T: 1,
      C: 2,
      steps: 1,
      targetClass: 1,
    });
    host.receive(curvesMsg(1));
    await Promise.resolve();
    host.receive({ type: 'cancel', id: 2, target: 1 });
    host.receive(curvesMsg(3));
    e.release();
    await host.idle();
    expect(types(posted)).toEqual(['cancelling:2', 'error:1', 'curves:3']);
    expect(posted[1]).toEqual({
      type: 'error',
      id: 1,
      error: { code: 'cancelled', message: 'the faithfulness curves were cancelled' },
    });
  });

  it('arms a simulated fault at once, while an explain is running', async () => {
    const e = fakeEngine(1);
    const posted: WorkerResponse[] = [];
    const host = createWorkerHost(
      e.engine,
      (m) => posted.push(m),
      async () => {},
    );
    host.receive(explainMsg(1));
    host.receive({ type: 'simulate-fault', id: 2, fault: 'backend-lost' });
    await Promise.resolve();
    expect(e.faults).toEqual(['backend-lost']);
    expect(types(posted)).toEqual(['fault-armed:2']);
    e.release();
    await host.idle();
    expect(types(posted)).toEqual(['fault-armed:2', 'progress:1', 'explanation:1']);
  });

  it('answers a malformed message with bad-request and keeps serving', async () => {
    const e = fakeEngine();
    const posted: WorkerResponse[] = [];
    const host = createWorkerHost(
      e.engine,
      (m) => posted.push(m),
      async () => {},
    );
    host.receive('hello');
    host.receive({ type: 'simulate-fault', id: 7, fault: 'meteor' });
    host.receive({ type: 'dispose', id: 8 });
    host.receive({ type: 'memory', id: 9 });
    await host.idle();
    expect(posted[3]).toEqual({ type: 'memory', id: 9, numTensors: 42, numBytes: 1000, backend: 'cpu' });
    expect(posted[0]).toEqual({
      type: 'error',
      id: 0,
      error: { code: 'bad-request', message: 'expected an object message' },
    });
    expect(posted[1]).toMatchObject({
      type: 'error',
      id: 7,
      error: {
        code: 'bad-request',
        message: 'simulate-fault: unknown fault "meteor"; expected one of backend-lost, device-lost',
      },
    });
    expect(posted[2]).toEqual({ type: 'disposed', id: 8 });
  });

  it('reports an engine failure as an error for that request only', async () => {
    const e = fakeEngine();
    const posted: WorkerResponse[] = [];
    const host = createWorkerHost(
      e.engine,
      (m) => posted.push(m),
      async () => {},
    );
    host.receive({ type: 'load-extra', id: 1, key: 'cine3', modelUrl: 'c.json' });
    host.receive({ type: 'check', id: 2 });
    await host.idle();
    expect(posted).toEqual([
      { type: 'error', id: 1, error: { code: 'inference-failed', message: 'no extras here' } },
      { type: 'checked', id: 2, backends: [{ backend: 'cpu', available: true, detail: 'js' }] },
    ]);
  });
});
