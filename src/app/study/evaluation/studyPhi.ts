import { modelInputOf } from '../../../core/model/model-input';
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

/** The second model's key in the worker (as the viewer's connectInference loads it). */
export const CINE_KEY = 'cine3';

/**
 * Φ for every case of the study, every method of the budget and every source of the pool (12-lead attributions, the
 * CineECG model's own, the 12-lead mapped by eq. 2), plus both models' P(abnormal): the input of evaluatePool. Runs in
 * the inference worker, one job at a time; `shouldStop` is checked between jobs.
 */
export async function computeStudyPhi(
  study: Study,
  budget: Budget,
  deps: {
    client: InferenceClient;
    caseData: (index: number) => Promise<StudyCaseData>;
    onProgress?: (p: PhiProgress) => void;
    shouldStop?: () => boolean;
  },
): Promise<PoolCase[]> {
  const { methods, params } = BUDGETS[budget];
  const out: PoolCase[] = [];
  const jobsPerCase = 2 + 2 * methods.length;
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
    const x12 = modelInputOf(prepared, 12);
    const x3 = modelInputOf(prepared, 3);
    const T = x12.length / 12;
    const pc: PoolCase = {
      id: c.id,
      ...(c.label && { label: c.label }),
      ...(c.diagnosis && { diagnosis: c.diagnosis }),
      pAbnormal: {},
      phi: {},
    };
    step(i, 'predicting');
    pc.pAbnormal.ecg12 = (await deps.client.predict(x12, T, 12)).pAbnormal;
    done++;
    pc.pAbnormal.cine3 = (await deps.client.predict(x3, T, 3, CINE_KEY)).pAbnormal;
    done++;
    for (const method of methods) {
      if (deps.shouldStop?.()) throw new Error('stopped');
      step(i, `${method} on the 12-lead model`);
      const e12 = await deps.client.explain(method as ExplainMethod, x12, T, 12, params[method]).result;
      done++;
      step(i, `${method} on the CineECG model`);
      const e3 = await deps.client.explain(method as ExplainMethod, x3, T, 3, params[method], undefined, CINE_KEY)
        .result;
      done++;
      const phi12 = bipolarPhi(e12.attributions[0], e12.attributions[1]);
      pc.phi[method] = {
        '12-lead': phi12,
        'cinecg-model': bipolarPhi(e3.attributions[0], e3.attributions[1]),
        mapped: mappedPhi(phi12, 12),
      };
    }
    out.push(pc);
  }
  deps.onProgress?.({ caseIndex: study.cases.length - 1, cases: study.cases.length, step: 'done', fraction: 1 });
  return out;
}
