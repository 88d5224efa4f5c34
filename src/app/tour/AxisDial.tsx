import type { AxisDial as Dial } from '../../core/tour/templates';
import { AXIS_LIMITS_DEG } from '../../core/tour/qrs-axis';

const R = 46;
/** ECG convention: 0° = lead I to the right, +90° = aVF down (SVG's y runs down, so the angle maps directly). */
const at = (deg: number, r = R): [number, number] => [
  r * Math.cos((deg * Math.PI) / 180),
  r * Math.sin((deg * Math.PI) / 180),
];

function sector(from: number, to: number, r = R): string {
  const [x0, y0] = at(from, r);
  const [x1, y1] = at(to, r);
  return `M0 0 L${x0.toFixed(2)} ${y0.toFixed(2)} A${r} ${r} 0 ${to - from > 180 ? 1 : 0} 1 ${x1.toFixed(2)} ${y1.toFixed(2)} Z`;
}

const LEADS: Array<[string, number]> = [
  ['I', 0],
  ['II', 60],
  ['III', 120],
  ['aVF', 90],
  ['aVL', -30],
  ['aVR', -150],
];

/** The hexaxial frontal plane with the normal range and left axis deviation shaded, and the beat's axis as an arrow. */
export function AxisDial({ dial }: { dial: Dial }) {
  const [x, y] = at(dial.degrees, R - 4);
  const d = Math.round(dial.degrees);
  return (
    <figure className="axis-dial" data-testid="axis-dial" data-axis-deg={d} data-axis-category={dial.category}>
      <svg viewBox="-62 -62 124 124" role="img" aria-label={`Frontal QRS axis ${d}°, ${dial.category}`}>
        <circle r={R} className="dial-face" />
        <path d={sector(AXIS_LIMITS_DEG.normalFrom, AXIS_LIMITS_DEG.normalTo)} className="dial-normal" />
        <path d={sector(-90, AXIS_LIMITS_DEG.normalFrom)} className="dial-lad" />
        {LEADS.map(([name, deg]) => {
          const [lx, ly] = at(deg, R + 9);
          const [ex, ey] = at(deg);
          return (
            <g key={name}>
              <line x1={0} y1={0} x2={ex} y2={ey} className="dial-spoke" />
              <text x={lx} y={ly} className="dial-label" textAnchor="middle" dominantBaseline="middle">
                {name}
              </text>
            </g>
          );
        })}
        <line x1={0} y1={0} x2={x} y2={y} className="dial-arrow" markerEnd="url(#dial-head)" />
        <defs>
          <marker
            id="dial-head"
            viewBox="0 0 10 10"
            refX="7"
            refY="5"
            markerWidth="4"
            markerHeight="4"
            orient="auto-start-reverse"
          >
            <path d="M0 0 L10 5 L0 10 z" className="dial-arrowhead" />
          </marker>
        </defs>
      </svg>
      <figcaption>
        <strong>{`${d < 0 ? '−' : '+'}${Math.abs(d)}°`}</strong> {dial.category}{' '}
        <span className="muted">· {dial.label}</span>
      </figcaption>
    </figure>
  );
}
