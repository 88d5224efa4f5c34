import type { RenderedStep } from '../../core/tour/templates';

const COLORS = ['#c2410c', '#1d4ed8'];

/**
 * The QRS part of each case's trajectory projected on the frontal plane, as seen from the front (the patient's left
 * on the viewer's right, superior up), each from its QRS onset at the centre, on one scale.
 */
export function FrontalPaths({ paths }: { paths: RenderedStep['paths'] }) {
  // Each path from its own start (the QRS onset at the centre), so the shapes compare, not the starting points.
  const rel = paths.map((p) => p.points.map(([x, z]): [number, number] => [x - p.points[0][0], z - p.points[0][1]]));
  const all = rel.flat();
  if (all.length === 0) return null;
  const r = Math.max(10, ...all.map(([x, z]) => Math.max(Math.abs(x), Math.abs(z)))) * 1.1;
  const line = (pts: Array<[number, number]>) =>
    pts.map(([x, z], i) => `${i ? 'L' : 'M'}${((x / r) * 50).toFixed(1)} ${((-z / r) * 50).toFixed(1)}`).join(' ');
  return (
    <figure className="frontal-paths" data-testid="frontal-paths">
      <svg
        viewBox="-60 -60 120 120"
        role="img"
        aria-label={`QRS trajectories in the frontal plane: ${paths.map((p) => `${p.label}${p.move ? ` moving ${p.move.words.join(' and ')} in the interval` : ''}`).join('; ')}`}
      >
        <line x1={-55} y1={0} x2={55} y2={0} className="paths-axis" />
        <line x1={0} y1={-55} x2={0} y2={55} className="paths-axis" />
        <text x={55} y={-3} textAnchor="end" className="paths-label">
          left
        </text>
        <text x={2} y={-52} className="paths-label">
          superior
        </text>
        {paths.map((p, i) => (
          <path key={p.caseId} d={line(rel[i])} className="paths-line" style={{ stroke: COLORS[i % COLORS.length] }} />
        ))}
      </svg>
      <figcaption>
        {paths.map((p, i) => (
          <span key={p.caseId} style={{ color: COLORS[i % COLORS.length] }}>
            ● {p.label}{' '}
          </span>
        ))}
        <span className="muted">QRS, frontal plane, viewed from the front</span>
      </figcaption>
    </figure>
  );
}
