import { readFileSync } from 'node:fs';
import { loadRecord } from '../../src/core/ecg/load';
import { prepareEcg } from '../../src/core/ecg/prepare';
import { EvalError } from '../../src/core/eval/eval-error';
import { type EvaluationReport, evaluatePool } from '../../src/core/eval/evaluation';
import {
  type BatchLogits,
  DEFAULT_FAITHFULNESS_STEPS,
  deletionInsertion,
  evidenceFor,
  expandOverChannels,
  randomisationCorrelation,
} from '../../src/core/eval/faithfulness';
import { POOL_MODEL_KINDS, type PoolModelKind, poolModelIds, poolModelsOf } from '../../src/core/eval/pool-models';
import type { PoolCase, PoolMethod, PoolSource } from '../../src/core/eval/pool-types';
import { parseAnnotations, parseStudy } from '../../src/core/eval/study-parse';
import { reportToMarkdown } from '../../src/core/eval/tables-format';
import { modelInputFor } from '../../src/core/model/model-input';
import { pAbnormalOf, predictWindowsAsync } from '../../src/core/model/predict';
import { mappedPhi } from '../../src/core/xai/mapping';
import { EXPLAIN_METHODS, type ExplainMethod, type ExplainParams, isExplainMethod } from '../../src/core/xai/methods';
import { appModelsOnDisk } from '../lib/registry';
import { useBackend } from '../lib/tf-backend';
import { type LoadedModel, loadEvalModel, phiOf } from './evaluate-attributions';
import { studyCaseFiles } from './evaluate-records';
import { randomisedModel } from './evaluate-sanity';

export interface EvaluateArgs {
  study: string;
  annotations: string[];
  /** Comma-separated subset of ig,gradshap,kernelshap,lime (default all four). */
  methods?: string;
  steps?: number;
  noiseSamples?: number;
  gradshapSamples?: number;
  kernelshapSamples?: number;
  limeSamples?: number;
  batch?: number;
  seed?: number;
  cache?: string;
  /** Deletion/insertion steps (default 20; 0 = skip faithfulness). */
  faithfulnessSteps?: number;
  /** Also run the model-randomisation check (doubles the attribution work). */
  randomisation?: boolean;
  resamples?: number;
  backend?: string;
  casesDir?: string;
  /** The registry's folder (models/index.json and one folder per model); default models. */
  modelsDir?: string;
  log?: (line: string) => void;
}

type Faith = { deletionAuc: number; insertionAuc: number; deletion: number[]; insertion: number[]; targetClass: 0 | 1 };

export interface EvaluateOutput extends EvaluationReport {
  study: { id: string; title: string; example: boolean };
  cases: {
    id: string;
    label?: string;
    diagnosis?: string;
    pAbnormal: PoolCase['pAbnormal'];
    faithfulness: Partial<Record<PoolMethod, Partial<Record<PoolSource, Faith>>>>;
  }[];
  sanity: {
    caseId: string;
    method: PoolMethod;
    /** The model's id in the registry. */
    model: string;
    spearman: number | null;
    spearmanAbs: number | null;
  }[];
  params: Record<string, unknown>;
  attributions: { computed: number; cached: number };
  ms: number;
}

const num = (v: number | undefined, name: string, min: number) => {
  if (v === undefined) return undefined;
  if (!Number.isFinite(v) || v < min)
    throw new EvalError('bad-input', `--${name} must be a number ≥ ${min}, got ${v}`, name);
  return v;
};

function paramsFor(method: ExplainMethod, a: EvaluateArgs): ExplainParams {
  const samples = { ig: undefined, gradshap: a.gradshapSamples, kernelshap: a.kernelshapSamples, lime: a.limeSamples }[
    method
  ];
  return {
    steps: method === 'ig' ? a.steps : undefined,
    noiseSamples: method === 'ig' ? a.noiseSamples : undefined,
    samples,
    batchSize: a.batch,
    seed: a.seed,
  };
}

const logitsOf =
  (m: LoadedModel): BatchLogits =>
  async (xs) =>
    (await predictWindowsAsync(m.model, xs)).map((p) => p.logits);

