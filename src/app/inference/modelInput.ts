import { modelInputFor } from '../../core/model/model-input';
import type { AppState } from '../store/appStore';

export interface ModelInput {
  x: Float32Array;
  T: number;
  C: number;
  /** The worker's key for the model: undefined for the primary (its default model), else the model's id. */
  key: string | undefined;
}

/**
 * The input a registered model reads for the case on screen (its registry entry names the kind: the 12-lead window
 * or the CineECG signal), with its shape and the worker's key. Null while the case or that model is not ready;
 * throws when the case cannot give that input (the caller reports it).
 */
export function modelInputNow(s: AppState, id: string): ModelInput | null {
  const slot = s.models[id];
  if (!s.prepared || s.caseStatus !== 'ready' || !slot || slot.status !== 'ready' || !slot.model) return null;
  const C = slot.model.channels;
  if (C !== slot.meta.input.channels.length)
    throw new Error(
      `the ${id} model takes ${C} channels, but its registry entry (models/${id}/meta.json) lists ${slot.meta.input.channels.length}`,
    );
  const x = modelInputFor(s.prepared, slot.meta.input.kind);
  return { x, T: x.length / C, C, key: s.appModels?.primary.id === id ? undefined : id };
}
