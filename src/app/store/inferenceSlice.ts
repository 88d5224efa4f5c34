import type { StateCreator } from 'zustand/vanilla';
import type { AppModels } from '../../core/registry/app-models';
import type { ModelMeta } from '../../core/registry/model-meta';
import type { BackendName, BackendSupport, LoadProgress, ModelReady } from '../../worker/protocol';
import type { AppError } from '../errors/appError';
import type { ModelMetrics } from '../inference/modelMetrics';
import type { AppState } from './appStore';

/** The engine's state (worker, backend, the primary model): one status, so the panel shows loading, ready or why not. */
export type InferenceStatus = 'idle' | 'loading' | 'ready' | 'error';

/** The worker's session: the backend chosen for the primary model and how long starting took. */
export type LoadedModel = ModelReady;

export interface PredictionResult {
  pAbnormal: number;
  logits: [number, number];
  label: 'normal' | 'abnormal';
  backend: BackendName;
  ms: number;
  /** The case load (CaseSlice.caseRequest) whose window this is: a prediction never outlives its case. */
  caseRequest: number;
}

/**
 * One registered model (models/<id>/meta.json) in the app: the same fields for the primary model and every
 * companion, so a model added to models/index.json needs no code here.
 */
export interface ModelSlot {
  meta: ModelMeta;
  status: 'idle' | 'loading' | 'ready' | 'error';
  /** What the worker built (channels, parameters), once ready. */
  model: ModelReady['model'] | null;
  prediction: PredictionResult | null;
  error: AppError | null;
}

export interface InferenceSlice {
  /** The registry (models/index.json + meta.json), primary first; null until read. */
  appModels: AppModels | null;
  /** Per model id. */
  models: Record<string, ModelSlot>;
  inferenceStatus: InferenceStatus;
  /** What the worker's `check` found, by priority. */
  backends: BackendSupport[] | null;
  modelProgress: LoadProgress | null;
  loadedModel: LoadedModel | null;
  modelMetrics: ModelMetrics | null;
  inferenceError: AppError | null;

  registryLoaded: (models: AppModels) => void;
  modelLoadStarted: () => void;
  backendsChecked: (backends: BackendSupport[]) => void;
  modelLoadProgress: (progress: LoadProgress) => void;
  /** The primary model is ready on the worker's chosen backend (also after a worker restart). */
  modelLoaded: (model: LoadedModel) => void;
  modelMetricsLoaded: (metrics: ModelMetrics) => void;
  inferenceFailed: (error: AppError) => void;
  /** A companion model (loaded after the primary, on the same backend). */
  slotLoading: (id: string) => void;
  slotLoaded: (id: string, model: ModelReady['model']) => void;
  slotFailed: (id: string, error: AppError) => void;
  predictionDone: (id: string, prediction: PredictionResult) => void;
}

const emptySlot = (meta: ModelMeta): ModelSlot => ({
  meta,
  status: 'idle',
  model: null,
  prediction: null,
  error: null,
});

export const createInferenceSlice: StateCreator<AppState, [], [], InferenceSlice> = (set, get) => {
  const patchSlot = (id: string, patch: Partial<ModelSlot>) => {
    const slot = get().models[id];
    if (slot) set({ models: { ...get().models, [id]: { ...slot, ...patch } } });
  };
  return {
    appModels: null,
    models: {},
    inferenceStatus: 'idle',
    backends: null,
    modelProgress: null,
    loadedModel: null,
    modelMetrics: null,
    inferenceError: null,

    registryLoaded: (appModels) =>
      set({ appModels, models: Object.fromEntries(appModels.all.map((m) => [m.id, emptySlot(m)])) }),
    modelLoadStarted: () => {
      set({ inferenceStatus: 'loading', modelProgress: null, loadedModel: null, inferenceError: null });
      const primary = get().appModels?.primary;
      if (primary) patchSlot(primary.id, { status: 'loading', model: null, prediction: null, error: null });
    },
    backendsChecked: (backends) => set({ backends }),
    modelLoadProgress: (progress) => {
      if (get().inferenceStatus === 'loading') set({ modelProgress: progress });
    },
    modelLoaded: (loadedModel) => {
      set({ inferenceStatus: 'ready', loadedModel, modelProgress: null, inferenceError: null });
      const primary = get().appModels?.primary;
      if (primary) patchSlot(primary.id, { status: 'ready', model: loadedModel.model, error: null });
    },
    modelMetricsLoaded: (modelMetrics) => set({ modelMetrics }),
    inferenceFailed: (inferenceError) => set({ inferenceStatus: 'error', inferenceError }),
    slotLoading: (id) => patchSlot(id, { status: 'loading', model: null, prediction: null, error: null }),
    slotLoaded: (id, model) => patchSlot(id, { status: 'ready', model, error: null }),
    slotFailed: (id, error) => patchSlot(id, { status: 'error', error }),
    predictionDone: (id, prediction) => {
      if (prediction.caseRequest === get().caseRequest) patchSlot(id, { prediction });
    },
  };
};

type PredictionState = Pick<AppState, 'appModels' | 'models' | 'caseRequest' | 'caseStatus'>;

/** Derived: one model's prediction for the case now on screen, or null (still running, or for an older case). */
export function selectModelPrediction(s: PredictionState, id: string): PredictionResult | null {
  const p = s.models[id]?.prediction;
  return s.caseStatus === 'ready' && p && p.caseRequest === s.caseRequest ? p : null;
}

/** Derived: the primary model's prediction for the case on screen: the app's answer. */
export function selectPrediction(s: PredictionState): PredictionResult | null {
  return s.appModels ? selectModelPrediction(s, s.appModels.primary.id) : null;
}
