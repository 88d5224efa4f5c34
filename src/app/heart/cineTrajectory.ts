import { cineWindow } from '../../core/cine/cine-signal';
import type { PreparedEcg } from '../../core/ecg/prepare.types';
import type { TrajectoryView } from './trajectoryStyle';

/**
 * The open case's mTSI trajectory over the model's 400 ms window, in the LPS heart frame: the one call into
 * src/core/cine (band-passed mV in, one point per window sample out, with the core's default walk). Float32 is
 * plenty for drawing (the core keeps Float64 because the walk is a running sum).
 */
export function trajectoryOf(prepared: PreparedEcg): TrajectoryView {
  const { trajectory } = cineWindow(prepared);
  return { points: Float32Array.from(trajectory.points), fsHz: trajectory.fsHz };
}
