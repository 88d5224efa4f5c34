import * as tf from '@tensorflow/tfjs';
import '../core/model/edge-pad'; // registers the custom layer before any model is deserialised
import { deletionInsertion } from '../core/eval/faithfulness';
import { modelFromFiles, type ModelFiles } from '../core/model/io';
import { reinitialiseWeights } from '../core/model/reinitialise';
import { IntegrityError } from '../core/registry/integrity';
import { CLASS_NAMES } from '../core/model/resnet1d';
import { predictWindowsAsync } from '../core/model/predict';
import { explainWindow, splitWindows, type ExplainMethod, type ExplainParams } from '../core/xai/methods';
import { Cancelled, type StopCheck } from '../core/xai/types';
import { BackendLost, fallbackOrder } from './backend-fallback';
import { chooseBackend } from './choose-backend';
import {
  type BackendFallback,
  type BackendName,
  type BackendSupport,
  type ExplainProgress,
  type ExplanationResult,
  type FaithfulnessResult,
  type LoadProgress,
  type ModelInfo,
  type SimulatedFault,
  type WorkerResponse,
  WorkerFailure,
  toWorkerError,
} from './protocol';

/** The platform pieces the engine needs; the worker passes the browser's, tests pass Node's. */
export interface EngineDeps {
  probe(): Promise<BackendSupport[]>;
  /** Make `name` TF.js's active backend, or throw. */
  initBackend(name: BackendName): Promise<void>;
  /**
   * Calls `onLost(reason)` if the active backend `name` stops working (WebGPU device lost, WebGL context lost);
   * returns a function that stops watching. Absent: losses are only seen through simulateFault.
   */
  watchBackend?(name: BackendName, onLost: (reason: string) => void): () => void;
  /** Tests: really lose the active GPU backend's device; false when `name` has none to lose. */
  loseDevice?(name: BackendName): boolean;
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
  /** With `randomiseSeed` its weights are re-drawn (the model-randomisation check's model). */
  loadExtra(key: string, modelUrl: string, randomiseSeed?: number): Promise<{ model: ModelInfo; loadMs: number }>;
  predict(window: Float32Array, T: number, C: number, key?: string): Promise<PredictionInfo>;
  explain(
    method: ExplainMethod,
    window: Float32Array,
    T: number,
    C: number,
    params: ExplainParams,
    onProgress: (p: ExplainProgress) => void,
    shouldStop?: StopCheck,
    key?: string,
  ): Promise<ExplanationResult>;
  /** Deletion and insertion curves of `importance` (core deletionInsertion), the model run in batches; stops between batches. */
  faithfulness(
    window: Float32Array,
    importance: Float32Array,
    T: number,
    C: number,
    opts: { steps: number; targetClass: 0 | 1 },
    shouldStop?: StopCheck,
    key?: string,
  ): Promise<FaithfulnessResult>;
  /** TF.js's live tensors and bytes, and the active backend (the soak test reads them between runs). */
  memory(): { numTensors: number; numBytes: number; backend: BackendName | null };
  /** Tests: behave as if the active backend were lost now (the running or next job moves to the next backend). */
  simulateFault(fault: SimulatedFault): void;
  dispose(): void;
}

/**
 * Model evaluations per batch when the caller sets none: small on the plain-JS backend so a cancel lands quickly;
 * 100 on wasm (two IG copies per batch: measured 2.6–2.8 ms CPU per input gradient against 3.2 at 50, no gain past 200).
 */
const DEFAULT_BATCH: Record<BackendName, number> = { webgpu: 50, webgl: 50, wasm: 100, cpu: 8 };

