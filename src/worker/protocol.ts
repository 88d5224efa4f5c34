/**
 * The typed messages between the app and the inference worker (the worker owns TF.js; no tensor crosses).
 *
 *   app → worker: check → load (download, then per backend: init, warm-up, measure) → predict | explain | faithfulness … → dispose
 *                 cancel (answered at once, out of turn: it stops the explain or faithfulness it names)
 *   worker → app: checked · progress* → ready · prediction · progress* → explanation · curves · cancelling · disposed · error
 *
 * Every request carries an `id`; every answer repeats it, so the client can match answers to promises.
 * Plain data only (structured clone); a predict's window is transferred, not copied.
 */

import type { FaithfulnessCurves } from '../core/eval/faithfulness';
import { CodedError } from '../core/errors';
import { EXPLAIN_METHODS, type ExplainMethod, type ExplainParams, isExplainMethod } from '../core/xai/catalogue';
import { parseExplainParams } from './explain-params';

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
  /** A model or reference file's SHA-256 differs from the one its meta.json records: nothing runs on it. */
  | 'model-integrity'
  /** predict before a successful load. */
  | 'not-ready'
  /** The window does not match the model's input shape. */
  | 'bad-input'
  /** The worker script itself failed (crashed or could not be loaded). */
  | 'worker-failed'
  /** An explain or faithfulness request stopped by a `cancel`. */
  | 'cancelled'
  /** The backend was lost (WebGPU device lost, WebGL context lost) and no other backend could take the job. */
  | 'backend-lost'
  /** Anything else thrown inside the worker. */
  | 'inference-failed';

export interface WorkerError {
  code: WorkerErrorCode;
  message: string;
}

/** Load progress, one union tagged by `status`; phases only move forward (see `progressFraction`). */
export type LoadProgress =
  | { status: 'download'; fraction: number }
  /** Backend `slot` of `slots` candidates (0-based): starting, warming up, being timed. */
  | { status: 'backend' | 'warm-up' | 'measure'; backend: BackendName; slot: number; slots: number };

/** An explanation's progress: the fraction of its model evaluations done, and the phase. */
export interface ExplainProgress {
  status: 'explain';
  method: ExplainMethod;
  fraction: number;
  phase: string;
  /** IG: provisional attributions (running mean over the noisy copies done so far) to draw while it refines. */
  partial?: PartialExplanation;
}

export interface PartialExplanation {
  attributions: [Float32Array, Float32Array];
  copiesDone: number;
  copies: number;
}

export type WorkerProgress = LoadProgress | ExplainProgress;

/** One backend's start-up measurement: the median time of one input gradient (or why it was not measured). */
export interface BackendTiming {
  backend: BackendName;
  /** Median wall time of one input-gradient evaluation of this model, ms; null when not measured. */
  gradientMs: number | null;
  note: string;
}

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
  /** A further model (e.g. the CineECG twin) on the backend `load` chose, under a key that predict/explain name. */
  /** With `randomiseSeed`, the loaded copy's weights are re-drawn (src/core/model/reinitialise.ts): the randomisation check's model. */
  | { type: 'load-extra'; id: number; key: string; modelUrl: string; randomiseSeed?: number }
  | { type: 'predict'; id: number; window: Float32Array; T: number; C: number; model?: string }
  | {
      type: 'explain';
      id: number;
      method: ExplainMethod;
      window: Float32Array;
      T: number;
      C: number;
      params: ExplainParams;
      model?: string;
    }
  /**
   * Deletion and insertion curves of one map (src/core/eval/faithfulness.ts): the 2(steps + 1) perturbed windows
   * run through the model in batches in the worker; cancellable like an explain.
   */
  | {
      type: 'faithfulness';
      id: number;
      window: Float32Array;
      importance: Float32Array;
      T: number;
      C: number;
      steps: number;
      targetClass: 0 | 1;
      model?: string;
    }
  | { type: 'cancel'; id: number; target: number }
  /** Tests: the running (or next) explain finds its backend lost at its next batch, as after a WebGPU device loss. */
  | { type: 'simulate-fault'; id: number; fault: SimulatedFault }
  /** TF.js's memory in the worker (the soak test checks that tensors do not grow from run to run). */
  | { type: 'memory'; id: number }
  | { type: 'dispose'; id: number };

