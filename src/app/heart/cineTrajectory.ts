import { cineWindow } from '../../core/cine/cine-signal';
import type { PreparedEcg } from '../../core/ecg/prepare.types';
import { segmentsOf } from './waveSegments';
import type { TrajectoryView } from './trajectoryStyle';

export { segmentsOf };

/**
 * The open case's mTSI trajectory over the model's 400 ms window, in the LPS heart frame: the one call into
 * src/core/cine (band-passed mV in, one point per window sample out, with the core's default walk). Float32 is
 * plenty for drawing (the core keeps Float64 because the walk is a running sum). With it, the window beat's waves
 * (segmentsOf) that split the tube into QRS, ST and T.
 */
export function trajectoryOf(prepared: PreparedEcg): TrajectoryView {
  const { trajectory } = cineWindow(prepared);
  return { points: Float32Array.from(trajectory.points), fsHz: trajectory.fsHz, segments: segmentsOf(prepared) };
}

const cache = new WeakMap<PreparedEcg, TrajectoryView>();

/** trajectoryOf, computed once per prepared record: the panel, the tube and the labels share one object. Throws as it does. */
export function caseTrajectory(prepared: PreparedEcg): TrajectoryView {
  let view = cache.get(prepared);
  if (!view) cache.set(prepared, (view = trajectoryOf(prepared)));
  return view;
}
