/**
 * The two models an evaluation explains, taken from the registry instead of named: the pool's '12-lead' and
 * 'mapped' sources come from the primary model, its 'cinecg-model' source from the registry's CineECG model. `cli
 * evaluate` and the app's evaluation view both resolve them here, so they agree and fail the same way.
 */
import { type AppModels, modelOfKind } from '../registry/app-models';
import type { ModelInputKind, ModelMeta } from '../registry/model-meta';
import { EvalError } from './eval-error';
import type { PoolModelIds } from './pool-types';

/** The input kinds whose models an evaluation explains, in the order it runs them (its sanity rows keep it). */
export const POOL_MODEL_KINDS = ['12-lead', 'cinecg'] as const satisfies readonly ModelInputKind[];

export type PoolModelKind = (typeof POOL_MODEL_KINDS)[number];

/** The registered model of each of those kinds. */
export type PoolModels = Record<PoolModelKind, ModelMeta>;

/** The primary model and the first CineECG model of the registry; an error naming the registry when it has none. */
export function poolModelsOf(models: AppModels): PoolModels {
  const cinecg = modelOfKind(models, 'cinecg');
  if (!cinecg)
    throw new EvalError(
      'bad-input',
      `the evaluation needs a model that reads the CineECG signal (input.kind "cinecg" in its meta.json); ` +
        `the registered models are ${models.all.map((m) => `${m.id} (${m.input.kind})`).join(', ')}`,
      'models/index.json',
    );
  return { '12-lead': models.primary, cinecg };
}

/** The ids under which the cases' P(abnormal) are kept (PoolCase.pAbnormal), for the tables' agreement strata. */
export const poolModelIds = (m: PoolModels): PoolModelIds => ({ '12-lead': m['12-lead'].id, cinecg: m.cinecg.id });
