/**
 * Tables 1–5 of the paper (4.2–4.5) from the scored pool: per context the configuration with the best mean Dice,
 * then the cohort means of Dice, IoU and Spearman's ρ over that configuration's rows at its θ*, with BCa intervals
 * (2000 resamples, seeded, resampling rows). Stratified rows (Table 2) keep the configuration and θ* chosen for the
 * whole cohort and average over the rows of the stratum.
 */
import { BOOTSTRAP_RESAMPLES } from '../constants';
import { bootstrapMean } from './bootstrap';
import { paperRow } from './paper-tables';
import { POST_PROCESSES, type PostProcess } from './importance';
import { type ConfigResult, type EvalRow, bestOf } from './pool';
import {
  MODALITY_LABELS,
  MODALITY_OF,
  MODEL_OF,
  POOL_METHOD_LABELS,
  SOURCE_LABELS,
  type Estimate,
  type PoolModality,
  type PoolModelIds,
  type PoolTable,
  type TableRow,
} from './pool-types';

export interface TableOptions {
  resamples?: number;
  seed?: number;
  confidence?: number;
}

/** What Tables 1–5 need beyond the intervals' settings: whose P(abnormal) each source's agreement strata read. */
export interface PoolTableOptions extends TableOptions {
  modelIds: PoolModelIds;
}

const PP_LABELS: Record<PostProcess, string> = { absolute: 'Absolute', positive: 'Positive', scaled: 'Scaled' };
const METRIC_COLUMNS = ['Dice Score', 'IoU Score', 'Spearman Cor.'];
const NOTE =
  'Values are means over (case, expert) rows with 95% BCa bootstrap intervals (rows resampled; two experts on one case are not independent).';

/** Mean and BCa interval of the non-null values; the interval is null below 2 values. */
export function estimateOf(values: readonly (number | null)[], o: TableOptions = {}): Estimate {
  const v = values.filter((x): x is number => x !== null);
  if (v.length === 0) return { mean: null, low: null, high: null, n: 0 };
  const mean = v.reduce((a, b) => a + b, 0) / v.length;
  if (v.length < 2) return { mean, low: null, high: null, n: 1 };
  const ci = bootstrapMean(v, {
    method: 'bca',
    resamples: o.resamples ?? BOOTSTRAP_RESAMPLES,
    confidence: o.confidence,
    seed: o.seed ?? 0,
  });
  return { mean, low: ci.low, high: ci.high, n: v.length };
}

/** A table row from a configuration's results, over the rows `keep` accepts (all by default). */
export function tableRow(
  tableId: PoolTable['id'],
  labels: string[],
  r: ConfigResult,
  o: TableOptions,
  keep: (row: EvalRow) => boolean = () => true,
): TableRow {
  const cases = r.agreement.cases.filter((_, i) => keep(r.rows[i]));
  return {
    labels,
    paper: paperRow(tableId, labels),
    config: r.config,
    threshold: r.agreement.threshold,
    dice: estimateOf(
      cases.map((c) => c.dice),
      o,
    ),
    iou: estimateOf(
      cases.map((c) => c.iou),
      o,
    ),
    spearman: estimateOf(
      cases.map((c) => c.spearman),
      o,
    ),
  };
}

const MODALITIES: PoolModality[] = ['cinecg', '12-lead'];
/** Table 3 lists the methods alphabetically. */
const PAPER_METHOD_ORDER = ['gradshap', 'ig', 'kernelshap', 'lime'] as const;

/** Did the model that produced this source's attributions predict the case's label? Null when its P is unknown. */
function modelAgrees(row: EvalRow, r: ConfigResult, modelIds: PoolModelIds): boolean | null {
  const p = row.case.pAbnormal[modelIds[MODEL_OF[r.config.source]]];
  if (p === undefined) return null;
  return (p >= 0.5 ? 'abnormal' : 'normal') === row.case.label;
}