/**
 * Faults a test can force inside the worker (answered at once, like cancel): `backend-lost` marks the active backend
 * lost; `device-lost` really loses it where it can (WebGPU `device.destroy()`, WebGL `WEBGL_lose_context`), so the
 * engine sees it through its watcher like a driver reset (on wasm and cpu it falls back to `backend-lost`).
 */
export const SIMULATED_FAULTS = ['backend-lost', 'device-lost'] as const;
export type SimulatedFault = (typeof SIMULATED_FAULTS)[number];

/** What `ready` reports about the loaded model; the store keeps exactly this. */
export interface ModelReady {
  backend: BackendName;
  /** Backend initialisation, model fetch + build, first (warm-up) prediction, in ms. */
  backendMs: number;
  loadMs: number;
  warmUpMs: number;
  /** Backends that failed to start, and why. */
  skipped: WorkerError[];
  /** How `backend` was chosen: asked for, the only candidate, or the fastest measured. */
  choice: 'requested' | 'only-candidate' | 'measured';
  /** The start-up measurements, in the order they ran (empty unless choice is 'measured'). */
  timings: BackendTiming[];
  model: ModelInfo;
}

export type WorkerResponse =
  | { type: 'checked'; id: number; backends: BackendSupport[] }
  | { type: 'progress'; id: number; progress: WorkerProgress }
  | ({ type: 'ready'; id: number } & ModelReady)
  | {
      type: 'prediction';
      id: number;
      logits: [number, number];
      pAbnormal: number;
      label: 'normal' | 'abnormal';
      backend: BackendName;
      ms: number;
    }
  | ({ type: 'explanation'; id: number } & ExplanationResult)
  | ({ type: 'curves'; id: number } & FaithfulnessResult)
  | { type: 'extra-ready'; id: number; key: string; model: ModelInfo; loadMs: number }
  | { type: 'cancelling'; id: number; target: number; found: boolean }
  | { type: 'fault-armed'; id: number; fault: SimulatedFault }
  | { type: 'memory'; id: number; numTensors: number; numBytes: number; backend: BackendName | null }
  | { type: 'disposed'; id: number }
  | { type: 'error'; id: number; error: WorkerError };

/** An explanation as it crosses back: A[k] as [T × C] typed arrays (transferred), with how it was computed. */
export interface ExplanationResult {
  method: ExplainMethod;
  attributions: [Float32Array, Float32Array];
  delta: [number, number];
  logits: [number, number];
  baselineLogits: [number, number];
  params: Record<string, unknown>;
  backend: BackendName;
  ms: number;
  /** Set when the backend the job started on was lost and the job was rerun from the start on the next one. */
  fallback?: BackendFallback;
}

/** A backend lost mid-job (WebGPU device lost, WebGL context lost) and the one the job finished on. */
export interface BackendFallback {
  from: BackendName;
  to: BackendName;
  reason: string;
}

/** A faithfulness answer: the core's curves and areas, with where and how long. */
export interface FaithfulnessResult extends FaithfulnessCurves {
  backend: BackendName;
  ms: number;
}

export type RequestType = WorkerRequest['type'];

/** The answer that ends each request (progress is not an end). */
export const FINAL_RESPONSE: { [K in RequestType]: WorkerResponse['type'] } = {
  check: 'checked',
  load: 'ready',
  'load-extra': 'extra-ready',
  predict: 'prediction',
  explain: 'explanation',
  faithfulness: 'curves',
  cancel: 'cancelling',
  'simulate-fault': 'fault-armed',
  memory: 'memory',
  dispose: 'disposed',
};

