import { useEffect, useMemo } from 'react';
import { BufferAttribute, BufferGeometry, Color } from 'three';
import { lpsArrayToThree } from '../heart/frameToThree';
import { buildTube } from '../heart/tube';
import { TRUTH_RGB } from './drawTruthMask';
import { truthRuns } from './truthRuns';

/** Wider than the thickest (QRS) part of the trajectory tube (1.6 mm), so the sheath shows around it. */
const SHEATH_RADIUS_MM = 3;

/**
 * A synthetic case's truth along the CineECG trajectory: a translucent green sheath around every stretch of the window
 * where some lead's truth mask is on (the time samples of the mask highlighted on the path). Scene content of
 * HeartCanvas (its children), in the heart's world frame; `points` is the trajectory in LPS millimetres.
 */
export function TruthTube({ points, truth }: { points: Float32Array; truth: Uint8Array }) {
  const geometry = useMemo(() => {
    const world = lpsArrayToThree(points);
    const n = Math.min(world.length / 3, truth.length);
    const c = new Color(TRUTH_RGB);
    const pieces = truthRuns(truth.subarray(0, n)).map(([a, b]) => {
      // One sample more each side: a tube needs two rings, and the sheath should cover the run's ends.
      const from = Math.max(0, a - 1);
      const to = Math.min(n - 1, b + 1);
      const seg = world.subarray(3 * from, 3 * (to + 1));
      return buildTube(
        seg,
        SHEATH_RADIUS_MM,
        Float32Array.from({ length: seg.length }, (_, k) => [c.r, c.g, c.b][k % 3]),
      );
    });
    if (pieces.length === 0) return null;
    // One geometry for all runs: concatenated arrays, indices shifted by the vertices before them.
    const count = pieces.reduce((s, p) => s + p.positions.length / 3, 0);
    const positions = new Float32Array(count * 3);
    const normals = new Float32Array(count * 3);
    const colors = new Float32Array(count * 3);
    const indices = new Uint32Array(pieces.reduce((s, p) => s + p.indices.length, 0));
    let v = 0;
    let k = 0;
    for (const p of pieces) {
      positions.set(p.positions, 3 * v);
      normals.set(p.normals, 3 * v);
      colors.set(p.colors, 3 * v);
      indices.set(
        p.indices.map((i) => i + v),
        k,
      );
      v += p.positions.length / 3;
      k += p.indices.length;
    }
    const g = new BufferGeometry();
    g.setAttribute('position', new BufferAttribute(positions, 3));
    g.setAttribute('normal', new BufferAttribute(normals, 3));
    g.setAttribute('color', new BufferAttribute(colors, 3));
    g.setIndex(new BufferAttribute(indices, 1));
    g.computeBoundingSphere();
    return g;
  }, [points, truth]);
  useEffect(() => () => geometry?.dispose(), [geometry]);
  if (!geometry) return null;
  return (
    <mesh geometry={geometry} name="truth-sheath" renderOrder={12}>
      <meshLambertMaterial vertexColors transparent opacity={0.35} depthWrite={false} />
    </mesh>
  );
}
