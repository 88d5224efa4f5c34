import { OrbitControls } from '@react-three/drei';
import { Canvas, useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import type { DirectionalLight, Vector3 } from 'three';
import type { HeartMeshes as Meshes } from '../../core/cine/heart-mesh';
import { appStore } from '../store/appStore';
import { lpsArrayToThree } from './frameToThree';
import { BACKGROUND } from './heartColors';
import { HeartMeshes } from './HeartMeshes';
import { type CameraPreset, presetPosition } from './presets';
import { LabelProjector, TimeLabelLayer } from './TimeLabels';
import { Trajectory } from './Trajectory';
import { timeLabels, type TrajectoryView } from './trajectoryStyle';

export const FOV_DEG = 35;

/** A preset request; `nonce` makes a second click on the same preset reset the view after the user orbited. */
export interface PresetRequest {
  preset: CameraPreset;
  nonce: number;
}

/** Moves the camera when a preset is asked for; the orbit target stays at the ventricles' centre. */
function PresetCamera({ request, distance }: { request: PresetRequest; distance: number }) {
  const camera = useThree((s) => s.camera);
  // The default controls (OrbitControls makeDefault); typed by what is used here, not by three-stdlib's class.
  const controls = useThree((s) => s.controls) as unknown as { target: Vector3; update: () => void } | null;
  const invalidate = useThree((s) => s.invalidate);
  useEffect(() => {
    camera.position.fromArray(presetPosition(request.preset, distance));
    camera.up.set(0, 1, 0); // superior, in every preset (frameToThree.ts)
    if (controls) {
      controls.target.set(0, 0, 0);
      controls.update();
    } else camera.lookAt(0, 0, 0);
    invalidate();
  }, [request, distance, camera, controls, invalidate]);
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
  const invalidate = useThree((s) => s.invalidate);
  useEffect(() => appStore.subscribe((s, prev) => s.cursorMs !== prev.cursorMs && invalidate()), [invalidate]);
  useFrame(() => onFrame?.());
  return null;
}

export interface HeartCanvasProps {
  meshes: Meshes;
  trajectory: TrajectoryView | null;
  phi: ArrayLike<number> | null;
  request: PresetRequest;
  /** Camera distance that fits the heart and the trajectory, mm. */
  distance: number;
  /** Called on every rendered frame (the panel counts them for tests: a frame after a change = it is drawn). */
  onFrame?: () => void;
  /** Extra scene content in the heart's world frame (study mode draws the expert's marks and picks times here). */
  children?: React.ReactNode;
}

export default function HeartCanvas({ meshes, trajectory, phi, request, distance, onFrame, children }: HeartCanvasProps) {
  const world = useMemo(() => (trajectory ? lpsArrayToThree(trajectory.points) : null), [trajectory]);
  const labels = useMemo(() => (world && trajectory ? timeLabels(world.length / 3, trajectory.fsHz, trajectory.segments) : []), [world, trajectory]);
  const anchors = useMemo(() => Float32Array.from(labels.flatMap((l) => [0, 1, 2].map((a) => world![3 * l.sample + a]))), [labels, world]);
  const layer = useRef<HTMLDivElement>(null);
  return (
    <>
      <Canvas
        frameloop="demand"
        dpr={[1, 2]}
        // preserveDrawingBuffer: the pixels stay readable after the frame (tests, "save image").
        gl={{ preserveDrawingBuffer: true, antialias: true }}
        camera={{ fov: FOV_DEG, near: 1, far: distance * 10, position: presetPosition(request.preset, distance) }}
        aria-hidden="true"
      >
        <color attach="background" args={[BACKGROUND]} />
        <ambientLight intensity={0.85} />
        <HeadLight />
        {world && trajectory && <Trajectory world={world} fsHz={trajectory.fsHz} phi={phi} labels={labels} segments={trajectory.segments ?? null} />}
        <HeartMeshes meshes={meshes} />
        <OrbitControls makeDefault enableDamping={false} target={[0, 0, 0]} minDistance={distance * 0.2} maxDistance={distance * 4} />
        <PresetCamera request={request} distance={distance} />
        <LabelProjector layer={layer} anchors={anchors} />
        <RenderOnCursor onFrame={onFrame} />
        {children}
      </Canvas>
      <TimeLabelLayer ref={layer} labels={labels} />
    </>
  );
}
