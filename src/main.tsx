import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { createCaseNavigation } from './app/case/caseNavigation';
import { caseIdFromUrl, loadCase } from './app/case/loadCase';
import { openCase } from './app/case/openCase';
import { startInference } from './app/inference/startInference';
import { PwaStatus } from './app/pwa/PwaStatus';
import { type AppServices, AppServicesProvider } from './app/services/AppServices';
import { connectViewUrl } from './app/share/connectViewUrl';
import { explainWhenReady } from './app/tour/autoExplain';
import { connectTour } from './app/tour/connectTour';
import { createTourStore } from './app/tour/tourStore';
import { createCameraChannel } from './app/share/cameraChannel';
import { createFaultNotices } from './app/faults/notices';
import { createAppStore } from './app/store/appStore';
import { studyParamFromUrl } from './app/study/studyUrl';
import './app/app.css';

// `?study…` is study mode (blind annotation): a page of its own that never starts the viewer's case, model or worker.
const studyMode = studyParamFromUrl(window.location.search) !== null;
const StudyApp = lazy(() => import('./app/study/StudyApp').then((m) => ({ default: m.StudyApp })));

/**
 * Everything stateful is made here, once, and passed down (issue 17): the stores (app and tour), the worker with its
 * controllers, case navigation. Loading starts outside React: the store is the source of truth, the components only read it.
 */
function createServices(): AppServices {
  const store = createAppStore();
  const tour = createTourStore();
  const camera = createCameraChannel();
  const notices = createFaultNotices();
  const stores = { store, tour, camera, notices };
  if (studyMode) return { ...stores, explain: null, faithfulness: null, navigation: null };
  const env = { fetch: (url: string) => fetch(url), openCase };
  const navigation = createCaseNavigation(store, { ...env, location: window.location, history: window.history });
  void loadCase(store, caseIdFromUrl(window.location.search), env);
  // The models load in their worker while the case loads.
  const page = { search: window.location.search, baseUri: document.baseURI };
  const { explain, faithfulness } = startInference(store, page, notices);
  // The view in the address (method, display, camera, time cursor, tour step) is applied before the first render and
  // kept up to date; the tour steers the case, the explanation and the camera.
  connectTour(store, tour, { navigation, explain, camera });
  connectViewUrl(store, tour, {
    camera,
    location: window.location,
    history: window.history,
    addPopListener: (f) => window.addEventListener('popstate', f),
    explainWhenReady: () => void explainWhenReady(store, () => explain),
  });
  return { ...stores, explain, faithfulness, navigation };
}

const services = createServices();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <AppServicesProvider services={services}>
      {studyMode ? (
        <Suspense fallback={<p role="status">Opening study mode…</p>}>
          <StudyApp />
        </Suspense>
      ) : (
        <App />
      )}
      <PwaStatus />
    </AppServicesProvider>
  </StrictMode>,
);