/** How long an error on a GPU backend waits for that backend's loss event before it counts as an ordinary failure. */
const LOSS_EVENT_GRACE_MS = 250;

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
  const extras = new Map<string, { model: tf.LayersModel; url: string; files: ModelFiles; randomiseSeed?: number }>();
  /** The main model's files, kept so the model can be rebuilt on another backend after a loss. */
  let mainFiles: ModelFiles | null = null;
  /** Why the active backend stopped working (null while it works), and every backend lost so far. */
  let lostReason: string | null = null;
  const lostBackends = new Set<BackendName>();
  let unwatch = () => {};

  const watch = (name: BackendName) => {
    unwatch();
    lostReason = null;
    unwatch =
      deps.watchBackend?.(name, (reason) => {
        if (backend === name) lostReason = reason;
      }) ?? (() => {});
  };

  /** Moves the main model and the extras to the next backend that starts; throws backend-lost when none does. */
  const moveOn = async (from: BackendName, reason: string): Promise<BackendName> => {
    lostBackends.add(from);
    const tried: string[] = [];
    for (const next of fallbackOrder(support, from, lostBackends)) {
      try {
        // The old backend's models may not even dispose cleanly on a lost device; they are dropped either way.
        for (const m of [model, ...[...extras.values()].map((e) => e.model)]) safely(() => m?.dispose());
        model = null;
        await deps.initBackend(next);
        model = await buildModel(mainFiles!);
        for (const [key, e] of extras) extras.set(key, { ...e, model: await buildExtra(e.files, e.randomiseSeed) });
        backend = next;
        watch(next);
        return next;
      } catch (e) {
        lostBackends.add(next);
        tried.push(`${next}: ${toWorkerError(e).message}`);
      }
    }
    throw new WorkerFailure(
      'backend-lost',
      `the ${from} backend was lost (${reason}) and no other backend could take over${tried.length ? ` (${tried.join('; ')})` : ''}`,
    );
  };

  const check = async () => (support ??= await deps.probe());

  const dispose = () => {
    unwatch();
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
    if (T !== mT || C !== mC)
      throw new WorkerFailure('bad-input', `the model expects windows of ${mT} × ${mC}, got ${T} × ${C}`);
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
      mainFiles = files;
      lostBackends.clear();
      watch(backend);
      const loadMs = deps.now() - t0 - chosen.backendMs - chosen.warmUpMs - chosen.measureMs;
      return {
        backend,
        backendMs: chosen.backendMs,
        loadMs,
        warmUpMs: chosen.warmUpMs,
        skipped: chosen.skipped,
        choice: chosen.choice,
        timings: chosen.timings,
        model: modelInfo(model),
      };
    },

    async loadExtra(key, url, randomiseSeed) {
      if (!model || !backend) throw new WorkerFailure('not-ready', 'load the main model first');
      const t0 = deps.now();
      let m: tf.LayersModel;
      let files: ModelFiles;
      try {
        files = await deps.fetchModel(url, () => {});
        m = await buildExtra(files, randomiseSeed);
      } catch (e) {
        throw loadFailure(url, e);
      }
      const info = modelInfo(m);
      await predictWindowsAsync(m, [new Float32Array(info.timeSteps * info.channels)]); // warm-up
      extras.get(key)?.model.dispose();
      extras.set(key, { model: m, url, files, randomiseSeed });
      return { model: info, loadMs: deps.now() - t0 };
    },

    async predict(window, T, C, key) {
      // A prediction is short: on a lost backend it simply runs again on the next one (the result names it).
      return withFallback(
        async () => {
          if (lostReason !== null && backend) throw new BackendLost(backend, lostReason);
          const r = ready(T, C, key);
          const t0 = deps.now();
          const [p] = await predictWindowsAsync(r.model, [window]);
          return { logits: p.logits, pAbnormal: p.pAbnormal, label: p.label, backend: r.backend, ms: deps.now() - t0 };
        },
        () => {},
      );
    },

    async explain(method, window, T, C, params, onProgress, shouldStop, key) {
      let fallback: BackendFallback | undefined;
      const result = await withFallback(
        () => explainOnce(method, window, T, C, params, onProgress, shouldStop, key),
        (moved) => {
          fallback = { ...moved, from: fallback?.from ?? moved.from };
          onProgress({
            status: 'explain',
            method,
            fraction: 0,
            phase: `the ${moved.from} backend was lost (${moved.reason}); rerunning on ${moved.to}`,
          });
        },
      );
      return fallback ? { ...result, fallback } : result;
    },

    async faithfulness(window, importance, T, C, opts, shouldStop, key) {
      // Many short forward passes: on a lost backend the curves are recomputed from the start on the next one.
      return withFallback(
        async () => {
          const r = ready(T, C, key);
          const t0 = deps.now();
          const batch = DEFAULT_BATCH[r.backend];
          const curves = await deletionInsertion(
            async (inputs) => {
              const out: number[][] = [];
              for (let i = 0; i < inputs.length; i += batch) {
                if (await shouldStop?.())
                  throw new WorkerFailure('cancelled', 'the faithfulness curves were cancelled');
                if (lostReason !== null) throw new BackendLost(r.backend, lostReason);
                for (const p of await predictWindowsAsync(r.model, inputs.slice(i, i + batch))) out.push(p.logits);
              }
              return out;
            },
            window,
            importance,
            opts,
          );
          return { ...curves, backend: r.backend, ms: deps.now() - t0 };
        },
        () => {},
      );
    },

    memory() {
      const m = tf.memory();
      return { numTensors: m.numTensors, numBytes: m.numBytes, backend };
    },

    simulateFault(fault) {
      if (!backend) return;
      if (fault === 'device-lost' && deps.loseDevice?.(backend)) return; // the watcher reports it
      lostReason = `simulated ${backend} device loss (test hook)`;
    },

    dispose,
  };

  /** Runs `job`; if the backend is lost meanwhile, moves to the next backend and runs it again from the start. */
  async function withFallback<T>(job: () => Promise<T>, onMoved: (f: BackendFallback) => void): Promise<T> {
    for (;;) {
      const from = backend;
      try {
        return await job();
      } catch (e) {
        if (e instanceof WorkerFailure && e.code === 'cancelled') throw e;
        // A loss shows up as BackendLost between batches, or as whatever the dead backend threw mid-batch; in the
        // latter case its loss event (device.lost, webglcontextlost) may still be on its way.
        if (from && !(e instanceof BackendLost) && lostReason === null && (from === 'webgpu' || from === 'webgl'))
          await new Promise((r) => setTimeout(r, LOSS_EVENT_GRACE_MS));
        if (!from || (!(e instanceof BackendLost) && lostReason === null)) throw e;
        const reason = e instanceof BackendLost ? e.message : lostReason!;
        onMoved({ from, to: await moveOn(from, reason), reason });
      }
    }
  }

  async function explainOnce(
    ...[method, window, T, C, params, onProgress, shouldStop, key]: Parameters<InferenceEngine['explain']>
  ): Promise<ExplanationResult> {
    const r = ready(T, C, key);
    let refs: Float32Array[] | undefined;
    if (method === 'gradshap') {
      if (!references.has(r.url))
        references.set(
          r.url,
          deps.fetchBinary(r.url.replace(/[^/]*$/, 'reference-normals.bin')).then((b) => new Float32Array(b)),
        );
      try {
        refs = splitWindows(await references.get(r.url)!, T, C);
      } catch (e) {
        references.delete(r.url);
        if (e instanceof IntegrityError)
          throw new WorkerFailure('model-integrity', `Gradient SHAP's reference windows were not used: ${e.message}`);
        throw new WorkerFailure(
          'model-load',
          `Gradient SHAP's reference windows could not be loaded: ${toWorkerError(e).message}`,
        );
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
        const stop = (await shouldStop?.()) ?? false;
        if (lostReason !== null) throw new BackendLost(r.backend, lostReason);
        return stop;
      };
      const e = await explainWindow(
        r.model,
        method,
        window,
        { batchSize: DEFAULT_BATCH[r.backend], ...params },
        {
          references: refs,
          onProgress: (fraction, phase) =>
            onProgress({ status: 'explain', method, fraction: (lastFraction = fraction), phase }),
          shouldStop: pauseThenCheck,
          // Provisional maps when the copies done double (1, 2, 4, 8 … of 40: the noise halves each time) and at least
          // PARTIAL_EVERY_MS apart, so at most ~6 redraws of grid, map and heart; none for the last copy: the final
          // result follows immediately.
          onPartial: (partial) => {
            const now = deps.now();
            if (
              partial.copiesDone === partial.copies ||
              partial.copiesDone < 2 * lastPartialCopies ||
              now - lastPartialAt < PARTIAL_EVERY_MS
            )
              return;
            lastPartialAt = now;
            lastPartialCopies = partial.copiesDone;
            pauseUntil = now + PARTIAL_PAUSE_MS;
            onProgress({
              status: 'explain',
              method,
              fraction: lastFraction,
              phase: `refining (${partial.copiesDone} of ${partial.copies} noisy copies)`,
              partial,
            });
          },
        },
      );
      return {
        method,
        attributions: e.attributions,
        delta: e.delta,
        logits: e.logits,
        baselineLogits: e.baselineLogits,
        params: e.params,
        backend: r.backend,
        ms: deps.now() - t0,
      };
    } catch (e) {
      if (e instanceof Cancelled) throw new WorkerFailure('cancelled', `${method} was cancelled`);
      throw e;
    }
  }
}

