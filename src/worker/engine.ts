import * as tf from '@tensorflow/tfjs';
import '../core/model/edge-pad'; // registers the custom layer before any model is deserialised
import { CLASS_NAMES } from '../core/model/resnet1d';
import { predictWindowsAsync } from '../core/model/predict';
import { backendOrder } from './backends';

import {
  type BackendName,
  type BackendSupport,
  type LoadProgress,
  type ModelInfo,
  type WorkerError,
  type WorkerResponse,
  WorkerFailure,
  toWorkerError,
} from './protocol';

/** The platform pieces the engine needs; the worker passes the browser's, tests pass Node's. */
export interface EngineDeps {
  probe(): Promise<BackendSupport[]>;
  /** Make `name` TF.js's active backend, or throw. */
  initBackend(name: BackendName): Promise<void>;
  /** Fetch and build the model; `onFraction` reports download progress in [0, 1]. */
  loadModel(url: string, onFraction: (fraction: number) => void): Promise<tf.LayersModel>;
  now(): number;
}

export type ReadyInfo = Omit<Extract<WorkerResponse, { type: 'ready' }>, 'type' | 'id'>;
export type PredictionInfo = Omit<Extract<WorkerResponse, { type: 'prediction' }>, 'type' | 'id'>;

export interface InferenceEngine {
  check(): Promise<BackendSupport[]>;
  load(modelUrl: string, requested: BackendName | undefined, onProgress: (p: LoadProgress) => void): Promise<ReadyInfo>;
  predict(window: Float32Array, T: number, C: number): Promise<PredictionInfo>;
  dispose(): void;
}


/**
 * Owns TF.js state inside the worker: the active backend and the loaded model. Every tensor it makes is
 * disposed before a call returns (predictWindows tidies; the model's weights go on dispose/reload).
 */
export function createEngine(deps: EngineDeps): InferenceEngine {
  let support: BackendSupport[] | null = null;
  let model: tf.LayersModel | null = null;
  let backend: BackendName | null = null;

  const check = async () => (support ??= await deps.probe());

  const dispose = () => {
    model?.dispose();
    model = null;
    backend = null;
  };

  return {
    check,

    async load(modelUrl, requested, onProgress) {
      dispose();
      const order = backendOrder(await check(), requested);
      const skipped: WorkerError[] = [];
      const t0 = deps.now();
      for (const name of order) {
        onProgress({ status: 'backend', backend: name });
        try {
          await deps.initBackend(name);
          backend = name;
          break;
        } catch (e) {
          skipped.push({ code: 'backend-unavailable', message: `${name}: ${toWorkerError(e).message}` });
        }
      }
      if (!backend) {
        const code = requested ? 'backend-unavailable' : 'no-backend';
        throw new WorkerFailure(code, `no backend initialised (${skipped.map((s) => s.message).join('; ')})`);
      }
      const t1 = deps.now();
      onProgress({ status: 'download', fraction: 0 }); // TF.js reports only finished shards; say the fetch began
      try {
        model = await deps.loadModel(modelUrl, (fraction) => onProgress({ status: 'download', fraction }));
      } catch (e) {
        throw new WorkerFailure('model-load', `could not load the model from ${modelUrl}: ${toWorkerError(e).message}`);
      }
      const t2 = deps.now();
      const info = modelInfo(model);
      onProgress({ status: 'warm-up', backend });
      // The first run compiles shaders / kernels; doing it now keeps the first real prediction honest.
      await predictWindowsAsync(model, [new Float32Array(info.timeSteps * info.channels)]);
      const t3 = deps.now();
      return { backend, backendMs: t1 - t0, loadMs: t2 - t1, warmUpMs: t3 - t2, skipped, model: info };
    },

    async predict(window, T, C) {
      if (!model || !backend) throw new WorkerFailure('not-ready', 'predict before a model was loaded');
      const [, mT, mC] = model.inputs[0].shape;
      if (T !== mT || C !== mC) throw new WorkerFailure('bad-input', `the model expects windows of ${mT} × ${mC}, got ${T} × ${C}`);
      const t0 = deps.now();
      const [p] = await predictWindowsAsync(model, [window]);
      const ms = deps.now() - t0;
      return { logits: p.logits, pAbnormal: p.pAbnormal, label: p.label, backend, ms };
    },

    dispose,
  };
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
