import type { StateCreator } from 'zustand/vanilla';
import type { ExplainParams } from '../../core/xai/catalogue';
import type { FaithfulnessResult } from '../../worker/protocol';
import type { AppState } from './appStore';
import { type CaseExplanation, selectExplanation } from './explainSlice';

/** Deletion/insertion curves of one finished explanation (`of`), computed in the worker after it. */
export interface FaithfulnessEntry {
  of: CaseExplanation;
  /** The parameters the explanation ran with (the randomisation check explains again with the same ones). */
  params: ExplainParams;
  status: 'running' | 'done' | 'error' | 'cancelled';
  jobId?: number;
  result?: FaithfulnessResult;
  /** For the 12-lead model: the curves of the mapped Φd of eq. 2 (the 3D trajectory's colours) spread over the 12 leads. */
  mapped?: FaithfulnessResult;
  error?: string;
}

/** The model-randomisation check of one explanation: Spearman between its Φ and the Φ of a re-initialised model. */
export interface RandomisationEntry {
  of: CaseExplanation;
  status: 'loading' | 'running' | 'done' | 'error' | 'cancelled';
  jobId?: number;
  fraction?: number;
  spearman?: number | null;
  spearmanAbs?: number | null;
  seed: number;
  ms?: number;
  error?: string;
}

export interface FaithfulnessSlice {
  /** Per model and method ("ecg12:ig"), like `explanations`; an entry applies only while its `of` is on screen. */
  faithfulness: Partial<Record<string, FaithfulnessEntry>>;
  randomisation: Partial<Record<string, RandomisationEntry>>;
  faithfulnessSet: (key: string, entry: FaithfulnessEntry) => void;
  randomisationSet: (key: string, entry: RandomisationEntry) => void;
  /** A new case: the old case's curves and checks no longer apply. */
  faithfulnessCleared: () => void;
}

/** The key of an explanation's entries: its model and method. */
export const faithfulnessKey = (e: Pick<CaseExplanation, 'source' | 'method'>) => `${e.source}:${e.method}`;

export const createFaithfulnessSlice: StateCreator<AppState, [], [], FaithfulnessSlice> = (set, get) => ({
  faithfulness: {},
  randomisation: {},
  faithfulnessSet: (key, entry) => set({ faithfulness: { ...get().faithfulness, [key]: entry } }),
  randomisationSet: (key, entry) => set({ randomisation: { ...get().randomisation, [key]: entry } }),
  faithfulnessCleared: () => set({ faithfulness: {}, randomisation: {} }),
});

type FaithState = Parameters<typeof selectExplanation>[0] & Pick<AppState, 'faithfulness' | 'randomisation'>;

/** Derived: the curves of the explanation on screen (none for a provisional IG map or another run's). */
export function selectFaithfulness(s: FaithState): FaithfulnessEntry | null {
  const e = selectExplanation(s);
  const f = e && s.faithfulness[faithfulnessKey(e)];
  return f && f.of === e ? f : null;
}

/** Derived: the randomisation check of the explanation on screen. */
export function selectRandomisation(s: FaithState): RandomisationEntry | null {
  const e = selectExplanation(s);
  const r = e && s.randomisation[faithfulnessKey(e)];
  return r && r.of === e ? r : null;
}
