/**
 * Plain-data input and output of the optimisation pool (paper 4.1). The app and `cli evaluate` fill PoolCase from
 * whatever computed the attributions; nothing here knows about TF.js.
 */
import type { ModelInputKind } from '../registry/model-meta';
import type { PostProcess } from './importance';
import type { PaperRow } from './paper-tables';
import type { CaseLabel } from './study-format';

/** The attribution methods of paper 3.3 (same short names as src/core/xai/methods.ts, kept here TF-free). */
export const POOL_METHODS = ['ig', 'gradshap', 'kernelshap', 'lime'] as const;
export type PoolMethod = (typeof POOL_METHODS)[number];
export const POOL_METHOD_LABELS: Record<PoolMethod, string> = {
  ig: 'Integrated Grad.',
  gradshap: 'Gradient SHAP',
  kernelshap: 'Kernel SHAP',
  lime: 'LIME',
};

/**
 * Where Φ comes from (paper 4.1 "primary data representation"):
 * '12-lead' Φ of the 12-lead model, [T × 12] time-major, judged against the expert's 12-lead marks;
 * 'cinecg-model' Φ of the CineECG model, [T × 3] (x, y, z), judged against the trajectory marks (the expert marks
 *   time on the trajectory, so the same time mask applies to all three axes);
 * 'mapped' Φ_d of eq. 2 from the 12-lead Φ, [T], judged against the trajectory marks.
 */
export const POOL_SOURCES = ['12-lead', 'cinecg-model', 'mapped'] as const;
export type PoolSource = (typeof POOL_SOURCES)[number];
export const SOURCE_CHANNELS: Record<PoolSource, number> = { '12-lead': 12, 'cinecg-model': 3, mapped: 1 };
export const SOURCE_LABELS: Record<PoolSource, string> = {
  '12-lead': '12-Lead Attr.',
  'cinecg-model': 'CineECG Attr.',
  mapped: '12-Lead (Mapped)',
};

/** The modality a source is judged in: the 12-lead signal, or the CineECG signal (trajectory). */
export type PoolModality = '12-lead' | 'cinecg';
export const MODALITY_OF: Record<PoolSource, PoolModality> = {
  '12-lead': '12-lead',
  'cinecg-model': 'cinecg',
  mapped: 'cinecg',
};
export const MODALITY_LABELS: Record<PoolModality, string> = { cinecg: 'CineECG Signal', '12-lead': '12-Lead Signal' };
/**
 * The input kind of the model whose prediction a source's attributions explain (for the model–label agreement
 * strata); PoolModelIds says which registered model that is in a given evaluation.
 */
export const MODEL_OF: Record<PoolSource, ModelInputKind> = {
  '12-lead': '12-lead',
  'cinecg-model': 'cinecg',
  mapped: '12-lead',
};

/**
 * The registered model (its id in models/index.json, the key of PoolCase.pAbnormal) that reads each input kind in
 * an evaluation: the primary model for '12-lead', the registry's CineECG model for 'cinecg' (pool-models.ts).
 */
export type PoolModelIds = Record<ModelInputKind, string>;

export interface PoolCase {
  id: string;
  /** Ground truth; a case without one cannot be evaluated (Φ′ needs it) and is reported as skipped. */
  label?: CaseLabel;
  diagnosis?: string;
  /** P(abnormal) of each model on this case's window, by model id (≥ 0.5 = predicted abnormal). */
  pAbnormal: Partial<Record<string, number>>;
  /** Φ per method and source; missing entries are configurations this case does not enter. */
  phi: Partial<Record<PoolMethod, Partial<Record<PoolSource, ArrayLike<number>>>>>;
  /** Optional faithfulness areas per method and source (see faithfulness.ts), pooled in their own table. */
  faithfulness?: Partial<
    Record<PoolMethod, Partial<Record<PoolSource, { deletionAuc: number; insertionAuc: number }>>>
  >;
}

export interface PoolConfig {
  method: PoolMethod;
  postprocess: PostProcess;
  source: PoolSource;
}

export const configKey = (c: PoolConfig) => `${c.method}/${c.postprocess}/${c.source}`;

/** A mean with its bootstrap interval; n = the values it averages (nulls left out). */
export interface Estimate {
  mean: number | null;
  low: number | null;
  high: number | null;
  n: number;
}

export interface TableRow {
  /** Row headings as the paper lays them out (e.g. ["CineECG Signal", "Abnormal"]). */
  labels: string[];
  /** The paper's own row with these labels (paper-tables.ts), when it printed one. */
  paper?: PaperRow;
  config: PoolConfig;
  threshold: number | null;
  dice: Estimate;
  iou: Estimate;
  spearman: Estimate;
}

export interface PoolTable {
  id: 'table1' | 'table2' | 'table3' | 'table4' | 'table5';
  title: string;
  columns: string[];
  rows: TableRow[];
  note: string;
}
