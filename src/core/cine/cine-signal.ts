/**
 * The CineECG of the model's 400 ms window: the mTSI trajectory and the VCG over exactly the samples the classifier
 * sees (prepareEcg's window), and the [200 × 3] signal the CineECG twin model trains on.
 *
 * Input is the band-passed signal in mV (PreparedEcg.filteredMv), not the z-scored model input: z-scoring every
 * lead by its own spread would reweigh the electrodes against each other and so bend the trajectory. (Pre-z-scored
 * training arrays, e.g. ../shared/data/ptbxl-zscored, can be passed as `filteredMv` too; their trajectories are then
 * an approximation — documented where they are used.)
 */
import type { PreparedEcg } from '../ecg/prepare.types';
import { delineateBeat } from '../ecg/waves';
import { FRAME, type TrajectoryMm } from './frame';
import { mtsiTrajectory, type MtsiOptions } from './mtsi';
import { unipolarPotentials, type LimbSource } from './unipolar';
import { vcgLps, type VcgMethod } from './vcg';

/** What the CineECG needs of a prepared record. */
export type CineInput = Pick<PreparedEcg, 'fsHz' | 'filteredMv' | 'windowStartMs' | 'windowSamples'>;

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

/** First sample of the model window (windowStartMs is a whole number of samples by construction). */
export function windowStartSample(input: Pick<CineInput, 'fsHz' | 'windowStartMs'>): number {
  return Math.round((input.windowStartMs * input.fsHz) / 1000);
}

/** Isoelectric reference: the mean of each lead over the BASELINE_MS before QRS onset (the PR segment's end). */
export const BASELINE_MS = 10;

/**
 * The 12 leads over the model window, each measured from its own isoelectric level just before QRS onset — the
 * origin point of the heart vector (Perez-Alday et al., Comput Biol Med 2019;104:127–38). The 0.5 Hz high-pass
 * leaves PR/TP levels a few tens of µV off zero, and with a fixed step such an offset alone would walk the mTSI
 * through the ST segment.
 */
export function windowLeads(input: CineInput): Float64Array[] {
  const start = windowStartSample(input);
  const nBase = Math.min(start, Math.round((BASELINE_MS * input.fsHz) / 1000));
  return input.filteredMv.map((lead) => {
    if (start + input.windowSamples > lead.length) throw new Error(`the window ends after the record (${lead.length} samples)`);
    let base = 0;
    for (let t = start - nBase; t < start; t++) base += lead[t];
    base = nBase > 0 ? base / nBase : lead[start];
    return Float64Array.from({ length: input.windowSamples }, (_, t) => lead[start + t] - base);
  });
}

/**
 * The QRS end of the beat that starts the window, ms after the window start: waves.ts's J point from the spatial
 * velocity of the band-passed leads (the same estimate the app's QRS/ST/T split uses; always in [60, 180] ms).
 */
export function windowQrsOffsetMs(input: CineInput): number {
  return delineateBeat(input.filteredMv, input.fsHz, windowStartSample(input)).qrsOffsetMs;
}

/** The walk's options for this window: the QRS end (the v2 walk's phase boundary) comes from the record. */
function walkOptions(input: CineInput, options: CineOptions, qrsOffsetMs: number) {
  return { ...options, fsHz: input.fsHz, qrsEndSample: options.qrsEndSample ?? Math.round((qrsOffsetMs * input.fsHz) / 1000) };
}

export function cineWindow(input: CineInput, options: CineOptions = {}): CineWindow {
  const leads = windowLeads(input);
  const qrsOffsetMs = windowQrsOffsetMs(input);
  const trajectory = mtsiTrajectory(unipolarPotentials(leads, 0, input.windowSamples, options.limbsFrom), walkOptions(input, options, qrsOffsetMs));
  const vcg = vcgLps(leads, options.vcgMethod);
  return { frame: FRAME, fsHz: input.fsHz, windowStartMs: input.windowStartMs, qrsOffsetMs, trajectory, vcg };
}

/**
 * Normalisation of the twin model's signal: trajectory millimetres divided by this fixed constant (the ~half-size
 * of the ventricles), so values are O(1) and every record keeps the same scale. Deliberately NOT z-scored per
 * record or per axis: CineECG's information is where the trajectory goes and how far, which per-record scaling
 * would erase. A model may still standardise with training-set statistics.
 */
export const CINE_SIGNAL_SCALE_MM = 50;

/**
 * The walk the shipped twin model (models/cine3) reads. The display uses walk v2 (readable, confined to the heart);
 * the model keeps the fixed-step walk v1 it was trained on: retrained on v2 with the same configuration it lost
 * 6 points of test accuracy (71.4% vs 77.3%, 2026-12-01), plausibly because confinement clips the path at the wall
 * and the peak-relative steps shrink ST-T deviations. Attributions are per time sample, so they colour the v2
 * trajectory at the same instants. Change this only together with a retrained model.
 */
export const TWIN_MODEL_WALK = 'v1' as const;

/** The twin model's input: [windowSamples × 3] float32, time-major (x, y, z per sample), mm / CINE_SIGNAL_SCALE_MM. */
export function cineSignal(input: CineInput, options: CineOptions = {}): Float32Array {
  const potentials = unipolarPotentials(windowLeads(input), 0, input.windowSamples, options.limbsFrom);
  const walk = { walk: TWIN_MODEL_WALK, ...options };
  const { points } = mtsiTrajectory(potentials, walkOptions(input, walk, windowQrsOffsetMs(input)));
  return Float32Array.from(points, (v) => v / CINE_SIGNAL_SCALE_MM);
}
