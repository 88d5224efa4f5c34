import { SURFACES } from './heartColors';
import { SURFACE_FADED, type SurfaceOpacity } from './HeartMeshes';

const STATES: Array<{ value: number; label: string }> = [
  { value: 1, label: 'shown' },
  { value: SURFACE_FADED, label: 'faded' },
  { value: 0, label: 'hidden' },
];
const SHORT: Record<string, string> = { lv: 'LV', rv: 'RV', epicardium: 'Epi' };

const stateOf = (v: number) => STATES.reduce((a, c) => (Math.abs(c.value - v) < Math.abs(a.value - v) ? c : a));

/**
 * Per surface (LV cavity, RV cavity, epicardium): a compact button that cycles shown → faded → hidden, so the
 * trajectory inside can be read. Its accessible name says the surface, its state and what a press does.
 */
export function SurfaceControls({ value, onChange }: { value: SurfaceOpacity; onChange: (v: SurfaceOpacity) => void }) {
  return (
    <div className="heart-surfaces" role="group" aria-label="Heart surfaces">
      {SURFACES.map((s) => {
        const cur = stateOf(value[s.key] ?? 1);
        const next = STATES[(STATES.indexOf(cur) + 1) % STATES.length];
        return (
          <button
            key={s.key}
            type="button"
            className={`button surface-toggle surface-${cur.label}`}
            data-surface={s.key}
            data-state={cur.label}
            aria-label={`${s.label}: ${cur.label} (press: ${next.label})`}
            title={`${s.label}: ${cur.label}. Press to make it ${next.label}.`}
            onClick={() => onChange({ ...value, [s.key]: next.value })}
          >
            <span className="heart-swatch" style={{ background: s.color }} aria-hidden="true" />{' '}
            {SHORT[s.key] ?? s.label} {cur.label === 'shown' ? '●' : cur.label === 'faded' ? '◐' : '○'}
          </button>
        );
      })}
    </div>
  );
}
