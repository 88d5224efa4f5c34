/**
 * The whole evaluation of a study in one call, as `cli evaluate` prints it and the app shows it: the pool of every
 * configuration, Tables 1–5 (with the paper's numbers beside), inter-expert agreement, and pooled faithfulness.
 * Pure: the caller supplies Φ per case (PoolCase) and the parsed annotation files.
 */
import { BOOTSTRAP_RESAMPLES, THRESHOLD_STEP } from '../constants';
import { type InterExpertModality, interExpertAgreement } from './inter-expert';
import { type Skipped, buildRows, runPool } from './pool';
import {
  POOL_METHODS,
  POOL_METHOD_LABELS,
  POOL_SOURCES,
  SOURCE_LABELS,
  type Estimate,
  type PoolCase,
  type PoolConfig,
  type PoolTable,
} from './pool-types';
import type { AnnotationFile, Expert } from './study-format';
import { type PoolTableOptions, estimateOf, poolTables } from './tables';

export interface ConfigSummary extends PoolConfig {
  threshold: number | null;
  meanDice: number | null;
  meanIou: number | null;
  meanSpearman: number | null;
  /** Rows with marks in this configuration's modality (the evaluated ones). */
  evaluated: number;
}

export interface FaithfulnessRow {
  labels: string[];
  method: PoolConfig['method'];
  source: PoolConfig['source'];
  deletionAuc: Estimate;
  insertionAuc: Estimate;
}

export interface EvaluationReport {
  experts: Expert[];
  /** (case, expert) rows that entered the pool. */
  rows: number;
  skipped: Skipped[];
  configs: ConfigSummary[];
  tables: PoolTable[];
  interExpert: InterExpertModality[];
  /** Per method × source over cases (not rows: faithfulness does not depend on the expert). Empty when not computed. */
  faithfulness: FaithfulnessRow[];
  settings: { resamples: number; seed: number; confidence: number; thresholdStep: number; interval: 'BCa' };
}

export function evaluatePool(
  cases: readonly PoolCase[],
  annotations: readonly AnnotationFile[],
  o: PoolTableOptions,
): EvaluationReport {
  const { rows, skipped } = buildRows(cases, annotations);
  const results = runPool(rows);
  const configs = [...results.values()].map(({ config, agreement: a }): ConfigSummary => ({
    ...config,
    threshold: a.threshold,
    meanDice: a.meanDice,
    meanIou: a.meanIou,
    meanSpearman: a.meanSpearman,
    evaluated: a.cases.filter((c) => c.dice !== null).length,
  }));
  const faithfulness: FaithfulnessRow[] = [];
  for (const method of POOL_METHODS) {
    for (const source of POOL_SOURCES) {
      const f = cases.map((c) => c.faithfulness?.[method]?.[source]).filter((x) => x !== undefined);
      if (f.length === 0) continue;
      faithfulness.push({
        labels: [POOL_METHOD_LABELS[method], SOURCE_LABELS[source]],
        method,
        source,
        deletionAuc: estimateOf(
          f.map((x) => x.deletionAuc),
          o,
        ),
        insertionAuc: estimateOf(
          f.map((x) => x.insertionAuc),
          o,
        ),
      });
    }
  }
  return {
    experts: annotations.map((a) => a.expert),
    rows: rows.length,
    skipped,
    configs,
    tables: poolTables(results, o),
    interExpert: interExpertAgreement(annotations),
    faithfulness,
    settings: {
      resamples: o.resamples ?? BOOTSTRAP_RESAMPLES,
      seed: o.seed ?? 0,
      confidence: o.confidence ?? 0.95,
      thresholdStep: THRESHOLD_STEP,
      interval: 'BCa',
    },
  };
}
