import { reinitialiseWeights } from '../../src/core/model/reinitialise';
import { type LoadedModel, loadEvalModel } from './evaluate-attributions';

/**
 * The model-randomisation check's model: the same architecture with every weight re-drawn from a seeded generator
 * (src/core/model/reinitialise.ts, which the app's worker uses too), so the check is reproducible.
 */
export async function randomisedModel(m: LoadedModel, seed: number, modelsDir = 'models'): Promise<LoadedModel> {
  const copy = await loadEvalModel(m.id, modelsDir);
  reinitialiseWeights(copy.model, seed);
  return { ...copy, fingerprint: `${m.fingerprint}-randomised-${seed}` };
}
