import { OrbitControls } from '@react-three/drei';
import { Canvas, useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { type DirectionalLight, Vector3 } from 'three';
import type { HeartMeshes as Meshes } from '../../core/cine/heart-mesh';
import type { CameraPose } from '../share/cameraChannel';
import { useAppStoreApi } from '../store/useAppStore';
import { fitCamera, projectedBox } from './fitTrajectory';
import { lpsArrayToThree, lpsToThree } from './frameToThree';
import type { LosableRenderer } from './contextLoss';
import { BACKGROUND } from './heartColors';
import { HeartMeshes, type SurfaceOpacity } from './HeartMeshes';
import { type CameraPreset, presetPosition } from './presets';
import { LabelProjector, TimeLabelLayer } from './TimeLabels';
import { Trajectory } from './Trajectory';
import { timeLabels, type TrajectoryView } from './trajectoryStyle';

export const FOV_DEG = 35;

/** A preset request; `nonce` makes a second click on the same preset reset the view after the user orbited. */
export interface PresetRequest {
  preset: CameraPreset;
  nonce: number;
  /** An exact pose (world mm) instead of the preset's (a shared link's camera). */
  pose?: CameraPose | null;
  /** Chosen by the user, a link or the tour (not the panel's default or automatic fit): it goes into the address. */
  chosen?: boolean;
}

type Controls = { target: Vector3; update: () => void } | null;

/**
 * Moves the camera when a preset is asked for. Anatomical presets look at the ventricles' centre from `distance`;
 * "Fit trajectory" frames `fitWorld` (the QRS part, world coordinates) from its preset direction, for this canvas's
 * aspect ratio, and orbits about the QRS part's centre.
 */
function PresetCamera({
  request,
  distance,
  fitWorld,
}: {
  request: PresetRequest;
  distance: number;
  fitWorld: Float32Array | null;
}) {
  const camera = useThree((s) => s.camera);
  const controls = useThree((s) => s.controls) as unknown as Controls;
  const invalidate = useThree((s) => s.invalidate);
  const size = useThree((s) => s.size);
  const aspect = size.height > 0 ? size.width / size.height : 1;
  useEffect(() => {
    let target: [number, number, number] = [0, 0, 0];
    if (request.pose) {
      camera.position.fromArray(request.pose.position);
      target = request.pose.target;
    } else if (request.preset.name === 'fit' && fitWorld && fitWorld.length >= 6) {
      const fit = fitCamera(fitWorld, lpsToThree(request.preset.fromLps), FOV_DEG, aspect);
      camera.position.fromArray(fit.position);
      target = fit.target;
    } else camera.position.fromArray(presetPosition(request.preset, distance));
    camera.up.set(0, 1, 0); // superior, in every preset (frameToThree.ts)
    if (controls) {
      controls.target.set(...target);
      controls.update();
    } else camera.lookAt(...target);
    invalidate();
    // aspect: a resized canvas refits (the split moved, the window resized).
  }, [request, distance, camera, controls, invalidate, fitWorld, aspect]);
  return null;
}

/** A light from the viewer's side, so whatever faces the camera is lit whichever way it was turned. */
function HeadLight() {
  const ref = useRef<DirectionalLight>(null);
  useFrame(({ camera }) => ref.current?.position.copy(camera.position));
  return <directionalLight ref={ref} intensity={0.9} />;
}

/**
 * frameloop 'demand' keeps the CPU idle when nothing moves (SwiftShader renders on the CPU): frames are drawn
 * when controls move (drei invalidates), when props change, and when the shared cursor changes (below).
 */
function RenderOnCursor({ onFrame }: { onFrame?: () => void }) {
  const appStore = useAppStoreApi();
  const invalidate = useThree((s) => s.invalidate);
  useEffect(() => appStore.subscribe((s, prev) => s.cursorMs !== prev.cursorMs && invalidate()), [invalidate]);
  useFrame(() => onFrame?.());
  return null;
}

/** Measures, per frame, the screen box of the QRS part (CSS px) for the panel's data-* facts (tests, and "fills the view"). */
function MeasureQrs({
  world,
  onBox,
}: {
  world: Float32Array | null;
  onBox?: (w: number, h: number, cw: number, ch: number) => void;
}) {
  const size = useThree((s) => s.size);
  const v = useRef(new Vector3());
  useFrame(({ camera }) => {
    if (!world || !onBox) return;
    camera.updateMatrixWorld();
    const box = projectedBox(world, (x, y, z) => {
      v.current.set(x, y, z).project(camera);
      return [((v.current.x + 1) / 2) * size.width, ((1 - v.current.y) / 2) * size.height];
    });
    onBox(box.w, box.h, size.width, size.height);
  });
  return null;
}

export interface HeartCanvasProps {
  meshes: Meshes;
  trajectory: TrajectoryView | null;
  phi: ArrayLike<number> | null;
  request: PresetRequest;
  /** Camera distance that fits the heart and the trajectory, mm. */
  distance: number;
  /** Samples [0, qrsEndSample) are the QRS part: what "Fit trajectory" frames and the fill measure reads. */
  qrsEndSample: number;
  surfaces: SurfaceOpacity;
  /** Called on every rendered frame (the panel counts them for tests: a frame after a change = it is drawn). */
  onFrame?: () => void;
  onQrsBox?: (w: number, h: number, canvasW: number, canvasH: number) => void;
  /** The user moved the camera (orbit, pan, zoom ended): its pose, for a shareable link. */
  onCameraMoved?: (pose: CameraPose) => void;
  /** Extra scene content in the heart's world frame (study mode draws the expert's marks and picks times here). */
  children?: React.ReactNode;
  /** Receives the renderer once created (the panel follows its WebGL context: contextLoss.ts). */
  onRenderer?: (renderer: LosableRenderer) => void;
  /** Changes when the frame must be drawn again although no prop did (after a restored WebGL context). */
  redraw?: number;
}

/** frameloop 'demand' draws only when asked: a restored context has an empty drawing buffer until the next frame. */
function RedrawOn({ nonce }: { nonce: number }) {
  const invalidate = useThree((s) => s.invalidate);
  useEffect(() => invalidate(), [nonce, invalidate]);
  return null;
}

/** Reports the pose after each user interaction with the controls. */
function PoseReporter({ onMoved }: { onMoved?: (pose: CameraPose) => void }) {
  const controls = useThree((s) => s.controls) as unknown as
    | (Controls & {
        addEventListener?: (t: string, f: () => void) => void;
        removeEventListener?: (t: string, f: () => void) => void;
        object?: { position: Vector3 };
      })
    | null;
  useEffect(() => {
    if (!controls?.addEventListener || !onMoved) return;
    const end = () =>
      controls.object &&
      onMoved({
        position: controls.object.position.toArray() as [number, number, number],
        target: controls.target.toArray() as [number, number, number],
      });
    controls.addEventListener('end', end);
    return () => controls.removeEventListener?.('end', end);
  }, [controls, onMoved]);
  return null;
}

export default function HeartCanvas({
  meshes,
  trajectory,
  phi,
  request,
  distance,
  qrsEndSample,
  surfaces,
  onFrame,
  onQrsBox,
  onCameraMoved,
  children,
  onRenderer,
  redraw = 0,
}: HeartCanvasProps) {
  const world = useMemo(() => (trajectory ? lpsArrayToThree(trajectory.points) : null), [trajectory]);
  const qrsWorld = useMemo(
    () => (world ? world.subarray(0, Math.max(2, Math.min(world.length / 3, qrsEndSample)) * 3) : null),
    [world, qrsEndSample],
  );
  const labels = useMemo(
    () => (world && trajectory ? timeLabels(world.length / 3, trajectory.fsHz, trajectory.segments) : []),
    [world, trajectory],
  );
  const anchors = useMemo(
    () => Float32Array.from(labels.flatMap((l) => [0, 1, 2].map((a) => world![3 * l.sample + a]))),
    [labels, world],
  );
  const layer = useRef<HTMLDivElement>(null);
  return (
    <>
      <Canvas
        frameloop="demand"
        dpr={[1, 2]}
        // preserveDrawingBuffer: the pixels stay readable after the frame (tests, "save image", print).
        gl={{ preserveDrawingBuffer: true, antialias: true }}
        camera={{ fov: FOV_DEG, near: 0.5, far: distance * 10, position: presetPosition(request.preset, distance) }}
        aria-hidden="true"
        onCreated={({ gl }) => onRenderer?.(gl)}
      >
        <color attach="background" args={[BACKGROUND]} />
        <ambientLight intensity={0.85} />
        <HeadLight />
        {world && trajectory && (
          <Trajectory
            world={world}
            fsHz={trajectory.fsHz}
            phi={phi}
            labels={labels}
            segments={trajectory.segments ?? null}
          />
        )}
        <HeartMeshes meshes={meshes} opacity={surfaces} />
        {/* Zoom toward the pointer, twice drei's default speed, down to 5 mm: wheel ticks visibly move. */}
        <OrbitControls
          makeDefault
          enableDamping={false}
          target={[0, 0, 0]}
          minDistance={5}
          maxDistance={distance * 4}
          zoomSpeed={2}
          zoomToCursor
        />
        <PresetCamera request={request} distance={distance} fitWorld={qrsWorld} />
        <PoseReporter onMoved={onCameraMoved} />
        <LabelProjector layer={layer} anchors={anchors} path={world} />
        <MeasureQrs world={qrsWorld} onBox={onQrsBox} />
        <RenderOnCursor onFrame={onFrame} />
        <RedrawOn nonce={redraw} />
        {children}
      </Canvas>
      <TimeLabelLayer ref={layer} labels={labels} />
    </>
  );
}
