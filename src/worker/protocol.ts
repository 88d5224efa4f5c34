/**
 * The typed messages between the app and the inference worker (the worker owns TF.js; no tensor crosses).
 *
 *   app → worker: check → load (backend init, download, warm-up) → predict … → dispose
 *   worker → app: checked · progress* → ready · prediction · disposed · error
 *
 * Every request carries an `id`; every answer repeats it, so the client can match answers to promises.
 * Plain data only (structured clone); a predict's window is transferred, not copied.
 */

/** TF.js backends, fastest first: the worker uses the first that initialises unless one is asked for. */
export const BACKEND_PRIORITY = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKEND_PRIORITY)[number];

export function isBackendName(x: unknown): x is BackendName {
  return typeof x === 'string' && (BACKEND_PRIORITY as readonly string[]).includes(x);
}

/** What `check` found for one backend: `detail` is the adapter/renderer when available, the reason when not. */
export interface BackendSupport {
  backend: BackendName;
  available: boolean;
  detail: string;
  /** A software emulation of a GPU (SwiftShader, llvmpipe, a fallback adapter): slower than wasm for this model. */
  software?: boolean;
}

export type WorkerErrorCode =
  /** A message the worker does not understand (wrong type or fields). */
  | 'bad-request'
  /** The requested backend is not available or failed to initialise here. */
  | 'backend-unavailable'
  /** No backend at all initialised. */
  | 'no-backend'
  /** model.json or its weights could not be fetched or parsed. */
  | 'model-load'
  /** predict before a successful load. */
  | 'not-ready'
  /** The window does not match the model's input shape. */
  | 'bad-input'
  /** The worker script itself failed (crashed or could not be loaded). */
  | 'worker-failed'
  /** Anything else thrown inside the worker. */
  | 'inference-failed';

export interface WorkerError {
  code: WorkerErrorCode;
  message: string;
}

/** Load progress, one union tagged by `status`; phases only move forward (see `progressFraction`). */
export type LoadProgress =
  | { status: 'backend'; backend: BackendName }
  | { status: 'download'; fraction: number }
  | { status: 'warm-up'; backend: BackendName };

export interface ModelInfo {
  /** Input window: samples × channels. */
  timeSteps: number;
  channels: number;
  classNames: string[];
  params: number;
  tfjsVersion: string;
}

export type WorkerRequest =
  | { type: 'check'; id: number }
  | { type: 'load'; id: number; modelUrl: string; backend?: BackendName }
  | { type: 'predict'; id: number; window: Float32Array; T: number; C: number }
  | { type: 'dispose'; id: number };

/** What `ready` reports about the loaded model; the store keeps exactly this. */
export interface ModelReady {
  backend: BackendName;
  /** Backend initialisation, model fetch + build, first (warm-up) prediction, in ms. */
  backendMs: number;
  loadMs: number;
  warmUpMs: number;
  /** Backends tried before `backend` and why they failed. */
  skipped: WorkerError[];
  model: ModelInfo;
}

export type WorkerResponse =
  | { type: 'checked'; id: number; backends: BackendSupport[] }
  | { type: 'progress'; id: number; progress: LoadProgress }
  | ({ type: 'ready'; id: number } & ModelReady)
  | { type: 'prediction'; id: number; logits: [number, number]; pAbnormal: number; label: 'normal' | 'abnormal'; backend: BackendName; ms: number }
  | { type: 'disposed'; id: number }
  | { type: 'error'; id: number; error: WorkerError };

export type RequestType = WorkerRequest['type'];

/** The answer that ends each request (progress is not an end). */
export const FINAL_RESPONSE: { [K in RequestType]: WorkerResponse['type'] } = {
  check: 'checked',
  load: 'ready',
  predict: 'prediction',
  dispose: 'disposed',
};

/** Buffers to transfer with a request: a predict's window moves to the worker instead of being copied. */
export function transferablesOf(request: WorkerRequest): Transferable[] {
  return request.type === 'predict' ? [request.window.buffer as ArrayBuffer] : [];
}

/** One overall fraction for a progress bar: backend 0–5%, download 5–90%, warm-up 90–100%. */
export function progressFraction(p: LoadProgress): number {
  switch (p.status) {
    case 'backend':
      return 0;
    case 'download':
      return 0.05 + 0.85 * Math.min(1, Math.max(0, p.fraction));
    case 'warm-up':
      return 0.9;
  }
}

const isInt = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x);

/**
 * Checks a message that arrived at the worker (untyped across the boundary). Returns the request, or the
 * error to answer with (id 0 when even the id is unreadable).
 */
export function parseRequest(data: unknown): { ok: true; request: WorkerRequest } | { ok: false; id: number; error: WorkerError } {
  const bad = (id: number, message: string) => ({ ok: false as const, id, error: { code: 'bad-request' as const, message } });
  if (typeof data !== 'object' || data === null) return bad(0, 'expected an object message');
  const m = data as Record<string, unknown>;
  if (!isInt(m.id)) return bad(0, 'expected an integer "id"');
  const id = m.id;
  switch (m.type) {
    case 'check':
    case 'dispose':
      return { ok: true, request: { type: m.type, id } };
    case 'load': {
      if (typeof m.modelUrl !== 'string' || m.modelUrl === '') return bad(id, 'load: expected "modelUrl", a non-empty string');
      if (m.backend !== undefined && !isBackendName(m.backend)) {
        return bad(id, `load: unknown backend "${String(m.backend)}"; expected one of ${BACKEND_PRIORITY.join(', ')}`);
      }
      return { ok: true, request: { type: 'load', id, modelUrl: m.modelUrl, ...(m.backend ? { backend: m.backend } : {}) } };
    }
    case 'predict': {
      if (!(m.window instanceof Float32Array)) return bad(id, 'predict: expected "window", a Float32Array');
      if (!isInt(m.T) || !isInt(m.C) || m.T <= 0 || m.C <= 0) return bad(id, 'predict: expected positive integers "T" and "C"');
      if (m.window.length !== m.T * m.C) return bad(id, `predict: window has ${m.window.length} values, T × C = ${m.T * m.C}`);
      return { ok: true, request: { type: 'predict', id, window: m.window, T: m.T, C: m.C } };
    }
    default:
      return bad(id, `unknown message type "${String(m.type)}"; expected check, load, predict or dispose`);
  }
}

/** Anything thrown → a WorkerError; a thrown WorkerFailure keeps its code. */
export class WorkerFailure extends Error {
  readonly code: WorkerErrorCode;
  constructor(code: WorkerErrorCode, message: string) {
    super(message);
    this.name = 'WorkerFailure';
    this.code = code;
  }
}

export function toWorkerError(e: unknown, fallback: WorkerErrorCode = 'inference-failed'): WorkerError {
  if (e instanceof WorkerFailure) return { code: e.code, message: e.message };
  if (e instanceof Error) return { code: fallback, message: e.message || e.name };
  return { code: fallback, message: String(e) };
}
