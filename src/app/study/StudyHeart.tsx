import { useEffect, useMemo, useState } from 'react';
import type { PreparedEcg } from '../../core/ecg/prepare.types';
import type { Segment } from '../../core/eval/study-format';
import { type AppError, toAppError } from '../errors/appError';
import { ErrorPanel } from '../errors/ErrorPanel';
import { lpsArrayToThree } from '../heart/frameToThree';
import { TrajectoryMarks } from './TrajectoryMarks';
import { caseTrajectory } from '../heart/cineTrajectory';
import { boundingRadius } from '../heart/frameToThree';
import HeartCanvas, { FOV_DEG, type PresetRequest } from '../heart/HeartCanvas';
import { type HeartAsset, loadHeart } from '../heart/loadHeart';
import { type AxisLandmarks, cameraPresets, fitDistance } from '../heart/presets';

const axesOf = (asset?: HeartAsset): AxisLandmarks | undefined => {
  const l = asset?.info.landmarks as Partial<AxisLandmarks> | undefined;
  return l?.longAxis?.length === 3 && l.septumDirection?.length === 3 ? (l as AxisLandmarks) : undefined;
};

/**
 * The interactive 3D CineECG for blind mode: the heart and the case's trajectory in neutral grey (phi = null, so no
 * model colouring can appear), with the viewer's camera presets. Lazy-loaded with three.js.
 */
export interface StudyHeartProps {
  prepared: PreparedEcg;
  /** The open case's CineECG marks, drawn on the trajectory; a click on the trajectory marks a point there. */
  segments: readonly Segment[];
  selectedId: string | null;
  enabled: boolean;
  onPickMs: (ms: number) => void;
}

export default function StudyHeart({ prepared, segments, selectedId, enabled, onPickMs }: StudyHeartProps) {
  const [asset, setAsset] = useState<HeartAsset | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  useEffect(() => {
    let live = true;
    loadHeart(document.baseURI).then(
      (a) => live && setAsset(a),
      (e: unknown) => live && setError(toAppError(e)),
    );
    return () => void (live = false);
  }, []);
  const traj = useMemo((): { trajectory: ReturnType<typeof caseTrajectory> | null; error: AppError | null } => {
    try {
      return { trajectory: caseTrajectory(prepared), error: null };
    } catch (e) {
      return { trajectory: null, error: toAppError(e) };
    }
  }, [prepared]);
  const trajectory = traj.trajectory;
  const world = useMemo(() => (trajectory ? lpsArrayToThree(trajectory.points) : null), [trajectory]);
  const presets = useMemo(() => cameraPresets(axesOf(asset ?? undefined)), [asset]);
  const [request, setRequest] = useState<PresetRequest>(() => ({ preset: presets[0], nonce: 0 }));
  // 0.7 of the viewer's fit: the trajectory (what is annotated) is small inside the heart; the heart's rim may crop.
  const distance = useMemo(
    () =>
      0.7 *
      fitDistance(boundingRadius(asset?.meshes.epicardium.positions ?? [], trajectory?.points ?? []) || 100, FOV_DEG),
    [asset, trajectory],
  );

  return (
    <div className="study-heart">
      <div className="segmented study-presets" role="group" aria-label="Camera presets">
        {presets.map((p) => (
          <button
            key={p.name}
            type="button"
            aria-pressed={request.preset.name === p.name}
            className={request.preset.name === p.name ? 'selected' : undefined}
            title={p.title}
            onClick={() => setRequest((r) => ({ preset: p, nonce: r.nonce + 1 }))}
          >
            {p.label}
          </button>
        ))}
      </div>
      <div
        className="study-heart-stage"
        role="img"
        aria-label="3D heart with the CineECG trajectory of the 400 ms window, in neutral grey; your CineECG marks in blue. Drag to rotate, scroll to zoom, click the trajectory to mark a point."
        data-testid="study-heart"
        data-colored="neutral"
        data-marks={segments.length}
        data-heart-status={asset ? 'ready' : error ? 'error' : 'loading'}
      >
        {asset && (
          <HeartCanvas
            meshes={asset.meshes}
            trajectory={trajectory}
            phi={null}
            request={request}
            distance={distance}
            qrsEndSample={trajectory ? trajectory.points.length / 3 : 0}
            surfaces={{}}
          >
            {world && trajectory && (
              <TrajectoryMarks
                world={world}
                fsHz={trajectory.fsHz}
                segments={segments}
                selectedId={selectedId}
                enabled={enabled}
                onPick={onPickMs}
              />
            )}
          </HeartCanvas>
        )}
        {!asset && !error && <p className="loading">Loading the heart geometry…</p>}
        {error && <ErrorPanel error={error} title="The heart geometry could not be loaded" />}
        {traj.error && (
          <ErrorPanel error={traj.error} title="The CineECG trajectory could not be computed for this record" />
        )}
      </div>
    </div>
  );
}
