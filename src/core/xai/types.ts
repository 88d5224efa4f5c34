import { CodedError } from '../errors';

/** Attributions and how they were computed. Arrays are [T × C], time-major (index t * C + c), like the model input. */
export interface AttributionResult {
  /** A[k] for k = 0 (normal) and 1 (abnormal), on the logits. */
  attributions: [Float32Array, Float32Array];
  /** Per class, Σ attributions − (f_k(x) − f_k(x′)); averaged over noisy copies with the noise tunnel. */
  delta: [number, number];
  logits: [number, number];
  baselineLogits: [number, number];
}

/** Progress as a fraction of model evaluations done, with the phase it belongs to. */
export type ProgressFn = (fraction: number, phase: string) => void;

/**
 * Asked between batches of model evaluations; true stops the computation with `Cancelled`. It may be async:
 * the browser worker yields a macrotask there so that a `cancel` message can arrive mid-computation.
 */
export type StopCheck = () => boolean | Promise<boolean>;

export class Cancelled extends CodedError<'cancelled'> {
  constructor() {
    super('cancelled', 'cancelled');
    this.name = 'Cancelled';
  }
}
