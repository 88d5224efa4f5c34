import { useFrame, useThree } from '@react-three/fiber';
import { forwardRef, type RefObject, useRef } from 'react';
import { Vector3 } from 'three';
import type { TimeLabel } from './trajectoryStyle';

/** Same label samples, in order. */
export const sameSamples = (a: TimeLabel[], b: TimeLabel[]): boolean => a.length === b.length && a.every((l, i) => l.sample === b[i].sample);

/** [N × 3] world positions of the labels' samples. */
export const labelAnchors = (labels: TimeLabel[], world: ArrayLike<number>): Float32Array =>
  Float32Array.from(labels.flatMap((l) => [world[3 * l.sample], world[3 * l.sample + 1], world[3 * l.sample + 2]]));

/**
 * Millisecond labels along the trajectory as plain DOM text over the canvas: no font download (drei's Text
 * fetches one from a CDN) and no React root per label (drei's Html makes one each, and under StrictMode their
 * unmount/remount race left random labels empty). One layer, positioned per rendered frame from `useFrame`.
 */
export const TimeLabelLayer = forwardRef<HTMLDivElement, { labels: TimeLabel[] }>(function TimeLabelLayer({ labels }, ref) {
  return (
    <div ref={ref} className="heart-labels" aria-hidden="true">
      {labels.map((l) => (
        <span key={l.sample} className={l.segment ? 'heart-label heart-label-segment' : 'heart-label'} data-ms={l.ms} {...(l.segment && { 'data-segment': l.segment })}>
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
 * Inside the Canvas: projects each label's anchor (world coordinates, [N × 3]) and moves its span there. Where the
 * path folds back on screen, labels would pile up: the segment names win, then earlier times, the rest hide.
 */
export function LabelProjector({ layer, anchors }: { layer: RefObject<HTMLDivElement | null>; anchors: Float32Array }) {
  const size = useThree((s) => s.size);
  const v = useRef(new Vector3());
  useFrame(({ camera }) => {
    const spans = layer.current ? (Array.from(layer.current.children) as HTMLElement[]) : [];
    const n = Math.min(spans.length, Math.floor(anchors.length / 3));
    // Read every size before writing any transform (no layout thrash).
    const sizes = spans.slice(0, n).map((el) => [el.offsetWidth, el.offsetHeight]);
    const order = [...Array(n).keys()].sort((a, b) => Number(!spans[a].classList.contains('heart-label-segment')) - Number(!spans[b].classList.contains('heart-label-segment')) || a - b);
    const placed: DOMRectLike[] = [];
    // The renderer refreshes the camera's matrices only inside render(), after this: without this line the labels
    // would lag the controls by one frame, and with frameloop 'demand' that frame may never come.
    camera.updateMatrixWorld();
    for (const i of order) {
      v.current.fromArray(anchors, 3 * i).project(camera);
      const x = ((v.current.x + 1) / 2) * size.width;
      const y = ((1 - v.current.y) / 2) * size.height;
      // The CSS margin puts the text 6 px right of the anchor; translateY(-50%) centres it on the anchor vertically.
      const box = { x: x + 6, y: y - sizes[i][1] / 2, w: sizes[i][0], h: sizes[i][1] };
      const hidden = Math.abs(v.current.z) > 1 || placed.some((p) => overlaps(p, box));
      if (!hidden) placed.push(box);
      spans[i].style.visibility = hidden ? 'hidden' : 'visible';
      spans[i].style.transform = `translate(${x}px, ${y}px) translateY(-50%)`;
    }
  });
  return null;
}
