import { ShareBar } from '../share/ShareBar';
import { useEffect, useRef, useState } from 'react';
import { EXPLAIN_METHODS, METHOD_LABELS } from '../../core/xai/catalogue';
import { RadioGroup } from '../controls/RadioGroup';
import { useServices } from '../services/AppServices';
import { selectExplainSource, selectExplanation } from '../store/explainSlice';
import { selectPrediction } from '../store/inferenceSlice';
import { useAppStore, useAppStoreApi } from '../store/useAppStore';
import { describeDuration } from './estimate';
import { ExplainDetails } from './ExplainDetails';
import { ExplainStatus } from './ExplainStatus';
import { PrintSettings } from './PrintSettings';
import { PanelBoundary } from '../faults/PanelBoundary';
import { useExplainEstimate } from './useExplainEstimate';

/** Short method names for the compact bar; the full name is the button's title and the live region's text. */
const SHORT: Record<(typeof EXPLAIN_METHODS)[number], string> = {
  ig: 'IG',
  gradshap: 'Gradient SHAP',
  kernelshap: 'Kernel SHAP',
  lime: 'LIME',
};

/**
 * The explanation controls as one compact bar above the views: method, Explain (with how long it should take on this
 * backend, before it starts), the live status, and a drawer with everything else (model explained, parameters,
 * backend, display, the attribution map, timings). The result appears in place, on the grid, beat panel and heart.
 */
export function ExplainPanel() {
  const appStore = useAppStoreApi();
  const method = useAppStore((s) => s.explainMethod);
  const status = useAppStore((s) => s.explainStatus);
  const job = useAppStore((s) => s.explainJob);
  const loaded = useAppStore((s) => s.loadedModel);
  const prediction = useAppStore(selectPrediction);
  // The model chosen in the drawer must be loaded (a companion loads after the primary, or may have failed).
  const sourceReady = useAppStore((s) => s.models[selectExplainSource(s) ?? '']?.status === 'ready');
  const explanation = useAppStore(selectExplanation);
  const estimate = useExplainEstimate();
  const [open, setOpen] = useState(false);
  const detailsButton = useRef<HTMLButtonElement>(null);
  // The open drawer covers the 3D view: Esc closes it and gives focus back to its button. Caught before the Esc
  // shortcut (cancel a run) and the tour's Esc see the key, so one press does one thing.
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      e.stopPropagation();
      e.preventDefault();
      setOpen(false);
      detailsButton.current?.focus();
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [open]);
  const controller = useServices().explain;
  const canRun = !!controller && !!prediction && !job && sourceReady;
  const running = !!job;
  // An error would hide in a closed drawer: open it.
  useEffect(() => void (status === 'error' && setOpen(true)), [status]);

  return (
    <section
      className="explain-panel"
      aria-labelledby="explain-title"
      data-testid="explain"
      data-explain-status={status}
      data-refining={explanation?.refining ? 'true' : undefined}
      data-estimate-ms={estimate ? Math.round(estimate.ms) : undefined}
      {...(explanation && {
        'data-explain-ms': String(explanation.ms),
        'data-explain-backend': explanation.backend,
        'data-explain-method': explanation.method,
      })}
    >
      <div className="explain-bar">
        <h2 id="explain-title" className="panel-title explain-title">
          Why?
        </h2>
        <RadioGroup
          label="Attribution method"
          value={method}
          disabled={running}
          options={EXPLAIN_METHODS.map((m) => ({
            value: m,
            label: SHORT[m],
            title: METHOD_LABELS[m],
            ariaLabel: METHOD_LABELS[m],
          }))}
          onChange={(m) => appStore.getState().setExplainMethod(m)}
        />
        {running ? (
          <button type="button" className="button" onClick={() => controller?.cancel()}>
            Cancel
          </button>
        ) : (
          <button
            type="button"
            className="button primary"
            disabled={!canRun}
            onClick={() => controller?.run()}
            title={`Explain with ${METHOD_LABELS[method]} (key E)`}
          >
            Explain with {METHOD_LABELS[method]}
          </button>
        )}
        {!running && estimate && (
          <span
            className="muted explain-estimate"
            data-testid="explain-estimate"
            title={
              estimate.basis === 'previous-run'
                ? 'From the speed of the last run on this backend'
                : 'From a short IG run timed when the model loaded: on the high side (a short run spreads the engine’s fixed costs over little work, and the page is still starting then); the first run here replaces it'
            }
          >
            {describeDuration(estimate.ms)} on {loaded?.backend}
          </span>
        )}
        {!prediction && <span className="muted">Waiting for the model’s prediction…</span>}
        <ExplainStatus />
        <PrintSettings />
        <ShareBar />
        <button
          ref={detailsButton}
          type="button"
          className="button explain-more"
          aria-keyshortcuts={open ? 'Escape' : undefined}
          aria-expanded={open}
          aria-controls="explain-drawer"
          onClick={() => setOpen(!open)}
        >
          {open ? 'Hide details' : 'Details'}
        </button>
      </div>
      <div id="explain-drawer" className="explain-drawer" hidden={!open} data-testid="explain-drawer">
        <PanelBoundary panel="drawer" label="The details drawer">
          <ExplainDetails running={running} open={open} />
        </PanelBoundary>
      </div>
    </section>
  );
}
