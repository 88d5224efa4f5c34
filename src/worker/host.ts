/**
 * The worker's message loop without the Worker: requests are handled one at a time in arrival order (so a
 * `predict` sent right after `load` waits for it); `cancel` is the exception, answered at once, and marks the
 * explain (or faithfulness) it names, which stops at its next batch. inference.worker.ts feeds it `self.onmessage`'s data; unit tests
 * feed it plain objects and read what it posts.
 */
import type { InferenceEngine } from './engine';
import { type WorkerRequest, type WorkerResponse, WorkerFailure, parseRequest, toWorkerError } from './protocol';
import { yieldToEventLoop } from './yield';

export interface WorkerHost {
  /** One message from the page (untyped: it crossed a structured-clone boundary). */
  receive(data: unknown): void;
  /** Resolves when every request received so far has been answered (tests). */
  idle(): Promise<void>;
}

export function createWorkerHost(
  engine: InferenceEngine,
  post: (m: WorkerResponse) => void,
  yieldBetweenBatches: () => Promise<void> = yieldToEventLoop,
): WorkerHost {
  /** Ids of explains (and faithfulness requests) asked to stop; `running` is the one in progress (for the `found` answer). */
  const cancelled = new Set<number>();
  const waiting = new Set<number>();
  let running: number | null = null;
  let queue: Promise<void> = Promise.resolve();

  async function handle(request: WorkerRequest): Promise<void> {
    const { id } = request;
    switch (request.type) {
      case 'check':
        return post({ type: 'checked', id, backends: await engine.check() });
      case 'load': {
        const ready = await engine.load(request.modelUrl, request.backend, (progress) =>
          post({ type: 'progress', id, progress }),
        );
        return post({ type: 'ready', id, ...ready });
      }
      case 'load-extra':
        return post({
          type: 'extra-ready',
          id,
          key: request.key,
          ...(await engine.loadExtra(request.key, request.modelUrl, request.randomiseSeed)),
        });
      case 'predict':
        return post({
          type: 'prediction',
          id,
          ...(await engine.predict(request.window, request.T, request.C, request.model)),
        });
      case 'explain': {
        running = id;
        // A macrotask between batches lets a `cancel` message in; the check then sees it.
        const shouldStop = async () => (await yieldBetweenBatches(), cancelled.has(id));
        try {
          const r = await engine.explain(
            request.method,
            request.window,
            request.T,
            request.C,
            request.params,
            (progress) => post({ type: 'progress', id, progress }),
            shouldStop,
            request.model,
          );
          return post({ type: 'explanation', id, ...r });
        } finally {
          running = null;
          cancelled.delete(id);
        }
      }
      case 'faithfulness': {
        running = id;
        const shouldStop = async () => (await yieldBetweenBatches(), cancelled.has(id));
        try {
          const r = await engine.faithfulness(
            request.window,
            request.importance,
            request.T,
            request.C,
            { steps: request.steps, targetClass: request.targetClass },
            shouldStop,
            request.model,
          );
          return post({ type: 'curves', id, ...r });
        } finally {
          running = null;
          cancelled.delete(id);
        }
      }
      case 'simulate-fault':
        engine.simulateFault(request.fault);
        return post({ type: 'fault-armed', id, fault: request.fault });
      case 'memory':
        return post({ type: 'memory', id, ...engine.memory() });
      case 'cancel':
        return; // answered out of turn in receive
      case 'dispose':
        engine.dispose();
        return post({ type: 'disposed', id });
    }
  }

  return {
    receive(data) {
      const parsed = parseRequest(data);
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
      // A fault is armed at once (like cancel), so a test can hit the explain that is running now.
      if (request.type === 'simulate-fault') {
        void handle(request).catch((e: unknown) => post({ type: 'error', id: request.id, error: toWorkerError(e) }));
        return;
      }
      if (request.type === 'explain' || request.type === 'faithfulness') waiting.add(request.id);
      queue = queue
        .then(() => {
          waiting.delete(request.id);
          if (cancelled.delete(request.id))
            throw new WorkerFailure('cancelled', `${request.type} was cancelled before it started`);
          return handle(request);
        })
        .catch((e: unknown) => post({ type: 'error', id: request.id, error: toWorkerError(e) }));
    },
    idle: () => queue,
  };
}
