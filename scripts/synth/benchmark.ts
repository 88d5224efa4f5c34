/**
 * The synthetic ground-truth benchmark: attributions of a model on synthetic abnormal cases scored against the
 * truth masks (|record − twin| ≥ 0.02 mV) with the evaluation core's metrics (src/core/eval/agreement.ts: Dice and
 * IoU at the cohort's θ*, Spearman) and BCa intervals (bootstrap.ts), for every method × post-processing × source.
 *
 * The truth is over the whole record; it is cut to the model's 400 ms window of the prepared record (windowStartMs
 * from prepareEcg; 500 Hz in and out, so samples line up one to one). Sources of a 12-lead model: '12-lead' (Φ per
 * lead against the per-lead mask) and 'mapped' (Φ_d of eq. 2 against "some lead is in the mask at t"); of a CineECG
 * model (3 input channels, the twin signal of the same window): 'cine' (each of x, y, z against that union) and
 * 'cine-mapped' (its Φ_d, eq. 2 over x, y, z). Scoring is src/core/synth/truthAgreement.ts. Normal cases have no truth
 * (their twin is themselves) and are not generated. Baselines: 'gradient' (the plain input gradient of the eq. 1
 * margin (logit₁ − logit₀)/2) and 'random' (a seeded uniform map in [−1, 1]), so the numbers have a floor.
 */
import * as tf from '@tensorflow/tfjs';
import { WINDOW_SAMPLES } from '../../src/core/constants';
import { loadRecord } from '../../src/core/ecg/load';
import { prepareEcg } from '../../src/core/ecg/prepare';
import { cohortAgreement } from '../../src/core/eval/agreement';
import { bootstrapMean } from '../../src/core/eval/bootstrap';
import { type AgreementCase, POST_PROCESSES, type PostProcess } from '../../src/core/eval/importance';
import { mulberry32 } from '../../src/core/random';
import { recordFilesOf, synthFiles } from '../../src/core/synth/files';
import { synthesizeRecord } from '../../src/core/synth/generate';
import { maskInWindow } from '../../src/core/synth/mask';
import type { Pathology } from '../../src/core/synth/pathology';
import { modelInputOf } from '../../src/core/model/model-input';
import { truthAgreementCase, type TruthSource } from '../../src/core/synth/truthAgreement';
import { bipolarPhi } from '../../src/core/xai/mapping';
import { type ExplainMethod, type ExplainParams, explainWindow } from '../../src/core/xai/methods';

export const BENCH_METHODS = ['ig', 'gradshap', 'kernelshap', 'lime', 'gradient', 'random'] as const;
export type BenchMethod = (typeof BENCH_METHODS)[number];
export const BENCH_SOURCES = ['12-lead', 'mapped', 'cine', 'cine-mapped'] as const;
export type BenchSource = (typeof BENCH_SOURCES)[number];

export interface BenchCase {
  id: string;
  pathology: Pathology;
  /** [T × C] time-major: the model window of the prepared record (C = 12), or its CineECG twin signal (C = 3). */
  x: Float32Array;
  channels: number;
  /** Truth in the window, per lead. */
  mask: Uint8Array[];
}

/** The first `count` abnormal cases of `seed` ('mixed' pathologies), prepared like real records, as a model with `channels` inputs reads them. */
export function benchmarkCases(seed: number, count: number, channels = 12): BenchCase[] {
  const cases: BenchCase[] = [];
  for (let i = 0; cases.length < count; i++) {
    const r = synthesizeRecord(seed, i, 'mixed');
    if (r.label === 'normal') continue;
    const p = prepareEcg(loadRecord(recordFilesOf(synthFiles(r), r.name)));
    const start = Math.round((p.windowStartMs * p.fsHz) / 1000);
    cases.push({
      id: r.name,
      pathology: r.injection.pathology,
      x: modelInputOf(p, channels),
      channels,
      mask: maskInWindow(r.mask, start, WINDOW_SAMPLES),
    });
  }
  return cases;
}

export interface MethodBudget {
  params: Partial<Record<ExplainMethod, ExplainParams>>;
  references?: Float32Array[];
  seed: number;
}

/** Φ (eq. 1, [T × 12]) of one method on one case. */
export async function phiOf(
  model: tf.LayersModel,
  method: BenchMethod,
  c: BenchCase,
  caseIndex: number,
  b: MethodBudget,
): Promise<Float32Array> {
  if (method === 'random') {
    const random = mulberry32((b.seed ^ Math.imul(caseIndex + 1, 0x9e3779b1)) >>> 0);
    return Float32Array.from(c.x, () => 2 * random() - 1);
  }
  if (method === 'gradient') {
    const g = tf.tidy(() => {
      const margin = (inp: tf.Tensor) => {
        const y = model.apply(inp) as tf.Tensor2D;
        return tf.sum(tf.sub(y.slice([0, 1], [1, 1]), y.slice([0, 0], [1, 1]))).div(2) as tf.Scalar;
      };
      return tf.grad(margin)(tf.tensor3d(c.x, [1, WINDOW_SAMPLES, c.channels]));
    });
    const out = new Float32Array(await g.data());
    g.dispose();
    return out;
  }
  const e = await explainWindow(
    model,
    method,
    c.x,
    { seed: b.seed, ...b.params[method] },
    { references: b.references },
  );
  return bipolarPhi(e.attributions[0], e.attributions[1]);
}

