import { useEffect, useMemo } from 'react';
import { renderStep } from '../../core/tour/templates';
import { findTour } from '../../core/tour/tours';
import { ErrorPanel } from '../errors/ErrorPanel';
import { useAppStoreApi } from '../store/useAppStore';
import { AxisDial } from './AxisDial';
import { setFullscreen3dMode as setFullscreen3d } from './fullscreen';
import { FrontalPaths } from './FrontalPaths';
import { TOUR_KEYS } from './tourKeys';
import { useTour, useTourStoreApi } from './useTour';
import { useContrastFacts, useTourCaseFacts } from './useTourFacts';

/**
 * The teaching tour's band above the workspace: the step's computed statements, the axis dial or the frontal sketch,
 * previous / next, presenter mode and full-screen 3D. It also puts the step's highlight on the grid and its time
 * cursor on the views (once the facts are computed, and not over a view restored from a link).
 */
export default function TourBand() {
  const tourStore = useTourStoreApi();
  const appStore = useAppStoreApi();
  const { tourId, step: index, presenter, fullscreen3d, restored } = useTour((s) => s);
  const tour = tourId ? findTour(tourId) : null;
  const step = tour?.steps[index] ?? null;
  const facts = useTourCaseFacts(tour);
  const contrast = useContrastFacts(tour?.contrastCaseId, step?.template === 'contrast');
  const rendered = useMemo(
    () => (step && facts.status === 'ready' ? renderStep(step, facts.facts, contrast) : null),
    [step, facts, contrast],
  );

  useEffect(() => {
    tourStore.getState().setHighlight(rendered?.highlight ?? null);
  }, [rendered]);
  const cursorMs = rendered?.cursorMs ?? null;
  useEffect(() => {
    if (cursorMs !== null && !tourStore.getState().restored) appStore.getState().setCursorMs(cursorMs);
  }, [cursorMs, tourId, index]);
  useEffect(() => {
    document.documentElement.classList.toggle('presenter', presenter);
    document.documentElement.classList.toggle('fullscreen-3d', fullscreen3d);
  }, [presenter, fullscreen3d]);
  useEffect(
    () => () => {
      document.documentElement.classList.remove('presenter', 'fullscreen-3d');
      tourStore.getState().setHighlight(null);
    },
    [],
  );

  if (!tour || !step) return null;
  const n = tour.steps.length;
  const t = tourStore.getState();
  return (
    <section
      className="tour-band"
      aria-labelledby="tour-title"
      data-testid="tour-band"
      data-tour={tour.id}
      data-step={index + 1}
      data-steps={n}
      data-restored={restored || undefined}
    >
      <div className="tour-head">
        <h2 id="tour-title" className="tour-title">
          {tour.title} {tour.skeleton && <span className="chip">skeleton</span>}
        </h2>
        <p className="tour-progress" aria-live="polite">
          Step {index + 1} of {n}: <strong data-testid="tour-step-title">{step.title}</strong>
        </p>
        <div className="tour-actions">
          <button
            type="button"
            className="button"
            onClick={t.previous}
            disabled={index === 0}
            aria-keyshortcuts="ArrowLeft PageUp"
          >
            ← Previous
          </button>
          <button
            type="button"
            className="button primary"
            onClick={t.next}
            disabled={index === n - 1}
            aria-keyshortcuts="ArrowRight PageDown"
          >
            Next →
          </button>
          <button
            type="button"
            className="button"
            aria-pressed={presenter}
            onClick={() => t.setPresenter(!presenter)}
            aria-keyshortcuts="P"
          >
            Presenter
          </button>
          <button
            type="button"
            className="button"
            aria-pressed={fullscreen3d}
            onClick={() => setFullscreen3d(tourStore, !fullscreen3d)}
            aria-keyshortcuts="F"
          >
            Full-screen 3D
          </button>
          <button
            type="button"
            className="button"
            onClick={t.stop}
            aria-label="Leave the tour"
            aria-keyshortcuts="Escape"
          >
            ✕
          </button>
        </div>
      </div>
      <div className="tour-body">
        <div
          className="tour-statements"
          data-testid="tour-statement"
          data-waiting={rendered?.waitingFor ?? (facts.status === 'waiting' ? 'case' : undefined)}
        >
          {facts.status === 'error' && (
            <ErrorPanel error={facts.error} title="The tour's statements could not be computed" />
          )}
          {facts.status === 'waiting' && <p>{facts.why}</p>}
          {rendered?.text.map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </div>
        {rendered && rendered.dials.length > 0 && (
          <div className="tour-figures">
            {rendered.dials.map((d) => (
              <AxisDial key={d.caseId} dial={d} />
            ))}
          </div>
        )}
        {rendered && rendered.paths.length > 0 && <FrontalPaths paths={rendered.paths} />}
      </div>
      <p className="tour-keys muted">
        {TOUR_KEYS.filter((k) => k.keys !== 'T')
          .map((k) => `${k.keys}: ${k.does.split(' (')[0]}`)
          .join(' · ')}
      </p>
    </section>
  );
}
