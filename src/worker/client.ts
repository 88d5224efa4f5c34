import { CodedError } from '../core/errors';
import type { ExplainMethod, ExplainParams } from '../core/xai/catalogue';
import {
  type BackendName,
  type BackendSupport,
  FINAL_RESPONSE,
  type ExplainProgress,
  type LoadProgress,
  type SimulatedFault,
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
export type CurvesResponse = Extract<WorkerResponse, { type: 'curves' }>;

/** A running explanation: its request id (what `cancel` takes) and its answer. */
export interface ExplainJob {
  id: number;
  result: Promise<ExplanationResponse>;
}

/** A running faithfulness request: its id (what `cancel` takes) and its curves. */
export interface FaithfulnessJob {
  id: number;
  result: Promise<CurvesResponse>;
}

export interface InferenceClient {
  check(): Promise<BackendSupport[]>;
  load(modelUrl: string, opts?: { backend?: BackendName; onProgress?: (p: LoadProgress) => void }): Promise<Ready>;
  /** The window is copied, then the copy is transferred: the caller's array stays usable. */
  predict(window: Float32Array, T: number, C: number, model?: string): Promise<PredictionResponse>;
  /** Loads a further model on the chosen backend (after `load`); `predict`/`explain` then take its key. `randomiseSeed` re-draws its weights. */
  loadExtra(key: string, modelUrl: string, randomiseSeed?: number): Promise<ExtraReady>;
  /** Attributions for a window; the window is copied like predict's. Progress arrives through `onProgress`. */
  explain(
    method: ExplainMethod,
    window: Float32Array,
    T: number,
    C: number,
    params: ExplainParams,
    onProgress?: (p: ExplainProgress) => void,
    model?: string,
  ): ExplainJob;
  /** Deletion/insertion curves of a map on a window, in the worker; both arrays are copied like predict's window. */
  faithfulness(
    window: Float32Array,
    importance: Float32Array,
    T: number,
    C: number,
    opts: { steps: number; targetClass: 0 | 1; model?: string },
  ): FaithfulnessJob;
  /** Asks the worker to stop explain (or faithfulness) `id`; that job then fails with code `cancelled`. Resolves whether it was found. */
  cancel(id: number): Promise<boolean>;
  /** Tests: arms a fault inside the worker (e.g. the backend is lost at the running explain's next batch). */
  simulateFault(fault: SimulatedFault): Promise<void>;
  /** TF.js's live tensors and bytes in the worker, answered after the requests before it (soak test). */
  memory(): Promise<{ numTensors: number; numBytes: number; backend: BackendName | null }>;
  /** Tests: `worker.terminate()` as if it had crashed; handled like a real crash (fail in-flight, restart). */
  crashForTest(): void;
  dispose(): Promise<void>;
  /** Stops the worker for good; pending requests fail with `worker-failed`. */
  terminate(): void;
}

interface Pending {
  type: WorkerRequest['type'];
  resolve: (r: WorkerResponse) => void;
  reject: (e: InferenceFailure) => void;
  onProgress?: (p: WorkerProgress) => void;
}

/** What the client tells its owner when it replaced a dead worker. */
export interface WorkerRestart {
  /** Why the old worker died (its error event's message, or "terminated"). */
  reason: string;
  /** The request types that were in flight and were reported failed. */
  failed: WorkerRequest['type'][];
  /** How many times the worker has been restarted so far. */
  restarts: number;
}

export interface InferenceClientOptions {
  /** Called after a dead worker was replaced and the model reload was sent to the new one. */
  onRestart?: (r: WorkerRestart) => void;
  /** The model reload on the new worker finished (its `ready`), or failed. */
  onReloaded?: (r: { ready: Ready } | { error: WorkerError }) => void;
  /** Restarts allowed within `restartWindowMs`: a worker that dies on start-up is not restarted for ever. */
  maxRestarts?: number;
  restartWindowMs?: number;
  now?: () => number;
}

/**
 * Promise-per-request over the worker protocol: answers are matched to requests by id.
 * Given a factory instead of a worker, a worker that dies (error event, or `crashForTest`) is replaced: every
 * request in flight fails at once with `worker-failed` (never hangs), the last `load` and `load-extra` are sent
 * to the new worker, and later requests queue behind them there.
 */
export function createInferenceClient(
  source: WorkerPort | (() => WorkerPort),
  opts: InferenceClientOptions = {},
): InferenceClient {
  const spawn = typeof source === 'function' ? source : null;
  const maxRestarts = opts.maxRestarts ?? 3;
  const windowMs = opts.restartWindowMs ?? 60_000;
  const now = opts.now ?? (() => Date.now());
  let nextId = 1;
  let dead: WorkerError | null = null;
  const pending = new Map<number, Pending>();
  const restartTimes: number[] = [];
  /** What a new worker must be told to be where the old one was: the model load and the extra models. */
  let lastLoad: Extract<WorkerRequest, { type: 'load' }> | null = null;
  const lastExtras = new Map<string, Extract<WorkerRequest, { type: 'load-extra' }>>();
  let worker: WorkerPort = spawn ? spawn() : (source as WorkerPort);

  const failAll = (error: WorkerError) => {
    const failed = [...pending.values()].map((p) => p.type);
    for (const p of pending.values()) p.reject(new InferenceFailure(error));
    pending.clear();
    return failed;
  };

  const onMessage = (from: WorkerPort) => (e: MessageEvent) => {
    if (from !== worker) return; // a late answer from a worker that was replaced
    const m = e.data as WorkerResponse;
    const p = pending.get(m.id);
    if (!p) return; // an answer to a request nobody waits for any more
    if (m.type === 'progress') return p.onProgress?.(m.progress);
    pending.delete(m.id);
    if (m.type === 'error') return p.reject(new InferenceFailure(m.error));
    if (m.type !== FINAL_RESPONSE[p.type]) {
      return p.reject(
        new InferenceFailure({ code: 'inference-failed', message: `worker answered ${p.type} with ${m.type}` }),
      );
    }
    p.resolve(m);
  };

  /** The worker died: fail what was in flight, then replace it (when we can) and bring the model back. */
  const died = (from: WorkerPort, reason: string) => {
    if (from !== worker || dead) return;
    safely(() => from.terminate());
    const t = now();
    while (restartTimes.length && t - restartTimes[0] > windowMs) restartTimes.shift();
    const canRestart = spawn !== null && restartTimes.length < maxRestarts;
    const inFlight = [...pending.values()].map((p) => p.type);
    const what = inFlight.length ? ` during ${[...new Set(inFlight)].join(', ')}` : '';
    const failed = failAll({
      code: 'worker-failed',
      message: canRestart
        ? `the inference worker stopped${what} (${reason}); it was restarted: try again`
        : `the inference worker stopped${what} (${reason})${spawn ? `, ${maxRestarts} times within ${Math.round(windowMs / 1000)} s; it is not restarted again` : ''}`,
    });
    if (!canRestart) {
      dead = { code: 'worker-failed', message: `the inference worker stopped (${reason}) and could not be restarted` };
      return;
    }
    restartTimes.push(t);
    worker = attach(spawn!());
    opts.onRestart?.({ reason, failed, restarts: restartTimes.length });
    if (lastLoad) {
      const reload = send<Ready>({ ...lastLoad, id: nextId++ }, undefined, false);
      for (const extra of lastExtras.values()) void send({ ...extra, id: nextId++ }, undefined, false).catch(() => {});
      reload.then(
        (ready) => opts.onReloaded?.({ ready }),
        (e: InferenceFailure) => opts.onReloaded?.({ error: e.detail }),
      );
    }
  };

  const attach = (w: WorkerPort): WorkerPort => {
    w.addEventListener('message', onMessage(w));
    w.addEventListener('error', (e: ErrorEvent | Event) => {
      died(w, 'message' in e && e.message ? e.message : 'the inference worker failed to start or crashed');
    });
    return w;
  };
  attach(worker);

  function send<R extends WorkerResponse>(
    request: WorkerRequest,
    onProgress?: (p: WorkerProgress) => void,
    remember = true,
  ): Promise<R> {
    if (dead) return Promise.reject(new InferenceFailure(dead));
    if (remember && request.type === 'load') {
      lastLoad = request;
      lastExtras.clear();
    }
    if (remember && request.type === 'load-extra') lastExtras.set(request.key, request);
    return new Promise<R>((resolve, reject) => {
      pending.set(request.id, {
        type: request.type,
        resolve: resolve as (r: WorkerResponse) => void,
        reject,
        onProgress,
      });
      worker.postMessage(request, transferablesOf(request));
    });
  }

  return {
    check: async () =>
      (await send<Extract<WorkerResponse, { type: 'checked' }>>({ type: 'check', id: nextId++ })).backends,
    load: (modelUrl, o = {}) =>
      send<Ready>({ type: 'load', id: nextId++, modelUrl, ...(o.backend ? { backend: o.backend } : {}) }, (p) => {
        if (p.status !== 'explain') o.onProgress?.(p);
      }),
    predict: (window, T, C, model) =>
      send<PredictionResponse>({
        type: 'predict',
        id: nextId++,
        window: window.slice(),
        T,
        C,
        ...(model && { model }),
      }),
    loadExtra: (key, modelUrl, randomiseSeed) =>
      send<ExtraReady>({
        type: 'load-extra',
        id: nextId++,
        key,
        modelUrl,
        ...(randomiseSeed !== undefined && { randomiseSeed }),
      }),
    explain: (method, window, T, C, params, onProgress, model) => {
      const id = nextId++;
      const result = send<ExplanationResponse>(
        { type: 'explain', id, method, window: window.slice(), T, C, params, ...(model && { model }) },
        (p) => {
          if (p.status === 'explain') onProgress?.(p);
        },
      );
      return { id, result };
    },
    faithfulness: (window, importance, T, C, { steps, targetClass, model }) => {
      const id = nextId++;
      return {
        id,
        result: send<CurvesResponse>({
          type: 'faithfulness',
          id,
          window: window.slice(),
          importance: importance.slice(),
          T,
          C,
          steps,
          targetClass,
          ...(model && { model }),
        }),
      };
    },
    cancel: async (id) =>
      (await send<Extract<WorkerResponse, { type: 'cancelling' }>>({ type: 'cancel', id: nextId++, target: id })).found,
    simulateFault: async (fault) => void (await send({ type: 'simulate-fault', id: nextId++, fault })),
    memory: async () => {
      const { numTensors, numBytes, backend } = await send<Extract<WorkerResponse, { type: 'memory' }>>({
        type: 'memory',
        id: nextId++,
      });
      return { numTensors, numBytes, backend };
    },
    crashForTest: () => {
      worker.terminate();
      died(worker, 'terminated');
    },
    dispose: async () => void (await send({ type: 'dispose', id: nextId++ })),
    terminate: () => {
      worker.terminate();
      dead = { code: 'worker-failed', message: 'the inference worker was stopped' };
      failAll(dead);
    },
  };
}

function safely(f: () => void): void {
  try {
    f();
  } catch {
    // terminating a worker that already died
  }
}

/** The real worker, bundled by Vite as its own module chunk (TF.js never loads on the main thread). */
export function spawnInferenceWorker(): Worker {
  return new Worker(new URL('./inference.worker.ts', import.meta.url), { type: 'module', name: 'inference' });
}
