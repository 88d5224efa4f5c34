import { css, divergingColor } from '../color/diverging';
import { NEUTRAL_RGB, type SegmentBounds, segmentLegend, type SegmentSpan } from './trajectoryStyle';

const STOPS = Array.from({ length: 11 }, (_, i) => -1 + i / 5);
const GRADIENT = `linear-gradient(to right, ${STOPS.map((v) => css(divergingColor(v))).join(', ')})`;

/**
 * Colour scale of the trajectory (the same RdBu as the 12-lead overlay), the segments (`spans`: the beat's QRS, ST
 * and T, or the fixed QRS/ST-T split) and the surfaces.
 */
export function HeartLegend({
  colored,
  method,
  spans,
  segments,
}: {
  colored: boolean;
  method?: string;
  spans: SegmentSpan[];
  segments?: SegmentBounds | null;
}) {
  return (
    <div className="heart-legend" data-testid="heart-legend">
      {colored ? (
        <figure
          className="heart-scale"
          aria-label="Trajectory colour scale: Φd(t) from −1, evidence for normal, to +1, evidence for abnormal"
        >
          <div className="heart-scale-bar" style={{ background: GRADIENT }} />
          <figcaption className="heart-scale-labels">
            <span>−1 evidence for normal</span>
            <span>0</span>
            <span>+1 evidence for abnormal</span>
          </figcaption>
          <p className="muted heart-note">
            Colour = Φd(t), eq. 2{method ? ` (${method})` : ''}: the attributions summed over the model’s channels,
            scaled to [−1, 1].
          </p>
        </figure>
      ) : (
        <p className="muted heart-note">
          <span className="heart-swatch" style={{ background: css(NEUTRAL_RGB) }} aria-hidden="true" /> Trajectory in
          grey: run an explanation above to colour it by Φd(t) (−1 evidence for normal … +1 for abnormal).
        </p>
      )}
      <p className="muted heart-note">
        {segmentLegend(spans, segments)} Numbers: ms after QRS onset. Amber ball: the time cursor.
      </p>
    </div>
  );
}
