import { css, divergingColor } from '../color/diverging';
import { NEUTRAL_RGB, QRS_RADIUS_MM, STT_RADIUS_MM } from './trajectoryStyle';
import { QRS_REGION_MS } from '../../core/constants';
import { SURFACES } from './heartColors';

const STOPS = Array.from({ length: 11 }, (_, i) => -1 + i / 5);
const GRADIENT = `linear-gradient(to right, ${STOPS.map((v) => css(divergingColor(v))).join(', ')})`;

/** Colour scale of the trajectory (the same RdBu as the 12-lead overlay), the segments and the surfaces. */
export function HeartLegend({ colored, method }: { colored: boolean; method?: string }) {
  return (
    <div className="heart-legend" data-testid="heart-legend">
      {colored ? (
        <figure className="heart-scale" aria-label="Trajectory colour scale: Φd(t) from −1, evidence for normal, to +1, evidence for abnormal">
          <div className="heart-scale-bar" style={{ background: GRADIENT }} />
          <figcaption className="heart-scale-labels">
            <span>−1 evidence for normal</span>
            <span>0</span>
            <span>+1 evidence for abnormal</span>
          </figcaption>
          <p className="muted heart-note">Colour = Φd(t), eq. 2{method ? ` (${method})` : ''}: the attributions summed over the model’s channels, scaled to [−1, 1].</p>
        </figure>
      ) : (
        <p className="muted heart-note">
          <span className="heart-swatch" style={{ background: css(NEUTRAL_RGB) }} aria-hidden="true" /> Trajectory in grey: run an explanation above to colour it by Φd(t) (−1 evidence for normal … +1 for abnormal).
        </p>
      )}
      <p className="muted heart-note">
        Thick tube ({(2 * QRS_RADIUS_MM).toFixed(1)} mm) = QRS, 0–{QRS_REGION_MS} ms; thin ({(2 * STT_RADIUS_MM).toFixed(1)} mm) = ST-T. Numbers: ms after QRS onset. Amber ball: the time cursor.{' '}
        {SURFACES.map((s) => (
          <span key={s.key} className="heart-surface-key">
            <span className="heart-swatch" style={{ background: s.color }} aria-hidden="true" /> {s.label}
          </span>
        ))}
      </p>
    </div>
  );
}
