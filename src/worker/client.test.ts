import { describe, expect, it } from 'vitest';
import { InferenceFailure, type WorkerPort, createInferenceClient } from './client';
import type { LoadProgress, WorkerRequest, WorkerResponse } from './protocol';

/** A worker stand-in: records what it is sent and lets the test answer. */
function fakeWorker() {
  const sent: Array<{ message: WorkerRequest; transfer: Transferable[] }> = [];
  const listeners: { message: Array<(e: MessageEvent) => void>; error: Array<(e: Event) => void> } = {
    message: [],
    error: [],
  };
  let terminated = false;
  const port: WorkerPort = {
    postMessage: (message, transfer) => sent.push({ message: message as WorkerRequest, transfer }),
    addEventListener: ((type: 'message' | 'error', l: (e: never) => void) =>
      listeners[type].push(l as never)) as WorkerPort['addEventListener'],
    terminate: () => (terminated = true),
  };
  return {
    port,
    sent,
    answer: (m: WorkerResponse) => listeners.message.forEach((l) => l({ data: m } as MessageEvent)),
    crash: (message: string) => listeners.error.forEach((l) => l(Object.assign(new Event('error'), { message }))),
    isTerminated: () => terminated,
  };
}

describe('the inference client', () => {
  it('matches answers to requests by id, whatever order they come in', async () => {
    const w = fakeWorker();
    const client = createInferenceClient(w.port);
    const check = client.check();
    const disposed = client.dispose();
    expect(w.sent.map((s) => s.message)).toEqual([
      { type: 'check', id: 1 },
      { type: 'dispose', id: 2 },
    ]);
    w.answer({ type: 'disposed', id: 2 });
    w.answer({ type: 'checked', id: 1, backends: [{ backend: 'cpu', available: true, detail: 'js' }] });
    await expect(disposed).resolves.toBeUndefined();
    await expect(check).resolves.toEqual([{ backend: 'cpu', available: true, detail: 'js' }]);
  });

  it('passes load progress to the caller, then resolves with ready', async () => {
    const w = fakeWorker();
    const client = createInferenceClient(w.port);
    const progress: LoadProgress[] = [];
    const loading = client.load('http://x/model.json', { backend: 'wasm', onProgress: (p) => progress.push(p) });
    expect(w.sent[0].message).toEqual({ type: 'load', id: 1, modelUrl: 'http://x/model.json', backend: 'wasm' });
    w.answer({ type: 'progress', id: 1, progress: { status: 'download', fraction: 1 } });
    w.answer({ type: 'progress', id: 1, progress: { status: 'backend', backend: 'wasm', slot: 0, slots: 1 } });
    const ready: WorkerResponse = {
      type: 'ready',
      id: 1,
      backend: 'wasm',
      backendMs: 1,
      loadMs: 2,
      warmUpMs: 3,
      skipped: [],
      choice: 'requested',
      timings: [],
      model: { timeSteps: 200, channels: 12, classNames: ['normal', 'abnormal'], params: 10, tfjsVersion: '4.22.0' },
    };
    w.answer(ready);
    await expect(loading).resolves.toEqual(ready);
    expect(progress.map((p) => p.status)).toEqual(['download', 'backend']);
  });

  it("transfers a copy of the window: the caller's array stays intact", async () => {
    const w = fakeWorker();
    const client = createInferenceClient(w.port);
    const window = Float32Array.from([1, 2, 3, 4, 5, 6]);
    const predicting = client.predict(window, 3, 2);
    const { message, transfer } = w.sent[0];
    if (message.type !== 'predict') throw new Error('expected a predict request');
    expect(message.window).not.toBe(window);
    expect(Array.from(message.window)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(transfer).toEqual([message.window.buffer]);
    structuredClone(message, { transfer: transfer as Transferable[] }); // what postMessage does: detaches the copy
    expect(window.length).toBe(6);
    w.answer({ type: 'prediction', id: 1, logits: [0, 1], pAbnormal: 0.73, label: 'abnormal', backend: 'cpu', ms: 4 });
    await expect(predicting).resolves.toMatchObject({ pAbnormal: 0.73 });
  });

  it('rejects with the worker error code; a crash or terminate fails everything pending and later', async () => {
    const w = fakeWorker();
    const client = createInferenceClient(w.port);
    const p = client.predict(new Float32Array(2), 1, 2);
    w.answer({ type: 'error', id: 1, error: { code: 'not-ready', message: 'predict before a model was loaded' } });
    await expect(p).rejects.toMatchObject({ detail: { code: 'not-ready' } });
    await expect(p).rejects.toBeInstanceOf(InferenceFailure);

    const pending = client.check();
    w.crash('SyntaxError in worker script');
    await expect(pending).rejects.toMatchObject({
      detail: {
        code: 'worker-failed',
        message: 'the inference worker stopped during check (SyntaxError in worker script)',
      },
    });
    await expect(client.check()).rejects.toMatchObject({ detail: { code: 'worker-failed' } });

    const w2 = fakeWorker();
    const client2 = createInferenceClient(w2.port);
    const loading = client2.load('m.json');
    client2.terminate();
    expect(w2.isTerminated()).toBe(true);
    await expect(loading).rejects.toMatchObject({ detail: { code: 'worker-failed' } });
  });

  it('explain: sends a copy, routes only explain progress, resolves with the explanation; cancel names the job', async () => {
    const w = fakeWorker();
    const client = createInferenceClient(w.port);
    const window = Float32Array.from([1, 2, 3, 4]);
    const progress: number[] = [];
    const job = client.explain('ig', window, 2, 2, { steps: 4 }, (p) => progress.push(p.fraction));
    const { message, transfer } = w.sent[0];
    expect(message).toMatchObject({ type: 'explain', id: job.id, method: 'ig', T: 2, C: 2, params: { steps: 4 } });
    if (message.type !== 'explain') throw new Error('expected an explain request');
    expect(message.window).not.toBe(window);
    expect(transfer).toEqual([message.window.buffer]);
    w.answer({
      type: 'progress',
      id: job.id,
      progress: { status: 'explain', method: 'ig', fraction: 0.5, phase: 'integrated gradients' },
    });
    w.answer({ type: 'progress', id: job.id, progress: { status: 'download', fraction: 0.5 } }); // not an explain's: dropped
    const cancelling = client.cancel(job.id);
    expect(w.sent[1].message).toEqual({ type: 'cancel', id: job.id + 1, target: job.id });
    w.answer({ type: 'cancelling', id: job.id + 1, target: job.id, found: true });
    await expect(cancelling).resolves.toBe(true);
    w.answer({ type: 'error', id: job.id, error: { code: 'cancelled', message: 'ig was cancelled' } });
    await expect(job.result).rejects.toMatchObject({ detail: { code: 'cancelled' } });
    expect(progress).toEqual([0.5]);

    const again = client.explain('lime', window, 2, 2, {});
    const a = [new Float32Array(4), new Float32Array(4)] as [Float32Array, Float32Array];
    w.answer({
      type: 'explanation',
      id: again.id,
      method: 'lime',
      attributions: a,
      delta: [0, 0],
      logits: [0, 1],
      baselineLogits: [0, 0],
      params: {},
      backend: 'cpu',
      ms: 5,
    });
    await expect(again.result).resolves.toMatchObject({ method: 'lime', ms: 5 });
  });

  it('refuses an answer of the wrong type', async () => {
    const w = fakeWorker();
    const client = createInferenceClient(w.port);
    const p = client.check();
    w.answer({ type: 'disposed', id: 1 });
    await expect(p).rejects.toMatchObject({
      detail: { code: 'inference-failed', message: 'worker answered check with disposed' },
    });
  });
});
