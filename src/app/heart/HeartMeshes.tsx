import { useEffect, useMemo } from 'react';
import { BufferAttribute, BufferGeometry, DoubleSide } from 'three';
import type { HeartMeshes as Meshes, TriangleMesh } from '../../core/cine/heart-mesh';
import { lpsArrayToThree } from './frameToThree';
import { SURFACES } from './heartColors';

function toGeometry(mesh: TriangleMesh): BufferGeometry {
  const g = new BufferGeometry();
  g.setAttribute('position', new BufferAttribute(lpsArrayToThree(mesh.positions), 3));
  g.setIndex(new BufferAttribute(mesh.indices, 1));
  g.computeVertexNormals();
  g.computeBoundingSphere();
  return g;
}

/**
 * Epicardium and the two cavities, semi-transparent so the trajectory inside shows through. Transparent
 * surfaces do not write depth (each stays visible through the others) and are drawn in a fixed order,
 * inner first (renderOrder), because three's per-object distance sort is meaningless for nested shells that
 * share a centre. Double-sided: the valve rims are open, so the inside of each shell can face the camera.
 */
/** How each surface is shown: its style's opacity times this (1 shown, SURFACE_FADED faded, 0 hidden). */
export type SurfaceOpacity = Partial<Record<keyof Meshes, number>>;
export const SURFACE_FADED = 0.5;

export function HeartMeshes({ meshes, opacity = {} }: { meshes: Meshes; opacity?: SurfaceOpacity }) {
  const geometries = useMemo(() => SURFACES.map((s) => toGeometry(meshes[s.key])), [meshes]);
  useEffect(() => () => geometries.forEach((g) => g.dispose()), [geometries]);
  return (
    <group name="heart">
      {SURFACES.map((s, i) => (
        <mesh
          key={s.key}
          name={s.key}
          geometry={geometries[i]}
          renderOrder={s.renderOrder}
          visible={(opacity[s.key] ?? 1) > 0}
        >
          <meshLambertMaterial
            color={s.color}
            transparent
            opacity={s.opacity * (opacity[s.key] ?? 1)}
            depthWrite={false}
            side={DoubleSide}
          />
        </mesh>
      ))}
    </group>
  );
}