/** Buffers to transfer with a request: a window moves to the worker instead of being copied. */
export function transferablesOf(request: WorkerRequest): Transferable[] {
  if (request.type === 'faithfulness')
    return [request.window.buffer as ArrayBuffer, request.importance.buffer as ArrayBuffer];
  return request.type === 'predict' || request.type === 'explain' ? [request.window.buffer as ArrayBuffer] : [];
}

/** Buffers to transfer with a response: an explanation's attributions move to the page. */
export function responseTransferables(response: WorkerResponse): Transferable[] {
  if (response.type === 'explanation') return response.attributions.map((a) => a.buffer as ArrayBuffer);
  if (response.type === 'progress' && 'partial' in response.progress && response.progress.partial)
    return response.progress.partial.attributions.map((a) => a.buffer as ArrayBuffer);
  return [];
}

/** One overall fraction for the load's progress bar: download 0–70%, then each candidate backend's share of 70–100%. */
export function progressFraction(p: LoadProgress): number {
  const clamp = (x: number) => Math.min(1, Math.max(0, x));
  if (p.status === 'download') return 0.7 * clamp(p.fraction);
  const stage = { backend: 0, 'warm-up': 1 / 3, measure: 2 / 3 }[p.status];
  return 0.7 + 0.3 * clamp((p.slot + stage) / Math.max(1, p.slots));
}

const isInt = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x);

/**
 * Checks a message that arrived at the worker (untyped across the boundary). Returns the request, or the
 * error to answer with (id 0 when even the id is unreadable).
 */