/** One value per model kind of the evaluation, made in POOL_MODEL_KINDS order (loading, explaining, sanity rows). */
async function perKind<T>(make: (kind: PoolModelKind) => T | Promise<T>): Promise<Record<PoolModelKind, T>> {
  const out = {} as Record<PoolModelKind, T>;
  for (const kind of POOL_MODEL_KINDS) out[kind] = await make(kind);
  return out;
}

/**
 * `cli evaluate --study s.json --annotations a1.json [a2.json …]`: loads each annotated case (bundled from
 * public/cases, embedded from base64), computes Φ for every method on the registry's primary (12-lead) model and
 * its CineECG model (models/index.json; src/core/eval/pool-models.ts) with the
 * core's explainWindow (cached per input, weights, method and parameters under --cache), the mapped Φ_d of eq. 2,
 * deletion/insertion curves, optionally the randomisation check, and runs the pool (src/core/eval/evaluation.ts).
 */
export async function evaluateCommand(a: EvaluateArgs): Promise<EvaluateOutput> {
  const t0 = performance.now();
  const log = a.log ?? (() => {});
  const read = (path: string, what: string) => {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      throw new EvalError('bad-input', `cannot read the ${what} ${path}`, what);
    }
  };
  if (a.annotations.length === 0)
    throw new EvalError('bad-input', 'give at least one --annotations file', 'annotations');
  const study = parseStudy(read(a.study, 'study'));
  const annotations = a.annotations.map((p) => {
    try {
      return parseAnnotations(read(p, 'annotations'), study);
    } catch (e) {
      if (e instanceof EvalError) throw new EvalError(e.code, `${p}: ${e.message}`, e.field);
      throw e;
    }
  });
  const methods = (a.methods ?? EXPLAIN_METHODS.join(',')).split(',').map((s) => s.trim());
  for (const m of methods)
    if (!isExplainMethod(m))
      throw new EvalError('bad-input', `unknown method "${m}" (available: ${EXPLAIN_METHODS.join(', ')})`, 'methods');
  const fSteps = num(a.faithfulnessSteps, 'faithfulness-steps', 0) ?? DEFAULT_FAITHFULNESS_STEPS;
  (num(a.steps, 'steps', 1),
    num(a.noiseSamples, 'noise-samples', 0),
    num(a.resamples, 'resamples', 10),
    num(a.batch, 'batch', 1),
    num(a.seed, 'seed', 0));
  (num(a.gradshapSamples, 'gradshap-samples', 1),
    num(a.kernelshapSamples, 'kernelshap-samples', 1),
    num(a.limeSamples, 'lime-samples', 1));

  const registered = poolModelsOf(await appModelsOnDisk(a.modelsDir));

  await useBackend(a.backend ?? 'wasm');
  const models = await perKind((kind) => loadEvalModel(registered[kind].id, a.modelsDir));
  const randomised = a.randomisation
    ? await perKind((kind) => randomisedModel(models[kind], a.seed ?? 0, a.modelsDir))
    : null;
  const annotated = new Set(annotations.flatMap((f) => f.cases.map((c) => c.caseId)));
  const poolCases: PoolCase[] = [];
  const outCases: EvaluateOutput['cases'] = [];
  const sanity: EvaluateOutput['sanity'] = [];
  const counts = { computed: 0, cached: 0 };
  for (const c of study.cases.filter((sc) => annotated.has(sc.id))) {
    if (!c.label) {
      // Listed by the pool as skipped (Φ′ needs the label); no attribution work spent on it.
      poolCases.push({ id: c.id, diagnosis: c.diagnosis, pAbnormal: {}, phi: {} });
      continue;
    }
    const p = prepareEcg(loadRecord(studyCaseFiles(c, a.casesDir)));
    const x = await perKind((kind) => modelInputFor(p, kind));
    const pc: PoolCase = { id: c.id, label: c.label, diagnosis: c.diagnosis, pAbnormal: {}, phi: {}, faithfulness: {} };
    const faith: EvaluateOutput['cases'][number]['faithfulness'] = {};
    for (const method of methods as ExplainMethod[]) {
      const t = performance.now();
      const r = await perKind(async (kind) => {
        const m = models[kind];
        const res = await phiOf(m, method, x[kind], paramsFor(method, a), a.cache);
        counts[res.cached ? 'cached' : 'computed']++;
        pc.pAbnormal[m.id] = pAbnormalOf(res.logits);
        if (randomised) {
          const rr = await phiOf(randomised[kind], method, x[kind], paramsFor(method, a), a.cache);
          counts[rr.cached ? 'cached' : 'computed']++;
          sanity.push({ caseId: c.id, method, model: m.id, ...randomisationCorrelation(res.phi, rr.phi) });
        }
        return res;
      });
      const mapped = Array.from(mappedPhi(Float32Array.from(r['12-lead'].phi), 12));
      pc.phi[method] = { '12-lead': r['12-lead'].phi, 'cinecg-model': r.cinecg.phi, mapped };
      if (fSteps > 0) {
        // Follow the margin of the labelled class; rank samples by the evidence for it (Φ′).
        const target: 0 | 1 = c.label === 'normal' ? 0 : 1;
        const signed = (v: number[]) => evidenceFor(v, target);
        const runs: [PoolSource, LoadedModel, Float32Array, Float32Array][] = [
          ['12-lead', models['12-lead'], x['12-lead'], signed(r['12-lead'].phi)],
          ['mapped', models['12-lead'], x['12-lead'], expandOverChannels(signed(mapped), 12)],
          ['cinecg-model', models.cinecg, x.cinecg, signed(r.cinecg.phi)],
        ];
        faith[method] = {};
        pc.faithfulness![method] = {};
        for (const [source, m, input, importance] of runs) {
          const f = await deletionInsertion(logitsOf(m), input, importance, { steps: fSteps, targetClass: target });
          faith[method]![source] = {
            deletionAuc: f.deletionAuc,
            insertionAuc: f.insertionAuc,
            deletion: f.deletion,
            insertion: f.insertion,
            targetClass: target,
          };
          pc.faithfulness![method]![source] = { deletionAuc: f.deletionAuc, insertionAuc: f.insertionAuc };
        }
      }
      log(`[evaluate] ${c.id} ${method}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
    }
    poolCases.push(pc);
    outCases.push({ id: c.id, label: c.label, diagnosis: c.diagnosis, pAbnormal: pc.pAbnormal, faithfulness: faith });
  }
  for (const m of [...Object.values(models), ...Object.values(randomised ?? {})]) m.model.dispose();
  const report = evaluatePool(poolCases, annotations, {
    resamples: a.resamples,
    seed: a.seed ?? 0,
    modelIds: poolModelIds(registered),
  });
  return {
    study: { id: study.id, title: study.title, example: study.example === true },
    ...report,
    cases: outCases,
    sanity,
    params: {
      methods,
      faithfulnessSteps: fSteps,
      randomisation: !!a.randomisation,
      explain: Object.fromEntries(methods.map((m) => [m, paramsFor(m as ExplainMethod, a)])),
    },
    attributions: counts,
    ms: Math.round(performance.now() - t0),
  };
}

/** The Markdown form (`--markdown`): the tables, inter-expert agreement, faithfulness and the sanity check. */
export function evaluateMarkdown(o: EvaluateOutput): string {
  const lines = [`# Evaluation of study "${o.study.title}" (${o.study.id})`, '', reportToMarkdown(o)];
  if (o.sanity.length) {
    lines.push(
      '**Model-randomisation check: Spearman between attributions of the trained and a re-initialised model (mean over cases; near 0 = passes)**',
      '',
      '| Method | Model | Cases | ρ (signed) | ρ (absolute) |',
      '|---|---|---|---|---|',
    );
    const groups = new Map<string, EvaluateOutput['sanity']>();
    for (const s of o.sanity)
      groups.set(`${s.method}|${s.model}`, [...(groups.get(`${s.method}|${s.model}`) ?? []), s]);
    const mean = (v: (number | null)[]) => {
      const x = v.filter((u): u is number => u !== null);
      return x.length ? (x.reduce((p, q) => p + q, 0) / x.length).toFixed(2) : '–';
    };
    for (const [k, v] of groups)
      lines.push(
        `| ${k.split('|').join(' | ')} | ${v.length} | ${mean(v.map((s) => s.spearman))} | ${mean(v.map((s) => s.spearmanAbs))} |`,
      );
    lines.push('');
  }
  return lines.join('\n');
}
