import { findTour } from '../../core/tour/tours';
import type { CaseNavigation } from '../case/caseNavigation';
import type { ExplainController } from '../explain/connectExplain';
import type { CameraChannelStore } from '../share/cameraChannel';
import type { AppStore } from '../store/appStore';
import { explainWhenReady } from './autoExplain';
import type { TourStore } from './tourStore';

/**
 * Steers the app from the tour: the tour's case is opened (a new history entry, like any case change), a step that
 * needs the model's explanation gets it (the chosen method, the primary 12-lead model), and each step's camera preset is asked
 * for — except on a step restored from a link, whose camera is the link's.
 */
export function connectTour(
  store: AppStore,
  tour: TourStore,
  deps: { navigation: CaseNavigation; explain: ExplainController | null; camera: CameraChannelStore },
): () => void {
  let cancelExplain: (() => void) | null = null;
  let caseCheckPending = false;

  const ensureCase = () => {
    const t = findTour(tour.getState().tourId ?? '');
    const s = store.getState();
    if (!t) return;
    // The default case (no ?case=) resolves its id only once the manifest is read: check again when it is ready.
    if (s.caseId === null && s.localFiles === null && s.caseStatus !== 'ready' && s.caseStatus !== 'error')
      return void (caseCheckPending = true);
    caseCheckPending = false;
    if (s.caseId !== t.caseId || s.localFiles !== null) void deps.navigation.openDemo(t.caseId);
  };

  const enterStep = () => {
    const { tourId, step: index, restored } = tour.getState();
    cancelExplain?.();
    cancelExplain = null;
    const t = findTour(tourId ?? '');
    if (!t) return;
    ensureCase();
    const step = t.steps[index];
    if (step.needsExplanation) {
      // The tour's statements read the primary (12-lead) model's explanation.
      if (store.getState().explainSource !== null) store.getState().setExplainSource(null);
      cancelExplain = explainWhenReady(store, () => deps.explain);
    }
    if (!restored && step.view.camera) deps.camera.getState().ask(step.view.camera);
  };

  const unTour = tour.subscribe((s, prev) => {
    if (s.tourId !== prev.tourId || s.step !== prev.step) enterStep();
  });
  const unCase = store.subscribe((s, prev) => {
    if (caseCheckPending && s.caseStatus === 'ready' && prev.caseStatus !== 'ready') ensureCase();
  });
  if (tour.getState().tourId) enterStep();
  return () => {
    unTour();
    unCase();
    cancelExplain?.();
  };
}
