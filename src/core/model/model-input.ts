import { cineSignal } from '../cine/twin-signal';
import type { PreparedEcg } from '../ecg/prepare.types';
import type { ModelInputKind } from '../registry/model-meta';

/**
 * The input a model of the given input kind (its registry entry, models/<id>/meta.json) takes for a prepared
 * record: '12-lead' → the z-scored 12-lead window; 'cinecg' → the CineECG signal of the same window (paper 3.4).
 * [T × C], time-major.
 */
export function modelInputFor(prepared: PreparedEcg, kind: ModelInputKind): Float32Array {
  switch (kind) {
    case '12-lead':
      return prepared.window;
    case 'cinecg':
      return cineSignal(prepared);
  }
}

/**
 * For a model with no registry entry (a user's `--model`, a test's linear model), the kind its input shape implies:
 * 12 channels read the 12-lead window, 3 the CineECG signal. Registered models are looked up by kind instead.
 */
export function modelInputOf(prepared: PreparedEcg, channels: number): Float32Array {
  if (channels === 12) return modelInputFor(prepared, '12-lead');
  if (channels === 3) return modelInputFor(prepared, 'cinecg');
  throw new Error(`no input is defined for a model with ${channels} channels (12-lead: 12, CineECG: 3)`);
}
