/**
 * The CineECG twin model's input (models/cine3): the mTSI trajectory of the model window, walk v1, in mm / 50.
 * On its own file, apart from the display's walk v2, so the page (which builds this input before any 3D is shown)
 * does not load walk v2 and the epicardium's distance grid.
 */
import { electrodeArray } from './electrodes';
import { MTSI_V1_DEFAULTS, mtsiTrajectoryV1, type MtsiV1Options } from './mtsi-v1';
import { unipolarPotentials, type LimbSource } from './unipolar';
import { type CineInput, windowLeads } from './window-leads';

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
export function cineSignal(input: CineInput, options: TwinSignalOptions = {}): Float32Array {
  if (options.walk !== undefined && options.walk !== TWIN_MODEL_WALK)
    throw new Error(`the twin model's signal uses walk ${TWIN_MODEL_WALK}, not ${options.walk}`);
  const potentials = unipolarPotentials(windowLeads(input), 0, input.windowSamples, options.limbsFrom);
  const given = Object.fromEntries(
    Object.entries(options).filter(([k, v]) => v !== undefined && k !== 'walk' && k !== 'limbsFrom'),
  );
  const { points } = mtsiTrajectoryV1(potentials, {
    ...MTSI_V1_DEFAULTS,
    electrodes: electrodeArray(),
    ...given,
    fsHz: input.fsHz,
  });
  return Float32Array.from(points, (v) => v / CINE_SIGNAL_SCALE_MM);
}

export interface TwinSignalOptions extends Partial<Omit<MtsiV1Options, 'fsHz'>> {
  walk?: string;
  limbsFrom?: LimbSource;
}
