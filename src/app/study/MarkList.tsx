import type { Modality, Segment } from '../../core/eval/study-format';
import { useAppStoreApi } from '../store/useAppStore';
import { MODALITY_NAME } from './modalityGate';

const fmt = (ms: number) => (Number.isInteger(ms) ? String(ms) : ms.toFixed(1));

/** The open case's marks of one modality: select (highlighted on its view) and delete, by pointer or keyboard. */
export function MarkList({
  modality,
  segments,
  selectedId,
  enabled,
}: {
  modality: Modality;
  segments: readonly Segment[];
  selectedId: string | null;
  enabled: boolean;
}) {
  const appStore = useAppStoreApi();
  return (
    <div className="st-marks" aria-label={`Marks on the ${MODALITY_NAME[modality]}`}>
      {segments.length === 0 ? (
        <p className="st-muted st-small">No marks yet.</p>
      ) : (
        <ul className="st-mark-list" data-testid={`marks-${modality}`}>
          {segments.map((s) => (
            <li key={s.id} className={s.id === selectedId ? 'selected' : undefined}>
              <button
                type="button"
                className="st-mark-pick"
                aria-pressed={s.id === selectedId}
                onClick={() => appStore.getState().selectMark(s.id === selectedId ? null : s.id)}
              >
                {modality === '12-lead' ? `${s.lead} · ` : ''}
                {fmt(s.startMs)}–{fmt(s.endMs)} ms{s.point ? ' (point ±10 ms)' : ''}
              </button>
              <button
                type="button"
                className="st-btn st-icon"
                disabled={!enabled}
                aria-label={`Delete mark ${modality === '12-lead' ? `${s.lead} ` : ''}${fmt(s.startMs)}–${fmt(s.endMs)} ms`}
                onClick={() => appStore.getState().deleteMark(s.id)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
