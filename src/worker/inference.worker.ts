/**
 * The inference worker: owns TF.js, the backend and the model; speaks src/worker/protocol.ts. A thin shell: the
 * queue and cancel logic are in host.ts (unit-tested without a Worker), the TF.js work in engine.ts.
 */
import { currentEnvironment, probeBackends } from './backends';
import { createEngine } from './engine';
import { createWorkerHost } from './host';
import { createModelFetcher } from './model-fetch';
import { type WorkerResponse, responseTransferables } from './protocol';
import { initBackend, loseDevice, watchBackend } from './tf-backends';

declare const self: DedicatedWorkerGlobalScope;

const models = createModelFetcher();
const engine = createEngine({
  probe: () => probeBackends(currentEnvironment()),
  initBackend,
  watchBackend,
  loseDevice,
  fetchModel: models.fetchModel,
  fetchBinary: models.fetchBinary,
  now: () => performance.now(),
});

const host = createWorkerHost(engine, (m: WorkerResponse) => self.postMessage(m, responseTransferables(m)));
self.onmessage = (event: MessageEvent<unknown>) => host.receive(event.data);
