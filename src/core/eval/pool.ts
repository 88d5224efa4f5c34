/**
 * The optimisation pool of paper 4.1: every (case, expert) row is scored under every configuration
 * method × post-processing × source (agreement.ts); tables.ts then picks, per context, the configuration with the
 * best mean Dice. Several experts: each expert's marks are a separate row (the paper's two experts annotated the
 * same 20 cases; this keeps each expert's judgement intact rather than merging masks by a rule the paper does not
 * give). Rows of one case are therefore not independent; the tables say so.
 */
import { MODEL_FS_HZ, WINDOW_SAMPLES } from '../constants';
import { STANDARD_LEADS } from '../ecg/types';
import { type CohortAgreement, type CaseSweep, agreementFromSweeps, sweepCase } from './agreement';
import { EvalError } from './eval-error';
import { type AgreementCase, POST_PROCESSES } from './importance';
import {
  MODALITY_OF,
  POOL_METHODS,
  POOL_SOURCES,
  SOURCE_CHANNELS,
  type PoolCase,
  type PoolConfig,
  type PoolSource,
  configKey,
} from './pool-types';
import { segmentsToMask } from './protocol';
import { type AnnotationFile, TRAJECTORY_LEAD } from './study-format';

/** One expert's reading of one case, with its masks for both modalities. */
export interface EvalRow {
  /** `${caseId}|${expertId}`, unique per row. */
  key: string;
  caseId: string;
  expertId: string;
  case: PoolCase & { label: 'normal' | 'abnormal' };
  /** 12 per-lead masks (STANDARD_LEADS order) and the trajectory mask, each [T]. */
  masks: { '12-lead': Uint8Array[]; cinecg: Uint8Array };
}

export interface Skipped {
  caseId: string;
  expertId?: string;
  reason: string;
}

/** Pair every annotated case with its data; cases or annotations that cannot be evaluated are listed, not dropped silently. */
export function buildRows(
  cases: readonly PoolCase[],
  annotations: readonly AnnotationFile[],
  T = WINDOW_SAMPLES,
): { rows: EvalRow[]; skipped: Skipped[] } {
  const byId = new Map(cases.map((c) => [c.id, c]));
  const rows: EvalRow[] = [];
  const skipped: Skipped[] = [];
  const experts = new Set<string>();
  for (const file of annotations) {
    if (experts.has(file.expert.id))
      throw new EvalError('bad-input', `two annotation files are from expert "${file.expert.id}"`, 'expert.id');
    experts.add(file.expert.id);
    for (const a of file.cases) {
      const c = byId.get(a.caseId);
      if (!c) {
        skipped.push({ caseId: a.caseId, expertId: file.expert.id, reason: 'no such case in the study data' });
        continue;
      }
      if (!c.label) {
        skipped.push({
          caseId: a.caseId,
          expertId: file.expert.id,
          reason: 'the case has no ground-truth label (Φ′ needs it)',
        });
        continue;
      }
      rows.push({
        key: `${c.id}|${file.expert.id}`,
        caseId: c.id,
        expertId: file.expert.id,
        case: c as EvalRow['case'],
        masks: {
          '12-lead': segmentsToMask(
            a.segments.filter((s) => s.modality === '12-lead'),
            STANDARD_LEADS,
            T,
            MODEL_FS_HZ,
          ),
          cinecg: segmentsToMask(
            a.segments.filter((s) => s.modality === 'cinecg'),
            [TRAJECTORY_LEAD],
            T,
            MODEL_FS_HZ,
          )[0],
        },
      });
    }
  }
  return { rows, skipped };
}

/** A row as the agreement metrics see it under one source; undefined when the case has no Φ for that configuration. */
export function agreementCaseOf(
  row: EvalRow,
  method: PoolConfig['method'],
  source: PoolSource,
): AgreementCase | undefined {
  const phi = row.case.phi[method]?.[source];
  if (!phi) return undefined;
  const C = SOURCE_CHANNELS[source];
  const T = row.masks.cinecg.length;
  if (phi.length !== T * C) {
    throw new EvalError(
      'bad-input',
      `Φ of ${method} on ${source} has ${phi.length} values, expected ${T} × ${C}`,
      `cases[${row.caseId}].phi.${method}.${source}`,
    );
  }
  const channel = (c: number) => Float64Array.from({ length: T }, (_, t) => phi[t * C + c]);
  const channels =
    MODALITY_OF[source] === '12-lead'
      ? row.masks['12-lead'].map((mask, c) => ({ phi: channel(c), mask }))
      : Array.from({ length: C }, (_, c) => ({ phi: channel(c), mask: row.masks.cinecg }));
  return { id: row.key, label: row.case.label, channels };
}

export interface ConfigResult {
  config: PoolConfig;
  /** Cohort metrics over the rows that have Φ for this configuration; cases[i].id is a row key. */
  agreement: CohortAgreement;
  /** The rows in `agreement.cases` order. */
  rows: EvalRow[];
}

/** Every configuration of the pool, in a fixed order (method, then post-processing, then source). */
export function allConfigs(): PoolConfig[] {
  return POOL_METHODS.flatMap((method) =>
    POST_PROCESSES.flatMap((postprocess) => POOL_SOURCES.map((source) => ({ method, postprocess, source }))),
  );
}

/** Score every configuration that at least one row has Φ for. */
export function runPool(rows: readonly EvalRow[]): Map<string, ConfigResult> {
  const out = new Map<string, ConfigResult>();
  for (const config of allConfigs()) {
    const used: EvalRow[] = [];
    const sweeps: { id: string; sweep: CaseSweep | null }[] = [];
    for (const row of rows) {
      const ac = agreementCaseOf(row, config.method, config.source);
      if (!ac) continue;
      used.push(row);
      sweeps.push({ id: row.key, sweep: sweepCase(ac, config.postprocess) });
    }
    if (used.length > 0) out.set(configKey(config), { config, agreement: agreementFromSweeps(sweeps), rows: used });
  }
  return out;
}

/** The configuration with the highest mean Dice among those `keep` accepts (the first in pool order on ties). */
export function bestOf(results: Map<string, ConfigResult>, keep: (c: PoolConfig) => boolean): ConfigResult | null {
  let best: ConfigResult | null = null;
  for (const r of results.values()) {
    if (!keep(r.config) || r.agreement.meanDice === null) continue;
    if (!best || r.agreement.meanDice > best.agreement.meanDice!) best = r;
  }
  return best;
}