export function parseRequest(
  data: unknown,
): { ok: true; request: WorkerRequest } | { ok: false; id: number; error: WorkerError } {
  const bad = (id: number, message: string) => ({
    ok: false as const,
    id,
    error: { code: 'bad-request' as const, message },
  });
  if (typeof data !== 'object' || data === null) return bad(0, 'expected an object message');
  const m = data as Record<string, unknown>;
  if (!isInt(m.id)) return bad(0, 'expected an integer "id"');
  const id = m.id;
  switch (m.type) {
    case 'check':
    case 'memory':
    case 'dispose':
      return { ok: true, request: { type: m.type, id } };
    case 'simulate-fault':
      if (!(SIMULATED_FAULTS as readonly unknown[]).includes(m.fault))
        return bad(
          id,
          `simulate-fault: unknown fault "${String(m.fault)}"; expected one of ${SIMULATED_FAULTS.join(', ')}`,
        );
      return { ok: true, request: { type: 'simulate-fault', id, fault: m.fault as SimulatedFault } };
    case 'cancel':
      if (!isInt(m.target)) return bad(id, 'cancel: expected an integer "target", the id of the explain to stop');
      return { ok: true, request: { type: 'cancel', id, target: m.target } };
    case 'explain': {
      if (!isExplainMethod(m.method))
        return bad(id, `explain: unknown method "${String(m.method)}"; expected one of ${EXPLAIN_METHODS.join(', ')}`);
      const w = checkWindow(m, 'explain');
      if (typeof w === 'string') return bad(id, w);
      const params = parseExplainParams(m.params);
      if (typeof params === 'string') return bad(id, `explain: ${params}`);
      const key = modelKey(m.model);
      if (key === null) return bad(id, 'explain: "model" must be a model key (letters, digits, dashes)');
      return { ok: true, request: { type: 'explain', id, method: m.method, ...w, params, ...(key && { model: key }) } };
    }
    case 'faithfulness': {
      const w = checkWindow(m, 'faithfulness');
      if (typeof w === 'string') return bad(id, w);
      if (!(m.importance instanceof Float32Array) || m.importance.length !== w.window.length)
        return bad(
          id,
          `faithfulness: expected "importance", a Float32Array of ${w.window.length} values like the window`,
        );
      if (!isInt(m.steps) || m.steps < 1 || m.steps > 200)
        return bad(id, 'faithfulness: expected "steps", an integer from 1 to 200');
      if (m.targetClass !== 0 && m.targetClass !== 1)
        return bad(id, 'faithfulness: expected "targetClass", 0 (normal) or 1 (abnormal)');
      const key = modelKey(m.model);
      if (key === null) return bad(id, 'faithfulness: "model" must be a model key (letters, digits, dashes)');
      return {
        ok: true,
        request: {
          type: 'faithfulness',
          id,
          ...w,
          importance: m.importance,
          steps: m.steps,
          targetClass: m.targetClass,
          ...(key && { model: key }),
        },
      };
    }
    case 'load': {
      if (typeof m.modelUrl !== 'string' || m.modelUrl === '')
        return bad(id, 'load: expected "modelUrl", a non-empty string');
      if (m.backend !== undefined && !isBackendName(m.backend)) {
        return bad(id, `load: unknown backend "${String(m.backend)}"; expected one of ${BACKEND_PRIORITY.join(', ')}`);
      }
      return {
        ok: true,
        request: { type: 'load', id, modelUrl: m.modelUrl, ...(m.backend ? { backend: m.backend } : {}) },
      };
    }
    case 'predict': {
      const w = checkWindow(m, 'predict');
      if (typeof w === 'string') return bad(id, w);
      const key = modelKey(m.model);
      if (key === null) return bad(id, 'predict: "model" must be a model key (letters, digits, dashes)');
      return { ok: true, request: { type: 'predict', id, ...w, ...(key && { model: key }) } };
    }
    case 'load-extra': {
      const key = modelKey(m.key);
      if (!key) return bad(id, 'load-extra: expected "key", a model key (letters, digits, dashes)');
      if (typeof m.modelUrl !== 'string' || m.modelUrl === '')
        return bad(id, 'load-extra: expected "modelUrl", a non-empty string');
      if (m.randomiseSeed !== undefined && (!isInt(m.randomiseSeed) || m.randomiseSeed < 0))
        return bad(id, 'load-extra: "randomiseSeed" must be a non-negative integer');
      return {
        ok: true,
        request: {
          type: 'load-extra',
          id,
          key,
          modelUrl: m.modelUrl,
          ...(m.randomiseSeed !== undefined && { randomiseSeed: m.randomiseSeed }),
        },
      };
    }
    default:
      return bad(
        id,
        `unknown message type "${String(m.type)}"; expected check, load, load-extra, predict, explain, faithfulness, cancel, simulate-fault, memory or dispose`,
      );
  }
}

/** undefined when absent (the main model), null when malformed. */
function modelKey(x: unknown): string | undefined | null {
  if (x === undefined) return undefined;
  return typeof x === 'string' && /^[a-z0-9-]{1,32}$/i.test(x) ? x : null;
}

function checkWindow(
  m: Record<string, unknown>,
  what: string,
): { window: Float32Array; T: number; C: number } | string {
  if (!(m.window instanceof Float32Array)) return `${what}: expected "window", a Float32Array`;
  if (!isInt(m.T) || !isInt(m.C) || m.T <= 0 || m.C <= 0) return `${what}: expected positive integers "T" and "C"`;
  if (m.window.length !== m.T * m.C) return `${what}: window has ${m.window.length} values, T × C = ${m.T * m.C}`;
  return { window: m.window, T: m.T, C: m.C };
}

/** Anything thrown → a WorkerError; a thrown WorkerFailure keeps its code. */
export class WorkerFailure extends CodedError<WorkerErrorCode> {
  constructor(code: WorkerErrorCode, message: string) {
    super(code, message);
    this.name = 'WorkerFailure';
  }
}

export function toWorkerError(e: unknown, fallback: WorkerErrorCode = 'inference-failed'): WorkerError {
  if (e instanceof WorkerFailure) return { code: e.code, message: e.message };
  if (e instanceof Error) return { code: fallback, message: e.message || e.name };
  return { code: fallback, message: String(e) };
}