/** The sources a model with `channels` inputs is scored on. */
export const sourcesFor = (channels: number): BenchSource[] =>
  channels === 3 ? ['cine', 'cine-mapped'] : ['12-lead', 'mapped'];
const TRUTH_SOURCE: Record<BenchSource, TruthSource> = {
  '12-lead': 'leads',
  mapped: 'mapped',
  cine: 'cine',
  'cine-mapped': 'mapped',
};

/** Agreement cases of one source (src/core/synth/truthAgreement.ts: the same scoring as the app's readout). */
export function agreementCases(
  cases: readonly BenchCase[],
  phis: readonly Float32Array[],
  source: BenchSource,
): AgreementCase[] {
  return cases.map((c, k) => truthAgreementCase(c.id, phis[k], c.channels, c.mask, TRUTH_SOURCE[source]));
}

export interface BenchRow {
  method: BenchMethod;
  source: BenchSource;
  post: PostProcess;
  threshold: number | null;
  dice: { mean: number; low: number; high: number } | null;
  meanIou: number | null;
  meanSpearman: number | null;
  cases: number;
  /** Mean Dice at θ* of the cases of each pathology. */
  byPathology: Record<string, number>;
}

export function scoreRows(
  method: BenchMethod,
  cases: readonly BenchCase[],
  phis: readonly Float32Array[],
  resamples: number,
  seed: number,
): BenchRow[] {
  const rows: BenchRow[] = [];
  for (const source of sourcesFor(cases[0]?.channels ?? 12)) {
    const ac = agreementCases(cases, phis, source);
    for (const post of POST_PROCESSES) {
      const a = cohortAgreement(ac, post);
      const dice = a.cases.map((c) => c.dice).filter((d): d is number => d !== null);
      const groups: Record<string, number[]> = {};
      a.cases.forEach((c, k) => c.dice !== null && (groups[cases[k].pathology] ??= []).push(c.dice));
      const byPathology = Object.fromEntries(
        Object.entries(groups).map(([p, d]) => [p, d.reduce((x, y) => x + y, 0) / d.length]),
      );
      rows.push({
        method,
        source,
        post,
        threshold: a.threshold,
        dice: dice.length >= 2 ? bootstrapMean(dice, { resamples, seed }) : null,
        meanIou: a.meanIou,
        meanSpearman: a.meanSpearman,
        cases: dice.length,
        byPathology,
      });
    }
  }
  return rows;
}

const LABELS: Record<BenchMethod, string> = {
  ig: 'Integrated Gradients',
  gradshap: 'Gradient SHAP',
  kernelshap: 'Kernel SHAP',
  lime: 'LIME',
  gradient: 'plain gradient (baseline)',
  random: 'random map (baseline)',
};
const SOURCE_LABELS: Record<BenchSource, string> = {
  '12-lead': '12-lead',
  mapped: 'mapped',
  cine: 'CineECG model (x, y, z)',
  'cine-mapped': 'CineECG model, Φd',
};
const f = (x: number | null, d = 3) => (x === null ? '–' : x.toFixed(d));

export function markdownTable(rows: readonly BenchRow[]): string {
  const head =
    '| method | source | post-processing | θ* | Dice (95% BCa) | IoU | Spearman ρ | cases |\n|---|---|---|---:|---|---:|---:|---:|';
  const body = rows.map(
    (r) =>
      `| ${LABELS[r.method]} | ${SOURCE_LABELS[r.source]} | ${r.post} | ${f(r.threshold, 2)} | ${r.dice ? `${f(r.dice.mean)} (${f(r.dice.low)}–${f(r.dice.high)})` : '–'} | ${f(r.meanIou)} | ${f(r.meanSpearman)} | ${r.cases} |`,
  );
  return [head, ...body].join('\n') + '\n';
}

/** Per method, its best row by mean Dice (over sources and post-processings), with the Dice of each pathology. */
export function bestByPathologyTable(rows: readonly BenchRow[]): string {
  const pathologies = [...new Set(rows.flatMap((r) => Object.keys(r.byPathology)))].sort();
  const head = `| method | best source / post-processing | ${pathologies.join(' | ')} |\n|---|---|${pathologies.map(() => '---:').join('|')}|`;
  const methods = [...new Set(rows.map((r) => r.method))];
  const body = methods.map((m) => {
    const best = rows.filter((r) => r.method === m && r.dice).sort((a, b) => b.dice!.mean - a.dice!.mean)[0];
    return `| ${LABELS[m]} | ${SOURCE_LABELS[best.source]} / ${best.post} | ${pathologies.map((p) => f(best.byPathology[p] ?? null)).join(' | ')} |`;
  });
  return [head, ...body].join('\n') + '\n';
}
