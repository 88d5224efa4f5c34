import type { PreparedEcg } from '../../core/ecg/prepare.types';
import { modelInputFor } from '../../core/model/model-input';
import type { ModelMeta } from '../../core/registry/model-meta';
import type { AppState } from '../store/appStore';

export interface ModelInput {
  x: Float32Array;
  T: number;
  C: number;
  /** The worker's key for the model: undefined for the primary (its default model), else the model's id. */
  key: string | undefined;
}

/**
 * The worker's name for a registered model: the primary model is the one `load` loaded (its default, no key); every
 * other model is loaded with `loadExtra` under its id. The viewer and the evaluation view both follow this.
 */
export const workerKeyFor = (id: string, primaryId: string): string | undefined => (id === primaryId ? undefined : id);

/** A registered model's input for a prepared record: [T × C] time-major, as its input kind says, with its worker key. */
export function modelInputOfMeta(prepared: PreparedEcg, meta: ModelMeta, primaryId: string): ModelInput {
  const x = modelInputFor(prepared, meta.input.kind);
  const C = meta.input.channels.length;
  return { x, T: x.length / C, C, key: workerKeyFor(meta.id, primaryId) };
}

/**
 * The input a registered model reads for the case on screen, with its shape and the worker's key. Null while the case
 * or that model is not ready; throws when the model the worker built disagrees with its registry entry, or the case
 * cannot give that input (the caller reports it).
 */
export function modelInputNow(s: AppState, id: string): ModelInput | null {
  const slot = s.models[id];
  if (!s.prepared || s.caseStatus !== 'ready' || !slot || slot.status !== 'ready' || !slot.model || !s.appModels)
    return null;
  const C = slot.model.channels;
  if (C !== slot.meta.input.channels.length)
    throw new Error(
      `the ${id} model takes ${C} channels, but its registry entry (models/${id}/meta.json) lists ${slot.meta.input.channels.length}`,
    );
  return modelInputOfMeta(s.prepared, slot.meta, s.appModels.primary.id);
}
