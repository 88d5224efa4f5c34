import type { StateCreator } from 'zustand/vanilla';
import type { ExplainMethod, ExplainParams } from '../../core/xai/catalogue';
import type { BackendName, ExplanationResult, PartialExplanation } from '../../worker/protocol';
import type { AppError } from '../errors/appError';
import type { AppState } from './appStore';

export type ExplainStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

/** Which model is explained: a registered model's id (models/<id>/meta.json); the primary 12-lead one by default. */
export type ExplainSource = string;

const keyOf = (source: ExplainSource, method: ExplainMethod) => `${source}:${method}`;

/** An explanation for one case window, as the worker returned it. Φ and Φ_d are derived from it where drawn. */
export interface CaseExplanation extends ExplanationResult {
  caseRequest: number;
  source: ExplainSource;
  /** Set while IG refines: a provisional map over the noisy copies done so far (no delta, logits or timing yet). */
  refining?: { copiesDone: number; copies: number };
}

/** One finished run, for the timings table: which method, where, how long. */
export interface ExplainTiming {
  method: ExplainMethod;
  source: ExplainSource;
  backend: BackendName;
  ms: number;
  params: Record<string, unknown>;
}

export interface ExplainSlice {
  /** The method and overrides the user chose (empty = the paper's defaults). */
  explainMethod: ExplainMethod;
  /** The model chosen for explaining; null = the registry's primary model (see selectExplainSource). */
  explainSource: ExplainSource | null;
  explainParams: Record<ExplainMethod, ExplainParams>;
  explainStatus: ExplainStatus;
  /** The running job (worker request id, for cancel) and its progress. */
  explainJob: { id: number; method: ExplainMethod; caseRequest: number; source: ExplainSource } | null;
  explainProgress: { fraction: number; phase: string } | null;
  /** The latest explanation per model and method ("ecg12:ig") for the open case. */
  explanations: Partial<Record<string, CaseExplanation>>;
  explainTimings: ExplainTiming[];
  explainError: AppError | null;

  setExplainMethod: (method: ExplainMethod) => void;
  setExplainSource: (source: ExplainSource | null) => void;
  setExplainParams: (method: ExplainMethod, params: ExplainParams) => void;
  explainStarted: (job: { id: number; method: ExplainMethod; caseRequest: number; source: ExplainSource }) => void;
  explainProgressed: (id: number, fraction: number, phase: string) => void;
  /** A provisional map of the running job (IG's running mean), drawn until the final result replaces it. */
  explainRefining: (id: number, partial: PartialExplanation) => void;
  explainDone: (id: number, result: ExplanationResult) => void;
  explainStopped: (id: number, how: { cancelled: true } | { error: AppError }) => void;
  /** The job could not even start (e.g. no input could be built for that model). */
  explainRefused: (error: AppError) => void;
  /** A new case: explanations of the old one no longer apply. */
  explanationsCleared: () => void;
}

export const createExplainSlice: StateCreator<AppState, [], [], ExplainSlice> = (set, get) => ({
  explainMethod: 'ig',
  explainSource: null,
  explainParams: { ig: {}, gradshap: {}, kernelshap: {}, lime: {} },
  explainStatus: 'idle',
  explainJob: null,
  explainProgress: null,
  explanations: {},
  explainTimings: [],
  explainError: null,

  setExplainMethod: (explainMethod) => set({ explainMethod }),
  setExplainSource: (explainSource) => set({ explainSource }),
  setExplainParams: (method, params) => set({ explainParams: { ...get().explainParams, [method]: params } }),
  explainStarted: (explainJob) =>
    set({
      explainJob,
      explainStatus: 'running',
      explainProgress: { fraction: 0, phase: 'starting' },
      explainError: null,
    }),
  explainProgressed: (id, fraction, phase) => {
    const cur = get().explainProgress;
    // Progress only moves forward, whatever order messages are handled in.
    if (get().explainJob?.id === id && (!cur || fraction >= cur.fraction))
      set({ explainProgress: { fraction, phase } });
  },
  explainRefining: (id, partial) => {
    const job = get().explainJob;
    if (job?.id !== id) return;
    const provisional: CaseExplanation = {
      method: job.method,
      attributions: partial.attributions,
      delta: [Number.NaN, Number.NaN],
      logits: [Number.NaN, Number.NaN],
      baselineLogits: [Number.NaN, Number.NaN],
      params: {},
      backend: get().loadedModel?.backend ?? 'wasm',
      ms: Number.NaN,
      caseRequest: job.caseRequest,
      source: job.source,
      refining: { copiesDone: partial.copiesDone, copies: partial.copies },
    };
    set({ explanations: { ...get().explanations, [keyOf(job.source, job.method)]: provisional } });
  },
  explainDone: (id, result) => {
    const job = get().explainJob;
    if (job?.id !== id) return;
    const timing: ExplainTiming = {
      method: result.method,
      source: job.source,
      backend: result.backend,
      ms: result.ms,
      params: result.params,
    };
    set({
      explainJob: null,
      explainStatus: 'done',
      explainProgress: null,
      explanations: {
        ...get().explanations,
        [keyOf(job.source, result.method)]: { ...result, caseRequest: job.caseRequest, source: job.source },
      },
      explainTimings: [...get().explainTimings, timing],
    });
  },
  explainStopped: (id, how) => {
    if (get().explainJob?.id !== id) return;
    // A provisional map of a run that did not finish is not an explanation.
    const explanations = Object.fromEntries(Object.entries(get().explanations).filter(([, e]) => !e?.refining));
    set({
      explainJob: null,
      explainProgress: null,
      explanations,
      ...('error' in how ? { explainStatus: 'error', explainError: how.error } : { explainStatus: 'cancelled' }),
    });
  },
  explainRefused: (error) => {
    if (!get().explainJob) set({ explainStatus: 'error', explainError: error, explainProgress: null });
  },
  explanationsCleared: () => set({ explanations: {}, explainStatus: get().explainJob ? get().explainStatus : 'idle' }),
});

type ExplanationState = Pick<
  AppState,
  'explanations' | 'explainMethod' | 'explainSource' | 'caseRequest' | 'caseStatus' | 'appModels'
>;

/** Derived: the id of the model being explained (the chosen one, else the primary), or null before the registry. */
export function selectExplainSource(s: Pick<AppState, 'explainSource' | 'appModels'>): ExplainSource | null {
  const primary = s.appModels?.primary.id ?? null;
  // An id this build's registry does not have (an old or foreign link) explains the primary model.
  if (s.explainSource !== null && s.appModels && !s.appModels.all.some((m) => m.id === s.explainSource)) return primary;
  return s.explainSource ?? primary;
}

/** Derived: the explanation of the chosen method and model for the case on screen, or null. */
export function selectExplanation(s: ExplanationState): CaseExplanation | null {
  return selectExplanationOf(s, selectExplainSource(s));
}

/** Derived: the chosen method's explanation of one model (the 3D view shows two side by side). */
export function selectExplanationOf(s: ExplanationState, source: ExplainSource | null): CaseExplanation | null {
  if (source === null) return null;
  const e = s.explanations[keyOf(source, s.explainMethod)];
  return s.caseStatus === 'ready' && e && e.caseRequest === s.caseRequest ? e : null;
}