function safely(f: () => void): void {
  try {
    f();
  } catch {
    // a lost GPU backend may refuse even to free its buffers
  }
}

/** An extra model (the twin, or the randomisation check's copy with `randomiseSeed`) on the active backend. */
async function buildExtra(files: ModelFiles, randomiseSeed?: number): Promise<tf.LayersModel> {
  const m = await buildModel(files);
  if (randomiseSeed !== undefined) reinitialiseWeights(m, randomiseSeed);
  return m;
}

/** A failed model fetch as the app sees it: a digest mismatch gets its own code, so the message says what happened. */
function loadFailure(url: string, e: unknown): WorkerFailure {
  if (e instanceof IntegrityError)
    return new WorkerFailure('model-integrity', `the model from ${url} was not loaded: ${e.message}`);
  return new WorkerFailure('model-load', `could not load the model from ${url}: ${toWorkerError(e).message}`);
}

/** Builds the model from fetched files on the active backend. */
export function buildModel(files: ModelFiles): Promise<tf.LayersModel> {
  return modelFromFiles(files);
}

function modelInfo(model: tf.LayersModel): ModelInfo {
  const [, timeSteps, channels] = model.inputs[0].shape;
  if (typeof timeSteps !== 'number' || typeof channels !== 'number') {
    throw new WorkerFailure(
      'model-load',
      `the model's input shape [${model.inputs[0].shape.join(', ')}] is not [batch, time, channels]`,
    );
  }
  const meta = model.getUserDefinedMetadata() as { classNames?: unknown } | undefined;
  const classNames = Array.isArray(meta?.classNames) ? meta.classNames.map(String) : [...CLASS_NAMES];
  return { timeSteps, channels, classNames, params: model.countParams(), tfjsVersion: tf.version.tfjs };
}
