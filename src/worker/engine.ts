import * as tf from '@tensorflow/tfjs';
import '../core/model/edge-pad'; // registers the custom layer before any model is deserialised
import { modelFromFiles, type ModelFiles } from '../core/model/io';
import { IntegrityError } from '../core/registry/integrity';
import { CLASS_NAMES } from '../core/model/resnet1d';
import { predictWindowsAsync } from '../core/model/predict';
import { explainWindow, splitWindows, type ExplainMethod, type ExplainParams } from '../core/xai/methods';
import { Cancelled, type StopCheck } from '../core/xai/types';
import { chooseBackend } from './choose-backend';
import {
  type BackendName,
  type BackendSupport,
  type ExplainProgress,
  type ExplanationResult,
  type LoadProgress,
  type ModelInfo,
  type WorkerResponse,
  WorkerFailure,
  toWorkerError,
} from './protocol';

/** The platform pieces the engine needs; the worker passes the browser's, tests pass Node's. */
export interface EngineDeps {
  probe(): Promise<BackendSupport[]>;
  /** Make `name` TF.js's active backend, or throw. */
  initBackend(name: BackendName): Promise<void>;
  /** Fetch model.json and its weight shards; `onFraction` reports download progress in [0, 1]. */
  fetchModel(url: string, onFraction: (fraction: number) => void): Promise<ModelFiles>;
  /** Fetch a binary file (Gradient SHAP's reference windows). */
  fetchBinary(url: string): Promise<ArrayBuffer>;
  now(): number;
}

export type ReadyInfo = Omit<Extract<WorkerResponse, { type: 'ready' }>, 'type' | 'id'>;
export type PredictionInfo = Omit<Extract<WorkerResponse, { type: 'prediction' }>, 'type' | 'id'>;

export interface InferenceEngine {
  check(): Promise<BackendSupport[]>;
  load(modelUrl: string, requested: BackendName | undefined, onProgress: (p: LoadProgress) => void): Promise<ReadyInfo>;
  /** Loads another model (e.g. the CineECG twin) on the backend `load` chose; predict/explain name it by `key`. */
  loadExtra(key: string, modelUrl: string): Promise<{ model: ModelInfo; loadMs: number }>;
  predict(window: Float32Array, T: number, C: number, key?: string): Promise<PredictionInfo>;
  explain(method: ExplainMethod, window: Float32Array, T: number, C: number, params: ExplainParams, onProgress: (p: ExplainProgress) => void, shouldStop?: StopCheck, key?: string): Promise<ExplanationResult>;
  dispose(): void;
}

/**
 * Model evaluations per batch when the caller sets none: small on the plain-JS backend so a cancel lands quickly;
 * 100 on wasm (two IG copies per batch: measured 2.6–2.8 ms CPU per input gradient against 3.2 at 50, no gain past 200).
 */
const DEFAULT_BATCH: Record<BackendName, number> = { webgpu: 50, webgl: 50, wasm: 100, cpu: 8 };

/** Provisional IG maps are posted at most this often after the first (which goes out at once). */
const PARTIAL_EVERY_MS = 1000;
/**
 * After posting a provisional map the worker waits this long before its next batch, so the page draws it on a free
 * core: on a 2-core machine without a GPU, redraws while the worker computed took 100–130 ms frames, against ~70 ms
 * when it was idle (e2e/explain.spec.ts, long animation frames). At most ~6 pauses: < 1 s on IG's paper budget.
 */
const PARTIAL_PAUSE_MS = 150;

/**
 * Owns TF.js state inside the worker: the active backend and the loaded model. Every tensor it makes is
 * disposed before a call returns (the core functions tidy; the model's weights go on dispose/reload).
 */
