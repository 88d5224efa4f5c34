import { CodedError } from '../core/errors';
import type { ExplainMethod, ExplainParams } from '../core/xai/catalogue';
import {
  type BackendName,
  type BackendSupport,
  FINAL_RESPONSE,
  type ExplainProgress,
  type LoadProgress,
  type WorkerError,
  type WorkerErrorCode,
  type WorkerProgress,
  type WorkerRequest,
  type WorkerResponse,
  transferablesOf,
} from './protocol';

/** What the client needs of a Worker; a fake in tests. */
export interface WorkerPort {
  postMessage(message: unknown, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (e: MessageEvent) => void): void;
  addEventListener(type: 'error', listener: (e: ErrorEvent | Event) => void): void;
  terminate(): void;
}

/** A request the worker answered with an error; carries the worker's {code, message}. */
export class InferenceFailure extends CodedError<WorkerErrorCode> {
  readonly detail: WorkerError;
  constructor(detail: WorkerError) {
    super(detail.code, detail.message);
    this.name = 'InferenceFailure';
    this.detail = detail;
  }
}

export type Ready = Extract<WorkerResponse, { type: 'ready' }>;
export type PredictionResponse = Extract<WorkerResponse, { type: 'prediction' }>;
export type ExplanationResponse = Extract<WorkerResponse, { type: 'explanation' }>;
export type ExtraReady = Extract<WorkerResponse, { type: 'extra-ready' }>;

/** A running explanation: its request id (what `cancel` takes) and its answer. */
export interface ExplainJob {
  id: number;
  result: Promise<ExplanationResponse>;
}

export interface InferenceClient {
  check(): Promise<BackendSupport[]>;
  load(modelUrl: string, opts?: { backend?: BackendName; onProgress?: (p: LoadProgress) => void }): Promise<Ready>;
  /** The window is copied, then the copy is transferred: the caller's array stays usable. */
  predict(window: Float32Array, T: number, C: number, model?: string): Promise<PredictionResponse>;
  /** Loads a further model on the chosen backend (after `load`); `predict`/`explain` then take its key. */
  loadExtra(key: string, modelUrl: string): Promise<ExtraReady>;
  /** Attributions for a window; the window is copied like predict's. Progress arrives through `onProgress`. */
  explain(method: ExplainMethod, window: Float32Array, T: number, C: number, params: ExplainParams, onProgress?: (p: ExplainProgress) => void, model?: string): ExplainJob;
  /** Asks the worker to stop explain `id`; that job then fails with code `cancelled`. Resolves whether it was found. */
  cancel(id: number): Promise<boolean>;
  dispose(): Promise<void>;
  /** Stops the worker; pending requests fail with `worker-failed`. */
  terminate(): void;
}

interface Pending {
  type: WorkerRequest['type'];
  resolve: (r: WorkerResponse) => void;
  reject: (e: InferenceFailure) => void;
  onProgress?: (p: WorkerProgress) => void;
}

/** Promise-per-request over the worker protocol: answers are matched to requests by id. */
export function createInferenceClient(worker: WorkerPort): InferenceClient {
  let nextId = 1;
  let dead: WorkerError | null = null;
  const pending = new Map<number, Pending>();

  const failAll = (error: WorkerError) => {
    dead = error;
    for (const p of pending.values()) p.reject(new InferenceFailure(error));
    pending.clear();
  };

  worker.addEventListener('message', (e: MessageEvent) => {
    const m = e.data as WorkerResponse;
    const p = pending.get(m.id);
    if (!p) return; // an answer to a request nobody waits for any more
    if (m.type === 'progress') return p.onProgress?.(m.progress);
    pending.delete(m.id);
    if (m.type === 'error') return p.reject(new InferenceFailure(m.error));
    if (m.type !== FINAL_RESPONSE[p.type]) {
      return p.reject(new InferenceFailure({ code: 'inference-failed', message: `worker answered ${p.type} with ${m.type}` }));
    }
    p.resolve(m);
  });
  worker.addEventListener('error', (e: ErrorEvent | Event) => {
    const message = 'message' in e && e.message ? e.message : 'the inference worker failed to start or crashed';
    failAll({ code: 'worker-failed', message });
  });

  function send<R extends WorkerResponse>(request: WorkerRequest, onProgress?: (p: WorkerProgress) => void): Promise<R> {
    if (dead) return Promise.reject(new InferenceFailure(dead));
    return new Promise<R>((resolve, reject) => {
      pending.set(request.id, { type: request.type, resolve: resolve as (r: WorkerResponse) => void, reject, onProgress });
      worker.postMessage(request, transferablesOf(request));
    });
  }

  return {
    check: async () => (await send<Extract<WorkerResponse, { type: 'checked' }>>({ type: 'check', id: nextId++ })).backends,
    load: (modelUrl, opts = {}) =>
      send<Ready>({ type: 'load', id: nextId++, modelUrl, ...(opts.backend ? { backend: opts.backend } : {}) }, (p) => {
        if (p.status !== 'explain') opts.onProgress?.(p);
      }),
    predict: (window, T, C, model) => send<PredictionResponse>({ type: 'predict', id: nextId++, window: window.slice(), T, C, ...(model && { model }) }),
    loadExtra: (key, modelUrl) => send<ExtraReady>({ type: 'load-extra', id: nextId++, key, modelUrl }),
    explain: (method, window, T, C, params, onProgress, model) => {
      const id = nextId++;
      const result = send<ExplanationResponse>({ type: 'explain', id, method, window: window.slice(), T, C, params, ...(model && { model }) }, (p) => {
        if (p.status === 'explain') onProgress?.(p);
      });
      return { id, result };
    },
    cancel: async (id) => (await send<Extract<WorkerResponse, { type: 'cancelling' }>>({ type: 'cancel', id: nextId++, target: id })).found,
    dispose: async () => void (await send({ type: 'dispose', id: nextId++ })),
    terminate: () => {
      worker.terminate();
      failAll({ code: 'worker-failed', message: 'the inference worker was stopped' });
    },
  };
}

/** The real worker, bundled by Vite as its own module chunk (TF.js never loads on the main thread). */
export function spawnInferenceWorker(): Worker {
  return new Worker(new URL('./inference.worker.ts', import.meta.url), { type: 'module', name: 'inference' });
}
