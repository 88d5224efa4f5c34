import { cineSignal } from '../cine/twin-signal';
import type { PreparedEcg } from '../ecg/prepare.types';

/**
 * The input a model with `channels` input channels takes for a prepared record: 12 → the z-scored 12-lead
 * window; 3 → the CineECG signal of the same window (the twin model, paper 3.4). [T × C], time-major.
 */
export function modelInputOf(prepared: PreparedEcg, channels: number): Float32Array {
  if (channels === 12) return prepared.window;
  if (channels === 3) return cineSignal(prepared);
  throw new Error(`no input is defined for a model with ${channels} channels (12-lead: 12, CineECG: 3)`);
}
