import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { BufferAttribute, BufferGeometry, type Mesh } from 'three';
import { highContrastColor } from '../color/diverging';
import { useAppStoreApi } from '../store/useAppStore';
import { useTour } from '../tour/useTour';
import { MARKER_COLOR, MARKER_RADIUS_MM } from './heartColors';
import { buildTube } from './tube';
import { pointAtMs, type SegmentBounds, type TimeLabel, trajectoryColors, trajectoryRadii } from './trajectoryStyle';

function tubeGeometry(
  world: Float32Array,
  fsHz: number,
  phi: ArrayLike<number> | null,
  segments: SegmentBounds | null,
  highContrast: boolean,
): BufferGeometry {
  const T = world.length / 3;
  const tube = buildTube(
    world,
    trajectoryRadii(T, fsHz, segments),
    highContrast ? trajectoryColors(T, phi, highContrastColor) : trajectoryColors(T, phi),
  );
  const g = new BufferGeometry();
  g.setAttribute('position', new BufferAttribute(tube.positions, 3));
  g.setAttribute('normal', new BufferAttribute(tube.normals, 3));
  g.setAttribute('color', new BufferAttribute(tube.colors, 3));
  g.setIndex(new BufferAttribute(tube.indices, 1));
  g.computeBoundingSphere();
  return g;
}

/** The marker at the shared time cursor: moved in useFrame from getState(), never through React state. */
function CursorMarker({ world, fsHz }: { world: Float32Array; fsHz: number }) {
  const appStore = useAppStoreApi();
  const ref = useRef<Mesh>(null);
  const p = useRef<[number, number, number]>([0, 0, 0]);
  useFrame(() => {
    const mesh = ref.current;
    if (!mesh) return;
    const ms = appStore.getState().cursorMs;
    mesh.visible = ms !== null;
    if (ms !== null) mesh.position.fromArray(pointAtMs(world, fsHz, ms, p.current));
  });
  return (
    <mesh ref={ref} name="cursor-marker" visible={false} renderOrder={11}>
      <sphereGeometry args={[MARKER_RADIUS_MM, 20, 14]} />
      <meshLambertMaterial color={MARKER_COLOR} transparent opacity={1} />
    </mesh>
  );
}

/**
 * The mTSI trajectory (world coordinates, [T × 3]) as a tube coloured per sample by Φ_d(t) (or grey), its radius
 * telling the segments apart: thick QRS, thin ST, medium T (the beat's waves, src/core/ecg/waves.ts), or thick QRS
 * region and thin ST-T without them; with a bead at every labelled time (the labels
 * themselves are DOM: TimeLabels.tsx) and the cursor marker.
 */
export function Trajectory({
  world,
  fsHz,
  phi,
  labels,
  segments,
}: {
  world: Float32Array;
  fsHz: number;
  phi: ArrayLike<number> | null;
  labels: TimeLabel[];
  segments: SegmentBounds | null;
}) {
  // Presenter mode draws the trajectory in high-contrast colours (a lecture hall's projector washes RdBu's pale middle out).
  const highContrast = useTour((s) => s.presenter);
  const geometry = useMemo(
    () => tubeGeometry(world, fsHz, phi, segments, highContrast),
    [world, fsHz, phi, segments, highContrast],
  );
  useEffect(() => () => geometry.dispose(), [geometry]);
  return (
    <group name="trajectory" userData={{ highContrast }}>
      {/* Drawn after the translucent surfaces (transparent pass, higher renderOrder; opacity stays 1), so no cavity
          tints it; it still tests depth against itself, the surfaces write none. */}
      <mesh geometry={geometry} name="trajectory-tube" renderOrder={10}>
        <meshLambertMaterial vertexColors transparent opacity={1} />
      </mesh>
      {labels.map((l) => (
        <mesh key={l.sample} position={[world[3 * l.sample], world[3 * l.sample + 1], world[3 * l.sample + 2]]}>
          <sphereGeometry args={[l.segment ? 1.9 : 1.2, 12, 8]} />
          <meshLambertMaterial color={l.segment ? '#1f2933' : '#52606d'} />
        </mesh>
      ))}
      <CursorMarker world={world} fsHz={fsHz} />
    </group>
  );
}
