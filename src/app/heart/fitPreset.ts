import { lpsToThree, type Triple } from './frameToThree';
import { widestDirection } from './fitTrajectory';
import type { CameraPreset } from './presets';
import type { TrajectoryView } from './trajectoryStyle';

/**
 * The "Fit trajectory" preset: the camera frames the QRS part of the trajectory (samples [0, qrsEndSample)) from
 * whichever anatomical preset's direction shows that loop widest, so the coloured part fills the view. Null without a
 * trajectory.
 */
export function fitPreset(
  anatomical: CameraPreset[],
  view: TrajectoryView | null | undefined,
  qrsEndSample: number,
): CameraPreset | null {
  if (!view || anatomical.length === 0) return null;
  const qrs = view.points.subarray(0, Math.max(2, qrsEndSample) * 3);
  const world: number[] = [];
  for (let i = 0; i + 2 < qrs.length; i += 3) world.push(...lpsToThree([qrs[i], qrs[i + 1], qrs[i + 2]]));
  const best =
    anatomical[
      widestDirection(
        world,
        anatomical.map((p) => lpsToThree(p.fromLps) as Triple),
      )
    ];
  return {
    name: 'fit',
    label: 'Fit trajectory',
    title: `Fit trajectory: frames the QRS part (thick, coloured) from the ${best.label} direction, where that loop shows widest`,
    fromLps: best.fromLps,
  };
}
