/**
 * The inference worker: owns TF.js, the backend and the model; speaks src/worker/protocol.ts.
 * Requests are handled one at a time in arrival order, so a `predict` sent right after `load` waits for it.
 * `cancel` is the exception: it is answered at once and marks the explain it names, which stops at its next batch.
 */
import { currentEnvironment, probeBackends } from './backends';
import { createEngine } from './engine';
import { type WorkerRequest, type WorkerResponse, WorkerFailure, parseRequest, responseTransferables, toWorkerError } from './protocol';
import { createModelFetcher } from './model-fetch';
import { initBackend } from './tf-backends';
import { yieldToEventLoop } from './yield';

declare const self: DedicatedWorkerGlobalScope;

const models = createModelFetcher();
const engine = createEngine({
  probe: () => probeBackends(currentEnvironment()),
  initBackend,
  fetchModel: models.fetchModel,
  fetchBinary: models.fetchBinary,
  now: () => performance.now(),
});

const post = (m: WorkerResponse) => self.postMessage(m, responseTransferables(m));

/** Ids of explains asked to stop; `running` is the one in progress (for the `found` answer). */
const cancelled = new Set<number>();
const waiting = new Set<number>();
let running: number | null = null;

async function handle(request: WorkerRequest): Promise<void> {
  const { id } = request;
  switch (request.type) {
    case 'check':
      return post({ type: 'checked', id, backends: await engine.check() });
    case 'load': {
      const ready = await engine.load(request.modelUrl, request.backend, (progress) => post({ type: 'progress', id, progress }));
      return post({ type: 'ready', id, ...ready });
    }
    case 'load-extra':
      return post({ type: 'extra-ready', id, key: request.key, ...(await engine.loadExtra(request.key, request.modelUrl)) });
    case 'predict':
      return post({ type: 'prediction', id, ...(await engine.predict(request.window, request.T, request.C, request.model)) });
    case 'explain': {
      running = id;
      // A macrotask between batches lets a `cancel` message in; the check then sees it.
      const shouldStop = async () => (await yieldToEventLoop(), cancelled.has(id));
      try {
        const r = await engine.explain(request.method, request.window, request.T, request.C, request.params, (progress) => post({ type: 'progress', id, progress }), shouldStop, request.model);
        return post({ type: 'explanation', id, ...r });
      } finally {
        running = null;
        cancelled.delete(id);
      }
    }
    case 'cancel':
      return; // answered out of turn in onmessage
    case 'dispose':
      engine.dispose();
      return post({ type: 'disposed', id });
  }
}

let queue: Promise<void> = Promise.resolve();

self.onmessage = (event: MessageEvent<unknown>) => {
  const parsed = parseRequest(event.data);
  if (!parsed.ok) {
    post({ type: 'error', id: parsed.id, error: parsed.error });
    return;
  }
  const { request } = parsed;
  if (request.type === 'cancel') {
    const found = running === request.target || waiting.has(request.target);
    if (found) cancelled.add(request.target);
    post({ type: 'cancelling', id: request.id, target: request.target, found });
    return;
  }
  if (request.type === 'explain') waiting.add(request.id);
  queue = queue
    .then(() => {
      waiting.delete(request.id);
      if (cancelled.delete(request.id)) throw new WorkerFailure('cancelled', `${request.type} was cancelled before it started`);
      return handle(request);
    })
    .catch((e: unknown) => post({ type: 'error', id: request.id, error: toWorkerError(e) }));
};
