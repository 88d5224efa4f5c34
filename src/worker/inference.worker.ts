/**
 * The inference worker: owns TF.js, the backend and the model; speaks src/worker/protocol.ts.
 * Requests are handled one at a time in arrival order, so a `predict` sent right after `load` waits for it.
 */
import { currentEnvironment, probeBackends } from './backends';
import { createEngine } from './engine';
import { type WorkerRequest, type WorkerResponse, parseRequest, toWorkerError } from './protocol';
import { initBackend, loadModelFromUrl } from './tf-backends';

declare const self: DedicatedWorkerGlobalScope;

const engine = createEngine({
  probe: () => probeBackends(currentEnvironment()),
  initBackend,
  loadModel: loadModelFromUrl,
  now: () => performance.now(),
});

const post = (m: WorkerResponse) => self.postMessage(m);

async function handle(request: WorkerRequest): Promise<void> {
  const { id } = request;
  switch (request.type) {
    case 'check':
      return post({ type: 'checked', id, backends: await engine.check() });
    case 'load': {
      const ready = await engine.load(request.modelUrl, request.backend, (progress) => post({ type: 'progress', id, progress }));
      return post({ type: 'ready', id, ...ready });
    }
    case 'predict':
      return post({ type: 'prediction', id, ...(await engine.predict(request.window, request.T, request.C)) });
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
  queue = queue.then(() => handle(request)).catch((e: unknown) => post({ type: 'error', id: request.id, error: toWorkerError(e) }));
};
