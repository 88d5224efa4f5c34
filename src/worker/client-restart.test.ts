import { describe, expect, it } from 'vitest';
import { InferenceFailure, type WorkerPort, type WorkerRestart, createInferenceClient } from './client';
import type { WorkerRequest, WorkerResponse } from './protocol';

/** Worker stand-ins made by a factory, as the app spawns them; each records what it was sent. */
function workerFactory() {
  const made: Array<{
    sent: WorkerRequest[];
    answer: (m: WorkerResponse) => void;
    crash: (msg: string) => void;
    terminated: boolean;
  }> = [];
  const spawn = (): WorkerPort => {
    const listeners: { message: Array<(e: MessageEvent) => void>; error: Array<(e: Event) => void> } = {
      message: [],
      error: [],
    };
    const w = {
      sent: [] as WorkerRequest[],
      terminated: false,
      answer: (m: WorkerResponse) => listeners.message.forEach((l) => l({ data: m } as MessageEvent)),
      crash: (message: string) => listeners.error.forEach((l) => l(Object.assign(new Event('error'), { message }))),
    };
    made.push(w);
    return {
      postMessage: (m) => w.sent.push(m as WorkerRequest),
      addEventListener: ((type: 'message' | 'error', l: (e: never) => void) =>
        listeners[type].push(l as never)) as WorkerPort['addEventListener'],
      terminate: () => void (w.terminated = true),
    };
  };
  return { spawn, made };
}

const READY = (id: number): WorkerResponse => ({
  type: 'ready',
  id,
  backend: 'wasm',
  backendMs: 1,
  loadMs: 1,
  warmUpMs: 1,
  skipped: [],
  choice: 'only-candidate',
  timings: [],
  model: { timeSteps: 200, channels: 12, classNames: ['normal', 'abnormal'], params: 1, tfjsVersion: '4.22.0' },
});

describe('the inference client when its worker dies', () => {
  it('fails the explain in flight with a clear message, restarts the worker, reloads the models there, and the next job works', async () => {
    const f = workerFactory();
    const restarts: WorkerRestart[] = [];
    const reloaded: unknown[] = [];
    const client = createInferenceClient(f.spawn, {
      onRestart: (r) => restarts.push(r),
      onReloaded: (r) => reloaded.push(r),
    });
    const loading = client.load('http://x/model.json', { backend: 'wasm' });
    f.made[0].answer(READY(1));
    await loading;
    void client.loadExtra('cine3', 'http://x/cine3/model.json');
    f.made[0].answer({
      type: 'extra-ready',
      id: 2,
      key: 'cine3',
      model: { timeSteps: 200, channels: 3, classNames: ['n', 'a'], params: 1, tfjsVersion: '4.22.0' },
      loadMs: 1,
    });
    const job = client.explain('ig', new Float32Array(2400), 200, 12, { steps: 8 });

    client.crashForTest(); // worker.terminate() mid-explain: no answer will ever come from it
    await expect(job.result).rejects.toThrow(
      'the inference worker stopped during explain (terminated); it was restarted: try again',
    );
    await job.result.catch((e: InferenceFailure) => expect(e.detail.code).toBe('worker-failed'));
    expect(f.made[0].terminated).toBe(true);
    expect(restarts).toEqual([{ reason: 'terminated', failed: ['explain'], restarts: 1 }]);

    // The new worker is told the last load and extra model first, then gets the next job.
    expect(f.made).toHaveLength(2);
    expect(f.made[1].sent.map((m) => m.type)).toEqual(['load', 'load-extra']);
    expect(f.made[1].sent[0]).toMatchObject({ modelUrl: 'http://x/model.json', backend: 'wasm' });
    const reloadId = f.made[1].sent[0].id;
    f.made[1].answer(READY(reloadId));
    await Promise.resolve();
    expect(reloaded).toEqual([{ ready: READY(reloadId) }]);
    const next = client.explain('ig', new Float32Array(2400), 200, 12, { steps: 8 });
    expect(f.made[1].sent.at(-1)).toMatchObject({ type: 'explain', id: next.id });
    f.made[1].answer({
      type: 'explanation',
      id: next.id,
      method: 'ig',
      attributions: [new Float32Array(1), new Float32Array(1)],
      delta: [0, 0],
      logits: [0, 1],
      baselineLogits: [0, 0],
      params: {},
      backend: 'wasm',
      ms: 5,
    });
    await expect(next.result).resolves.toMatchObject({ type: 'explanation', backend: 'wasm' });
  });

  it('treats an error event like a crash; a late answer from the dead worker is ignored', async () => {
    const f = workerFactory();
    const client = createInferenceClient(f.spawn);
    const predicting = client.predict(new Float32Array(2400), 200, 12);
    f.made[0].crash('out of memory');
    await expect(predicting).rejects.toThrow(
      'the inference worker stopped during predict (out of memory); it was restarted: try again',
    );
    f.made[0].answer({
      type: 'prediction',
      id: 1,
      logits: [0, 1],
      pAbnormal: 0.7,
      label: 'abnormal',
      backend: 'cpu',
      ms: 1,
    }); // too late, from the old one
    const checking = client.check();
    f.made[1].answer({ type: 'checked', id: f.made[1].sent[0].id, backends: [] });
    await expect(checking).resolves.toEqual([]);
  });

  it('gives up after maxRestarts within the window, and says so instead of hanging', async () => {
    let t = 0;
    const f = workerFactory();
    const client = createInferenceClient(f.spawn, { maxRestarts: 2, restartWindowMs: 1000, now: () => t });
    for (let i = 0; i < 2; i++) {
      const c = client.check();
      f.made[i].crash('boom');
      await expect(c).rejects.toThrow('it was restarted');
      t += 10;
    }
    const c = client.check();
    f.made[2].crash('boom');
    await expect(c).rejects.toThrow(
      'the inference worker stopped during check (boom), 2 times within 1 s; it is not restarted again',
    );
    expect(f.made).toHaveLength(3);
    await expect(client.check()).rejects.toThrow('could not be restarted');
  });

  it('without a factory (a bare worker) a crash is final, as before', async () => {
    const f = workerFactory();
    const client = createInferenceClient(f.spawn());
    const c = client.check();
    f.made[0].crash('boom');
    await expect(c).rejects.toThrow('the inference worker stopped during check (boom)');
    expect(f.made).toHaveLength(1);
    await expect(client.check()).rejects.toMatchObject({ detail: { code: 'worker-failed' } });
  });
});
