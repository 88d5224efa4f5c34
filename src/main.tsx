import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { caseIdFromUrl, loadCase } from './app/case/loadCase';
import { openCase } from './app/case/openCase';
import { explainControllerOf } from './app/inference/startInference';
import { PwaStatus } from './app/pwa/PwaStatus';
import { connectViewUrl } from './app/share/connectViewUrl';
import { explainWhenReady } from './app/tour/autoExplain';
import { connectTour } from './app/tour/connectTour';
import { tourStore } from './app/tour/tourStore';
import { appStore } from './app/store/appStore';
import { studyParamFromUrl } from './app/study/studyUrl';
import './app/app.css';

// `?study…` is study mode (blind annotation): a page of its own that never starts the viewer's case, model or worker.
const studyMode = studyParamFromUrl(window.location.search) !== null;
const StudyApp = lazy(() => import('./app/study/StudyApp').then((m) => ({ default: m.StudyApp })));
// Loading starts outside React: the store is the source of truth, the components only read it.
if (!studyMode)
  void loadCase(appStore, caseIdFromUrl(window.location.search), { fetch: (url) => fetch(url), openCase });
// The view in the address (method, display, camera, time cursor, tour step) is applied before the first render and
// kept up to date; the tour steers the case, the explanation and the camera.
if (!studyMode) {
  connectTour(appStore, tourStore);
  connectViewUrl(appStore, tourStore, {
    location: window.location,
    history: window.history,
    addPopListener: (f) => window.addEventListener('popstate', f),
    explainWhenReady: () => void explainWhenReady(appStore, () => explainControllerOf(appStore)),
  });
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    {studyMode ? (
      <Suspense fallback={<p role="status">Opening study mode…</p>}>
        <StudyApp />
      </Suspense>
    ) : (
      <App />
    )}
    <PwaStatus />
  </StrictMode>,
);
