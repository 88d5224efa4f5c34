import type { AppState, AppStore } from '../store/appStore';
import { selectExplanation } from '../store/explainSlice';
import type { TourStore } from '../tour/tourStore';
import { type CameraChannelStore, decodeCamera, encodeCamera } from './cameraChannel';
import { parseViewParams, urlWithView, type ViewParams } from './viewUrl';

/** The view parameters of the current screen (defaults left out). */
export function viewParamsOf(s: AppState, tour: ReturnType<TourStore['getState']>, cam: string | null): ViewParams {
  const p: ViewParams = {};
  if (s.explainMethod !== 'ig') p.method = s.explainMethod;
  if (s.explainSource !== null && s.explainSource !== s.appModels?.primary.id) p.model = s.explainSource;
  if (s.attributionDisplay !== 'signed') p.pp = s.attributionDisplay;
  if (s.mapStyle !== 'heat') p.map = s.mapStyle;
  if (s.threshold !== 0.5) p.thr = s.threshold;
  if (s.paperLayout !== '12x1') p.layout = s.paperLayout;
  if (s.mmPerS !== 25) p.speed = s.mmPerS;
  if (s.mmPerMv !== 10) p.gain = s.mmPerMv;
  if (s.trace !== 'filtered') p.trace = s.trace;
  if (!s.showOverlay) p.overlay = false;
  if (cam) p.cam = cam; // "" = the view's own default
  if (s.cursorMs !== null) p.t = s.cursorMs;
  const e = selectExplanation(s);
  if ((e && !e.refining) || (s.explainJob && s.explainJob.caseRequest === s.caseRequest)) p.explained = true;
  if (tour.tourId) {
    p.tour = tour.tourId;
    p.step = tour.step;
    if (tour.presenter) p.presenter = true;
  }
  return p;
}

/** Puts parsed parameters into the stores. Returns whether the view asks for an explanation on opening. */
export function applyViewParams(
  p: ViewParams,
  store: AppStore,
  tour: TourStore,
  camera: CameraChannelStore,
): { explain: boolean } {
  const s = store.getState();
  // Absent = the default (the writer leaves defaults out), so back/forward to a plain entry resets them.
  if (!s.explainJob) s.setExplainMethod(p.method ?? 'ig');
  s.setExplainSource(p.model ?? null);
  s.setAttributionDisplay(p.pp ?? 'signed');
  s.setMapStyle(p.map ?? 'heat');
  s.setThreshold(p.thr ?? 0.5);
  s.setPaperLayout(p.layout ?? '12x1');
  s.setMmPerS(p.speed ?? 25);
  s.setMmPerMv(p.gain ?? 10);
  s.setTrace(p.trace ?? 'filtered');
  s.setShowOverlay(p.overlay ?? true);
  s.setCursorMs(p.t ?? null);
  const cam = decodeCamera(p.cam ?? null);
  if (cam) camera.getState().ask(cam.preset, cam.pose);
  if (p.tour && tour.getState().start(p.tour, p.step ?? 0, { restored: true }))
    tour.getState().setPresenter(!!p.presenter);
  else if (!p.tour && tour.getState().tourId) tour.getState().stop();
  return { explain: !!p.explained };
}

export interface ViewUrlEnv {
  /** The 3D view's camera channel (AppServices.camera): a link's camera is asked of it, its pose is written back. */
  camera: CameraChannelStore;
  location: { readonly href: string; readonly search: string };
  history: { readonly state: unknown; replaceState(data: unknown, unused: string, url: string): void };
  addPopListener(listener: () => void): void;
  /** Asks for the chosen method's explanation once the case and model are ready. */
  explainWhenReady(): void;
  /** How long the address waits after the last change (small view changes are many: cursor, camera). */
  debounceMs?: number;
}

/**
 * Opening: the address's view is applied before the first render. Then every view change rewrites the address with
 * replaceState (debounced; a case change is a new history entry, written by case navigation with pushState), and
 * back/forward re-apply the view of the entry they land on.
 */
export function connectViewUrl(store: AppStore, tour: TourStore, env: ViewUrlEnv): () => void {
  const apply = () => {
    if (applyViewParams(parseViewParams(env.location.search).params, store, tour, env.camera).explain)
      env.explainWhenReady();
  };
  apply();
  let timer: ReturnType<typeof setTimeout> | null = null;
  const write = () => {
    timer = null;
    const s = store.getState();
    // Mid-load (a case opening, back/forward) the old view must not overwrite the address's.
    if (s.caseStatus === 'loading' || s.playing) return;
    // Until the 3D view has reported its camera (it loads on its own chunk), the address's camera stands.
    const cam = encodeCamera(env.camera.getState().current) ?? parseViewParams(env.location.search).params.cam ?? null;
    const next = urlWithView(env.location.href, viewParamsOf(s, tour.getState(), cam));
    if (next !== env.location.href) env.history.replaceState(env.history.state, '', next);
  };
  const schedule = () => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(write, env.debounceMs ?? 300);
  };
  const unsubs = [store.subscribe(schedule), tour.subscribe(schedule), env.camera.subscribe(schedule)];
  env.addPopListener(() => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    // After case navigation's own popstate handler has started the entry's case (so the old case's views do not
    // take the entry's camera).
    setTimeout(apply, 0);
  });
  return () => unsubs.forEach((u) => u());
}