export function poolTables(results: Map<string, ConfigResult>, o: PoolTableOptions): PoolTable[] {
  const rows = (
    tableId: PoolTable['id'],
    build: (push: (labels: string[], r: ConfigResult | null, keep?: (row: EvalRow) => boolean) => void) => void,
  ) => {
    const out: TableRow[] = [];
    build((labels, r, keep) => r && out.push(tableRow(tableId, labels, r, o, keep)));
    return out;
  };
  const bestOfModality = (m: PoolModality) => bestOf(results, (c) => MODALITY_OF[c.source] === m);

  const table1 = rows('table1', (push) => MODALITIES.forEach((m) => push([MODALITY_LABELS[m]], bestOfModality(m))));

  const table2 = rows('table2', (push) => {
    for (const m of MODALITIES) {
      const r = bestOfModality(m);
      push(['Diagnosis', MODALITY_LABELS[m], 'Abnormal'], r, (row) => row.case.label === 'abnormal');
      push(['Diagnosis', MODALITY_LABELS[m], 'Normal'], r, (row) => row.case.label === 'normal');
    }
    for (const m of MODALITIES) {
      const r = bestOfModality(m);
      if (!r) continue;
      push(['Agreement', MODALITY_LABELS[m], 'Agreement'], r, (row) => modelAgrees(row, r, o.modelIds) === true);
      push(['Agreement', MODALITY_LABELS[m], 'Disagreement'], r, (row) => modelAgrees(row, r, o.modelIds) === false);
    }
  });

  const table3 = rows('table3', (push) => {
    for (const m of MODALITIES)
      for (const method of PAPER_METHOD_ORDER)
        push(
          [MODALITY_LABELS[m], POOL_METHOD_LABELS[method]],
          bestOf(results, (c) => c.method === method && MODALITY_OF[c.source] === m),
        );
  });

  const table4 = rows('table4', (push) => {
    for (const source of ['cinecg-model', 'mapped', '12-lead'] as const) {
      push(
        [MODALITY_LABELS[MODALITY_OF[source]], SOURCE_LABELS[source]],
        bestOf(results, (c) => c.method === 'ig' && c.source === source),
      );
    }
  });

  const DATA_TYPE = {
    'cinecg-model': 'CineECG Attributions',
    '12-lead': '12-Lead Attributions',
    mapped: '12-Lead (Mapped)',
  } as const;
  const table5 = rows('table5', (push) => {
    for (const source of ['cinecg-model', '12-lead', 'mapped'] as const) {
      for (const pp of [...POST_PROCESSES].sort())
        push(
          [DATA_TYPE[source], PP_LABELS[pp]],
          bestOf(results, (c) => c.source === source && c.postprocess === pp),
        );
    }
  });

  return [
    {
      id: 'table1',
      title: 'Table 1: Explanation alignment metrics comparing the optimised performance of CineECG and 12-Lead ECG.',
      columns: ['Modality', ...METRIC_COLUMNS],
      rows: table1,
      note: NOTE,
    },
    {
      id: 'table2',
      title: 'Table 2: Impact of Diagnosis and Agreement status on explanation alignment metrics.',
      columns: ['Stratification', 'Modality', 'Condition', ...METRIC_COLUMNS],
      rows: table2,
      note: `${NOTE} Each modality keeps the configuration and θ* optimised on the whole cohort (Table 1); agreement compares the explained model's prediction (P ≥ 0.5) with the label.`,
    },
    {
      id: 'table3',
      title: 'Table 3: Attribution Methods Performance under optimized post-processing.',
      columns: ['Modality', 'Attribution', ...METRIC_COLUMNS],
      rows: table3,
      note: NOTE,
    },
    {
      id: 'table4',
      title: 'Table 4: Impact of Attribution Source using the Integrated Gradients method.',
      columns: ['Target Signal', 'Attribution', ...METRIC_COLUMNS],
      rows: table4,
      note: NOTE,
    },
    {
      id: 'table5',
      title: 'Table 5: Optimal Post-processing Strategy by Attributions Source.',
      columns: ['Data Type', 'Prep Type', ...METRIC_COLUMNS],
      rows: table5,
      note: `${NOTE} Each row: the best attribution method for that source and post-processing.`,
    },
  ];
}