export function createEngine(deps: EngineDeps): InferenceEngine {
  let support: BackendSupport[] | null = null;
  let model: tf.LayersModel | null = null;
  let backend: BackendName | null = null;
  let modelUrl = '';
  /** Gradient SHAP's reference windows per model URL (each model has its own, beside its model.json). */
  const references = new Map<string, Promise<Float32Array>>();
  const extras = new Map<string, { model: tf.LayersModel; url: string }>();

  const check = async () => (support ??= await deps.probe());

  const dispose = () => {
    model?.dispose();
    for (const e of extras.values()) e.model.dispose();
    extras.clear();
    model = null;
    backend = null;
    references.clear();
  };

  const ready = (T: number, C: number, key?: string) => {
    if (!model || !backend) throw new WorkerFailure('not-ready', 'the model is not loaded yet');
    const extra = key === undefined ? null : extras.get(key);
    if (key !== undefined && !extra) throw new WorkerFailure('not-ready', `no model "${key}" is loaded`);
    const m = extra?.model ?? model;
    const [, mT, mC] = m.inputs[0].shape;
    if (T !== mT || C !== mC) throw new WorkerFailure('bad-input', `the model expects windows of ${mT} × ${mC}, got ${T} × ${C}`);
    return { model: m, backend, url: extra?.url ?? modelUrl };
  };

  return {
    check,

    async load(url, requested, onProgress) {
      dispose();
      modelUrl = url;
      const t0 = deps.now();
      onProgress({ status: 'download', fraction: 0 }); // TF.js-style loaders report only finished shards; say the fetch began
      let files: ModelFiles;
      try {
        files = await deps.fetchModel(url, (fraction) => onProgress({ status: 'download', fraction }));
      } catch (e) {
        throw loadFailure(url, e);
      }
      const chosen = await chooseBackend({ support: await check(), requested, files, deps, onProgress });
      model = chosen.model;
      backend = chosen.backend;
      const loadMs = deps.now() - t0 - chosen.backendMs - chosen.warmUpMs - chosen.measureMs;
      return {
        backend, backendMs: chosen.backendMs, loadMs, warmUpMs: chosen.warmUpMs,
        skipped: chosen.skipped, choice: chosen.choice, timings: chosen.timings, model: modelInfo(model),
      };
    },

    async loadExtra(key, url) {
      if (!model || !backend) throw new WorkerFailure('not-ready', 'load the main model first');
      const t0 = deps.now();
      let m: tf.LayersModel;
      try {
        m = await buildModel(await deps.fetchModel(url, () => {}));
      } catch (e) {
        throw loadFailure(url, e);
      }
      const info = modelInfo(m);
      await predictWindowsAsync(m, [new Float32Array(info.timeSteps * info.channels)]); // warm-up
      extras.get(key)?.model.dispose();
      extras.set(key, { model: m, url });
      return { model: info, loadMs: deps.now() - t0 };
    },

    async predict(window, T, C, key) {
      const r = ready(T, C, key);
      const t0 = deps.now();
      const [p] = await predictWindowsAsync(r.model, [window]);
      return { logits: p.logits, pAbnormal: p.pAbnormal, label: p.label, backend: r.backend, ms: deps.now() - t0 };
    },

    async explain(method, window, T, C, params, onProgress, shouldStop, key) {
      const r = ready(T, C, key);
      let refs: Float32Array[] | undefined;
      if (method === 'gradshap') {
        if (!references.has(r.url)) references.set(r.url, deps.fetchBinary(r.url.replace(/[^/]*$/, 'reference-normals.bin')).then((b) => new Float32Array(b)));
        try {
          refs = splitWindows(await references.get(r.url)!, T, C);
        } catch (e) {
          references.delete(r.url);
          if (e instanceof IntegrityError) throw new WorkerFailure('model-integrity', `Gradient SHAP's reference windows were not used: ${e.message}`);
          throw new WorkerFailure('model-load', `Gradient SHAP's reference windows could not be loaded: ${toWorkerError(e).message}`);
        }
      }
      const t0 = deps.now();
      try {
        let lastFraction = 0;
        let lastPartialAt = -Infinity;
        let lastPartialCopies = 0.5;
        let pauseUntil = 0;
        const pauseThenCheck = async (): Promise<boolean> => {
          const wait = pauseUntil - deps.now();
          if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
          return (await shouldStop?.()) ?? false;
        };
        const e = await explainWindow(r.model, method, window, { batchSize: DEFAULT_BATCH[r.backend], ...params }, {
          references: refs,
          onProgress: (fraction, phase) => onProgress({ status: 'explain', method, fraction: (lastFraction = fraction), phase }),
          shouldStop: pauseThenCheck,
          // Provisional maps when the copies done double (1, 2, 4, 8 … of 40: the noise halves each time) and at least
          // PARTIAL_EVERY_MS apart, so at most ~6 redraws of grid, map and heart; none for the last copy: the final
          // result follows immediately.
          onPartial: (partial) => {
            const now = deps.now();
            if (partial.copiesDone === partial.copies || partial.copiesDone < 2 * lastPartialCopies || now - lastPartialAt < PARTIAL_EVERY_MS) return;
            lastPartialAt = now;
            lastPartialCopies = partial.copiesDone;
            pauseUntil = now + PARTIAL_PAUSE_MS;
            onProgress({ status: 'explain', method, fraction: lastFraction, phase: `refining (${partial.copiesDone} of ${partial.copies} noisy copies)`, partial });
          },
        });
        return { method, attributions: e.attributions, delta: e.delta, logits: e.logits, baselineLogits: e.baselineLogits, params: e.params, backend: r.backend, ms: deps.now() - t0 };
      } catch (e) {
        if (e instanceof Cancelled) throw new WorkerFailure('cancelled', `${method} was cancelled`);
        throw e;
      }
    },

    dispose,
  };
}

/** A failed model fetch as the app sees it: a digest mismatch gets its own code, so the message says what happened. */
function loadFailure(url: string, e: unknown): WorkerFailure {
  if (e instanceof IntegrityError) return new WorkerFailure('model-integrity', `the model from ${url} was not loaded: ${e.message}`);
  return new WorkerFailure('model-load', `could not load the model from ${url}: ${toWorkerError(e).message}`);
}

/** Builds the model from fetched files on the active backend. */
export function buildModel(files: ModelFiles): Promise<tf.LayersModel> {
  return modelFromFiles(files);
}

function modelInfo(model: tf.LayersModel): ModelInfo {
  const [, timeSteps, channels] = model.inputs[0].shape;
  if (typeof timeSteps !== 'number' || typeof channels !== 'number') {
    throw new WorkerFailure('model-load', `the model's input shape [${model.inputs[0].shape.join(', ')}] is not [batch, time, channels]`);
  }
  const meta = model.getUserDefinedMetadata() as { classNames?: unknown } | undefined;
  const classNames = Array.isArray(meta?.classNames) ? meta.classNames.map(String) : [...CLASS_NAMES];
  return { timeSteps, channels, classNames, params: model.countParams(), tfjsVersion: tf.version.tfjs };
}
