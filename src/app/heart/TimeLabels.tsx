import { useFrame, useThree } from '@react-three/fiber';
import { forwardRef, type RefObject, useRef } from 'react';
import { Vector3 } from 'three';
import type { TimeLabel } from './trajectoryStyle';

/**
 * Millisecond labels along the trajectory as plain DOM text over the canvas: no font download (drei's Text
 * fetches one from a CDN) and no React root per label (drei's Html makes one each, and under StrictMode their
 * unmount/remount race left random labels empty). One layer, positioned per rendered frame from `useFrame`.
 */
export const TimeLabelLayer = forwardRef<HTMLDivElement, { labels: TimeLabel[] }>(function TimeLabelLayer(
  { labels },
  ref,
) {
  return (
    <div ref={ref} className="heart-labels" aria-hidden="true">
      {labels.map((l) => (
        <span
          key={l.sample}
          className={l.segment ? 'heart-label heart-label-segment' : 'heart-label'}
          data-ms={l.ms}
          {...(l.segment && { 'data-segment': l.segment })}
        >
          {l.text}
        </span>
      ))}
    </div>
  );
});

/** Screen boxes that overlap (with a small gap): the later label of such a pair is hidden. */
const overlaps = (a: DOMRectLike, b: DOMRectLike, gap = 2) =>
  a.x < b.x + b.w + gap && b.x < a.x + a.w + gap && a.y < b.y + b.h + gap && b.y < a.y + a.h + gap;
interface DOMRectLike {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * Where a label may sit around its anchor (x, y), in order of preference: right, left, above, below, first 6 px away,
 * then further out (16, 28 px) where the path crowds the anchor.
 */
export function labelPlacements(
  x: number,
  y: number,
  w: number,
  h: number,
  gaps: readonly number[] = [6, 16, 28],
): DOMRectLike[] {
  return gaps.flatMap((gap) => [
    { x: x + gap, y: y - h / 2, w, h },
    { x: x - gap - w, y: y - h / 2, w, h },
    { x: x - w / 2, y: y - gap - h, w, h },
    { x: x - w / 2, y: y + gap, w, h },
  ]);
}

/** Whether any of the screen points [x0, y0, x1, y1 …] falls inside the box grown by `pad` px (the tube's width). */
export function coversPath(box: DOMRectLike, screen: ArrayLike<number>, pad = 4): boolean {
  for (let i = 0; i + 1 < screen.length; i += 2) {
    const [x, y] = [screen[i], screen[i + 1]];
    if (x > box.x - pad && x < box.x + box.w + pad && y > box.y - pad && y < box.y + box.h + pad) return true;
  }
  return false;
}

/**
 * Inside the Canvas: projects each label's anchor (world coordinates, [N × 3]) and moves its span there, on the first
 * side (right, left, above, below) where it covers neither the trajectory (`path`, world [T × 3]) nor an earlier label;
 * where none is free the label hides. Segment names are placed first, then earlier times.
 */
export function LabelProjector({
  layer,
  anchors,
  path,
}: {
  layer: RefObject<HTMLDivElement | null>;
  anchors: Float32Array;
  path?: Float32Array | null;
}) {
  const size = useThree((s) => s.size);
  const v = useRef(new Vector3());
  const screen = useRef(new Float32Array(0));
  useFrame(({ camera }) => {
    const spans = layer.current ? (Array.from(layer.current.children) as HTMLElement[]) : [];
    const n = Math.min(spans.length, Math.floor(anchors.length / 3));
    // Read every size before writing any transform (no layout thrash).
    const sizes = spans.slice(0, n).map((el) => [el.offsetWidth, el.offsetHeight]);
    const order = [...Array(n).keys()].sort(
      (a, b) =>
        Number(!spans[a].classList.contains('heart-label-segment')) -
          Number(!spans[b].classList.contains('heart-label-segment')) || a - b,
    );
    const placed: DOMRectLike[] = [];
    // The renderer refreshes the camera's matrices only inside render(), after this: without this line the labels
    // would lag the controls by one frame, and with frameloop 'demand' that frame may never come.
    camera.updateMatrixWorld();
    const T = path ? Math.floor(path.length / 3) : 0;
    if (screen.current.length !== 2 * T) screen.current = new Float32Array(2 * T);
    for (let t = 0; t < T; t++) {
      v.current.fromArray(path!, 3 * t).project(camera);
      screen.current[2 * t] = ((v.current.x + 1) / 2) * size.width;
      screen.current[2 * t + 1] = ((1 - v.current.y) / 2) * size.height;
    }
    for (const i of order) {
      v.current.fromArray(anchors, 3 * i).project(camera);
      const x = ((v.current.x + 1) / 2) * size.width;
      const y = ((1 - v.current.y) / 2) * size.height;
      const box =
        Math.abs(v.current.z) > 1
          ? undefined
          : labelPlacements(x, y, sizes[i][0], sizes[i][1]).find(
              (b) => !coversPath(b, screen.current) && !placed.some((p) => overlaps(p, b)),
            );
      if (box) placed.push(box);
      spans[i].style.visibility = box ? 'visible' : 'hidden';
      spans[i].style.transform = box ? `translate(${box.x}px, ${box.y}px)` : 'translate(-9999px, 0)';
      spans[i].dataset.anchor = `${x.toFixed(1)},${y.toFixed(1)}`;
    }
  });
  return null;
}
