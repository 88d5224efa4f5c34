import type { ThreeEvent } from '@react-three/fiber';
import { useThree } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { BufferAttribute, BufferGeometry } from 'three';
import type { Segment } from '../../core/eval/study-format';
import { buildTube } from '../heart/tube';
import { useAppStoreApi } from '../store/useAppStore';

const MARK_RGB = [0.11, 0.31, 0.85];
const SELECTED_RGB = [0.92, 0.35, 0.05];
const MARK_RADIUS_MM = 2.4;
/** The invisible tube that catches clicks: wider than the drawn one, so the thin ST stretch is easy to hit. */
const PICK_RADIUS_MM = 4;
/** Pointer travel (px) under which a press on the trajectory is a click, not an orbit drag. */
const CLICK_PX = 4;

function tube(points: Float32Array, radius: number, rgb: readonly number[]): BufferGeometry {
  const T = points.length / 3;
  const colors = new Float32Array(points.length);
  for (let i = 0; i < T; i++) colors.set(rgb, i * 3);
  const t = buildTube(points, radius, colors, 12);
  const g = new BufferGeometry();
  g.setAttribute('position', new BufferAttribute(t.positions, 3));
  g.setAttribute('normal', new BufferAttribute(t.normals, 3));
  g.setAttribute('color', new BufferAttribute(t.colors, 3));
  g.setIndex(new BufferAttribute(t.indices, 1));
  return g;
}

/** The world points of samples [i0, i1] (at least two, so a ±10 ms point still makes a tube). */
function stretch(world: Float32Array, i0: number, i1: number): Float32Array {
  const T = world.length / 3;
  const a = Math.max(0, Math.min(T - 2, i0));
  const b = Math.max(a + 1, Math.min(T - 1, i1));
  return world.slice(a * 3, (b + 1) * 3);
}

/**
 * The expert's CineECG marks drawn on the trajectory itself (a thicker blue sleeve, orange when selected), and the
 * trajectory as a click target: a click marks a point (±10 ms) at the nearest sample, hovering moves the shared
 * time cursor. Rendered inside HeartCanvas (world coordinates of the heart view).
 */
export function TrajectoryMarks({
  world,
  fsHz,
  segments,
  selectedId,
  enabled,
  onPick,
}: {
  world: Float32Array;
  fsHz: number;
  segments: readonly Segment[];
  selectedId: string | null;
  enabled: boolean;
  onPick: (ms: number) => void;
}) {
  const appStore = useAppStoreApi();
  const invalidate = useThree((s) => s.invalidate);
  const msPerSample = 1000 / fsHz;
  const marks = useMemo(
    () =>
      segments.map((s) => ({
        id: s.id,
        geometry: tube(
          stretch(world, Math.floor(s.startMs / msPerSample), Math.ceil(s.endMs / msPerSample)),
          MARK_RADIUS_MM,
          s.id === selectedId ? SELECTED_RGB : MARK_RGB,
        ),
      })),
    [segments, selectedId, world, msPerSample],
  );
  const pick = useMemo(() => tube(world, PICK_RADIUS_MM, [0, 0, 0]), [world]);
  useEffect(() => {
    invalidate();
    return () => marks.forEach((m) => m.geometry.dispose());
  }, [marks, invalidate]);
  useEffect(() => () => pick.dispose(), [pick]);

  const msAt = (e: ThreeEvent<PointerEvent | MouseEvent>): number => {
    let best = 0;
    let d2 = Infinity;
    for (let i = 0; i < world.length / 3; i++) {
      const dx = world[3 * i] - e.point.x;
      const dy = world[3 * i + 1] - e.point.y;
      const dz = world[3 * i + 2] - e.point.z;
      const d = dx * dx + dy * dy + dz * dz;
      if (d < d2) [d2, best] = [d, i];
    }
    return best * msPerSample;
  };

  return (
    <group name="study-marks">
      {marks.map((m) => (
        <mesh key={m.id} geometry={m.geometry} name="study-mark" renderOrder={2}>
          <meshLambertMaterial vertexColors transparent opacity={0.75} depthWrite={false} />
        </mesh>
      ))}
      <mesh
        geometry={pick}
        name="trajectory-pick"
        onPointerMove={(e) => appStore.getState().setCursorMs(msAt(e))}
        onClick={(e) => {
          if (!enabled || e.delta > CLICK_PX) return;
          e.stopPropagation();
          onPick(msAt(e));
        }}
      >
        <meshBasicMaterial transparent opacity={0} depthWrite={false} />
      </mesh>
    </group>
  );
}
