import { SURFACES } from './heartColors';
import { SURFACE_FADED, type SurfaceOpacity } from './HeartMeshes';

const CHOICES: Array<{ value: number; label: string }> = [
  { value: 1, label: 'shown' },
  { value: SURFACE_FADED, label: 'faded' },
  { value: 0, label: 'hidden' },
];

/** Per surface (epicardium, LV, RV cavity): shown, faded or hidden, so the trajectory inside can be read. */
export function SurfaceControls({ value, onChange }: { value: SurfaceOpacity; onChange: (v: SurfaceOpacity) => void }) {
  return (
    <fieldset className="heart-surfaces">
      <legend className="visually-hidden">Heart surfaces</legend>
      {SURFACES.map((s) => (
        <label key={s.key}>
          <span className="heart-swatch" style={{ background: s.color }} aria-hidden="true" /> {s.label}{' '}
          <select aria-label={`${s.label} surface`} value={String(nearest(value[s.key] ?? 1))} onChange={(e) => onChange({ ...value, [s.key]: Number(e.target.value) })}>
            {CHOICES.map((c) => (
              <option key={c.label} value={String(c.value)}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
      ))}
    </fieldset>
  );
}

const nearest = (v: number) => CHOICES.reduce((a, c) => (Math.abs(c.value - v) < Math.abs(a.value - v) ? c : a)).value;
