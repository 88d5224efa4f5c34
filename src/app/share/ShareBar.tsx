import { useRef, useState } from 'react';
import { TOURS } from '../../core/tour/tours';
import { selectExplanation } from '../store/explainSlice';
import { useAppStore, useAppStoreApi } from '../store/useAppStore';
import { useTour, useTourStoreApi } from '../tour/useTour';
import { type ExportKind, exportView } from './exportFigures';

const EXPORTS: Array<{ kind: ExportKind; label: string; needs?: 'explanation' }> = [
  { kind: 'grid-png', label: 'Grid with attributions (PNG)' },
  { kind: 'heart-png', label: '3D view (PNG)' },
  { kind: 'figure-png', label: 'Both side by side, Fig. 3 | 4 (PNG)' },
  { kind: 'json', label: 'Attributions (JSON)', needs: 'explanation' },
  { kind: 'csv', label: 'Attributions (CSV: one row per sample)', needs: 'explanation' },
];

/** Tour, link and export in the header: start a tour, copy the address of this view, save figures and data. */
export function ShareBar() {
  const tourStore = useTourStoreApi();
  const appStore = useAppStoreApi();
  const explained = useAppStore((s) => !!selectExplanation(s) && !selectExplanation(s)?.refining);
  const ready = useAppStore((s) => s.caseStatus === 'ready');
  const tourId = useTour((s) => s.tourId);
  const [note, setNote] = useState<string | null>(null);
  const menus = useRef<HTMLDivElement>(null);
  const close = () => menus.current?.querySelectorAll('details[open]').forEach((d) => d.removeAttribute('open'));

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(window.location.href);
      setNote('Link copied');
    } catch {
      setNote('Copy the address bar: it holds this view');
    }
  };
  const run = async (kind: ExportKind) => {
    close();
    try {
      setNote(`Saved ${await exportView(kind, appStore.getState())}`);
    } catch (e) {
      setNote(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <div className="share-bar" ref={menus}>
      <details className="menu" data-testid="tour-menu">
        <summary className="button" title="Guided lessons over demo cases (shortcut T)" aria-keyshortcuts="T">
          Tour
        </summary>
        <div className="menu-list">
          {TOURS.map((t) => (
            <button
              key={t.id}
              type="button"
              className="button"
              aria-pressed={tourId === t.id}
              onClick={() => (close(), tourStore.getState().start(t.id))}
            >
              {t.title}
            </button>
          ))}
        </div>
      </details>
      <details className="menu" data-testid="export-menu">
        <summary className="button" title="Copy a link to this view, or save figures and attributions">
          Share
        </summary>
        <div className="menu-list">
          <button
            type="button"
            className="button"
            onClick={() => (close(), void copy())}
            title="The address holds the case, method, display, camera, time cursor and tour step"
          >
            Copy link to this view
          </button>
          {EXPORTS.map((x) => (
            <button
              key={x.kind}
              type="button"
              className="button"
              data-export={x.kind}
              disabled={!ready || (x.needs === 'explanation' && !explained)}
              onClick={() => void run(x.kind)}
            >
              {x.label}
            </button>
          ))}
        </div>
      </details>
      {note && (
        <span className="share-note" role="note" data-testid="share-note">
          {note}
        </span>
      )}
    </div>
  );
}
