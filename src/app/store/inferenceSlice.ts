import type { StateCreator } from 'zustand/vanilla';
import type { BackendName, BackendSupport, LoadProgress, ModelReady } from '../../worker/protocol';
import type { AppError } from '../errors/appError';
import type { ModelMetrics } from '../inference/modelMetrics';
import type { AppState } from './appStore';

/** The model's state: one status, so the panel always shows loading, the result, or what went wrong. */
export type InferenceStatus = 'idle' | 'loading' | 'ready' | 'error';

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

/** The CineECG twin model (paper 3.4): loaded after the 12-lead model, on the same backend; optional. */
export interface TwinState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  model: ModelReady['model'] | null;
  prediction: PredictionResult | null;
  error: AppError | null;
}

export interface InferenceSlice {
  twin: TwinState;
  twinLoading: () => void;
  twinLoaded: (model: ModelReady['model']) => void;
  twinPredicted: (p: PredictionResult) => void;
  twinFailed: (error: AppError) => void;
  inferenceStatus: InferenceStatus;
  /** What the worker's `check` found, by priority. */
  backends: BackendSupport[] | null;
  modelProgress: LoadProgress | null;
  loadedModel: LoadedModel | null;
  modelMetrics: ModelMetrics | null;
  prediction: PredictionResult | null;
  inferenceError: AppError | null;

  modelLoadStarted: () => void;
  backendsChecked: (backends: BackendSupport[]) => void;
  modelLoadProgress: (progress: LoadProgress) => void;
  modelLoaded: (model: LoadedModel) => void;
  modelMetricsLoaded: (metrics: ModelMetrics) => void;
  predictionDone: (prediction: PredictionResult) => void;
  inferenceFailed: (error: AppError) => void;
}

export const createInferenceSlice: StateCreator<AppState, [], [], InferenceSlice> = (set, get) => ({
  twin: { status: 'idle', model: null, prediction: null, error: null },
  twinLoading: () => set({ twin: { status: 'loading', model: null, prediction: null, error: null } }),
  twinLoaded: (model) => set({ twin: { ...get().twin, status: 'ready', model } }),
  twinPredicted: (prediction) => {
    if (prediction.caseRequest === get().caseRequest) set({ twin: { ...get().twin, prediction } });
  },
  twinFailed: (error) => set({ twin: { ...get().twin, status: 'error', error } }),
  inferenceStatus: 'idle',
  backends: null,
  modelProgress: null,
  loadedModel: null,
  modelMetrics: null,
  prediction: null,
  inferenceError: null,

  modelLoadStarted: () =>
    set({ inferenceStatus: 'loading', modelProgress: null, loadedModel: null, prediction: null, inferenceError: null }),
  backendsChecked: (backends) => set({ backends }),
  modelLoadProgress: (modelProgress) => {
    if (get().inferenceStatus === 'loading') set({ modelProgress });
  },
  modelLoaded: (loadedModel) =>
    set({ inferenceStatus: 'ready', loadedModel, modelProgress: null, inferenceError: null }),
  modelMetricsLoaded: (modelMetrics) => set({ modelMetrics }),
  predictionDone: (prediction) => {
    if (prediction.caseRequest === get().caseRequest) set({ prediction });
  },
  inferenceFailed: (inferenceError) => set({ inferenceStatus: 'error', inferenceError }),
});

/** Derived: the twin model's prediction for the case on screen, or null. */
export function selectTwinPrediction(
  s: Pick<AppState, 'twin' | 'caseRequest' | 'caseStatus'>,
): PredictionResult | null {
  const p = s.twin.prediction;
  return s.caseStatus === 'ready' && p && p.caseRequest === s.caseRequest ? p : null;
}

/** Derived: the prediction for the case now on screen, or null (still running, or for an older case). */
export function selectPrediction(
  s: Pick<AppState, 'prediction' | 'caseRequest' | 'caseStatus'>,
): PredictionResult | null {
  return s.caseStatus === 'ready' && s.prediction && s.prediction.caseRequest === s.caseRequest ? s.prediction : null;
}
