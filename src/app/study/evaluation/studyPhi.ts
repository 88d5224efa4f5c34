import { type ModelInput, modelInputOfMeta } from '../../inference/modelInput';
import { POOL_MODEL_KINDS, type PoolModelKind, type PoolModels } from '../../../core/eval/pool-models';
import { POOL_METHODS, type PoolCase, type PoolMethod } from '../../../core/eval/pool-types';
import type { Study } from '../../../core/eval/study-format';
import type { ExplainMethod, ExplainParams } from '../../../core/xai/catalogue';
import { bipolarPhi, mappedPhi } from '../../../core/xai/mapping';
import type { InferenceClient } from '../../../worker/client';
import type { StudyCaseData } from '../caseData';

/** The attribution budget of an evaluation run: the paper's settings, or a quick look (fewer steps and samples). */
export type Budget = 'quick' | 'paper';

export const BUDGETS: Record<
  Budget,
  { label: string; methods: readonly PoolMethod[]; params: Record<PoolMethod, ExplainParams> }
> = {
  quick: {
    label: 'Quick: Integrated Gradients only, 16 steps, no noise tunnel',
    methods: ['ig'],
    params: {
      ig: { steps: 16, noiseSamples: 0 },
      gradshap: { samples: 16 },
      kernelshap: { samples: 50 },
      lime: { samples: 100 },
    },
  },
  paper: {
    label:
      'Paper: all four methods at the paper’s settings (IG 50 steps + 40 noisy copies, …); minutes per case without a GPU',
    methods: POOL_METHODS,
    params: { ig: {}, gradshap: {}, kernelshap: {}, lime: {} },
  },
};

export interface PhiProgress {
  caseIndex: number;
  cases: number;
  /** What runs now, e.g. "case-03: Integrated Grad. on the CineECG model". */
  step: string;
  /** 0–1 over the whole run. */
  fraction: number;
}

/**
 * Φ for every case of the study, every method of the budget and every source of the pool (12-lead attributions, the
 * CineECG model's own, the 12-lead mapped by eq. 2), plus both models' P(abnormal) under their registry ids: the
 * input of evaluatePool. `models` are the registry's (poolModelsOf), loaded in the worker as workerKeyFor (the viewer's convention) says. Runs
 * in the inference worker, one job at a time; `shouldStop` is checked between jobs.
 */
export async function computeStudyPhi(
  study: Study,
  budget: Budget,
  deps: {
    client: InferenceClient;
    models: PoolModels;
    caseData: (index: number) => Promise<StudyCaseData>;
    onProgress?: (p: PhiProgress) => void;
    shouldStop?: () => boolean;
  },
): Promise<PoolCase[]> {
  const { methods, params } = BUDGETS[budget];
  const { client, models } = deps;
  const out: PoolCase[] = [];
  const jobsPerCase = POOL_MODEL_KINDS.length * (1 + methods.length);
  let done = 0;
  const total = study.cases.length * jobsPerCase;
  const step = (caseIndex: number, text: string) =>
    deps.onProgress?.({
      caseIndex,
      cases: study.cases.length,
      step: `${study.cases[caseIndex].id}: ${text}`,
      fraction: done / total,
    });
  for (let i = 0; i < study.cases.length; i++) {
    const c = study.cases[i];
    if (deps.shouldStop?.()) throw new Error('stopped');
    step(i, 'loading the record');
    const { prepared } = await deps.caseData(i);
    const inputs = {} as Record<PoolModelKind, ModelInput>;
    for (const kind of POOL_MODEL_KINDS) inputs[kind] = modelInputOfMeta(prepared, models[kind], models['12-lead'].id);
    const pc: PoolCase = {
      id: c.id,
      ...(c.label && { label: c.label }),
      ...(c.diagnosis && { diagnosis: c.diagnosis }),
      pAbnormal: {},
      phi: {},
    };
    step(i, 'predicting');
    for (const kind of POOL_MODEL_KINDS) {
      const { x, T, C, key } = inputs[kind];
      pc.pAbnormal[models[kind].id] = (await client.predict(x, T, C, key)).pAbnormal;
      done++;
    }
    for (const method of methods) {
      const phi = {} as Record<PoolModelKind, Float32Array>;
      for (const kind of POOL_MODEL_KINDS) {
        if (deps.shouldStop?.()) throw new Error('stopped');
        step(i, `${method} on the ${models[kind].shortTitle} model`);
        const { x, T, C, key } = inputs[kind];
        const e = await client.explain(method as ExplainMethod, x, T, C, params[method], undefined, key).result;
        done++;
        phi[kind] = bipolarPhi(e.attributions[0], e.attributions[1]);
      }
      pc.phi[method] = {
        '12-lead': phi['12-lead'],
        'cinecg-model': phi.cinecg,
        mapped: mappedPhi(phi['12-lead'], 12),
      };
    }
    out.push(pc);
  }
  deps.onProgress?.({ caseIndex: study.cases.length - 1, cases: study.cases.length, step: 'done', fraction: 1 });
  return out;
}
