/**
 * The CineECG of the model's 400 ms window: the mTSI trajectory and the VCG over exactly the samples the classifier
 * sees (prepareEcg's window), and the [200 × 3] signal the CineECG twin model trains on.
 *
 * Input is the band-passed signal in mV (PreparedEcg.filteredMv), not the z-scored model input: z-scoring every
 * lead by its own spread would reweigh the electrodes against each other and so bend the trajectory. (Pre-z-scored
 * training arrays, e.g. ../shared/data/ptbxl-zscored, can be passed as `filteredMv` too; their trajectories are then
 * an approximation — documented where they are used.)
 */
import { FRAME, type TrajectoryMm } from './frame';
import { mtsiTrajectory, type MtsiOptions } from './mtsi';
import { unipolarPotentials, type LimbSource } from './unipolar';
import { vcgLps, type VcgMethod } from './vcg';
import { type CineInput, windowLeads, windowQrsOffsetMs } from './window-leads';

export { type CineInput, windowLeads, windowStartSample } from './window-leads';
export { CINE_SIGNAL_SCALE_MM, TWIN_MODEL_WALK, cineSignal } from './twin-signal';

export interface CineOptions extends MtsiOptions {
  vcgMethod?: VcgMethod;
  limbsFrom?: LimbSource;
}

export interface CineWindow {
  frame: typeof FRAME;
  fsHz: number;
  windowStartMs: number;
  /** The QRS end (J point) of the window's beat, ms after the window start (waves.ts); the walk's phase boundary. */
  qrsOffsetMs: number;
  /** The mTSI, [windowSamples × 3] mm, time-major. */
  trajectory: TrajectoryMm;
  /** The reconstructed VCG in the same frame, [windowSamples × 3] mV, time-major. */
  vcg: Float64Array;
}

/** The walk's options for this window: the QRS end (the v2 walk's phase boundary) comes from the record. */
function walkOptions(input: CineInput, options: CineOptions, qrsOffsetMs: number) {
  return {
    ...options,
    fsHz: input.fsHz,
    qrsEndSample: options.qrsEndSample ?? Math.round((qrsOffsetMs * input.fsHz) / 1000),
  };
}

export function cineWindow(input: CineInput, options: CineOptions = {}): CineWindow {
  const leads = windowLeads(input);
  const qrsOffsetMs = windowQrsOffsetMs(input);
  const trajectory = mtsiTrajectory(
    unipolarPotentials(leads, 0, input.windowSamples, options.limbsFrom),
    walkOptions(input, options, qrsOffsetMs),
  );
  const vcg = vcgLps(leads, options.vcgMethod);
  return { frame: FRAME, fsHz: input.fsHz, windowStartMs: input.windowStartMs, qrsOffsetMs, trajectory, vcg };
}
