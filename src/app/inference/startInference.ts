import { InferenceFailure, type Ready, createInferenceClient, spawnInferenceWorker } from '../../worker/client';
import { faultNotices } from '../faults/notices';
import { installFaultTestHooks, testHooksWanted } from '../faults/testHooks';
import { toAppError } from '../errors/appError';
import { type ExplainController, connectExplain } from '../explain/connectExplain';
import { connectFaithfulness, registerFaithfulness } from '../explain/connectFaithfulness';
import type { AppStore } from '../store/appStore';
import { connectInference } from './connectInference';
import { parseModelMetrics } from './modelMetrics';

/** Served by the models plugin in vite.config.ts, relative to the page like the cases. */
export const ECG12_MODEL_PATH = 'models/ecg12/model.json';
export const ECG12_METRICS_PATH = 'models/ecg12/metrics.json';
export const CINE3_MODEL_PATH = 'models/cine3/model.json';

/** `?backend=webgl` asks for one backend (tests, comparisons); absent, the worker picks by priority. */
export function backendFromUrl(search: string): string | null {
  const b = new URLSearchParams(search).get('backend');
  return b && b.trim() ? b.trim().toLowerCase() : null;
}

const started = new WeakSet<AppStore>();
const explainers = new WeakMap<AppStore, ExplainController>();

/** The explanation controller of a started store (null before startInference, or when the worker failed to start). */
export function explainControllerOf(store: AppStore): ExplainController | null {
  return explainers.get(store) ?? null;
}

/**
 * Spawns the inference worker once per store and connects it (idempotent, so React's StrictMode double
 * effects cannot start two workers). The worker lives as long as the page.
 */
export function startInference(store: AppStore, page: { search: string; baseUri: string }): void {
  if (started.has(store)) return;
  started.add(store);
  try {
    const client = createInferenceClient(spawnInferenceWorker, {
      onRestart: ({ reason }) =>
        faultNotices
          .getState()
          .add(
            'worker-restarted',
            `The background worker that runs the model stopped (${reason}) and was restarted; the model is loading again. A job that was running has to be started again.`,
          ),
      onReloaded: (r) =>
        'ready' in r
          ? reloaded(store, r.ready)
          : store.getState().inferenceFailed(toAppError(new InferenceFailure(r.error))),
    });
    connectInference(store, {
      client,
      modelUrl: new URL(ECG12_MODEL_PATH, page.baseUri).href,
      backend: backendFromUrl(page.search),
      twinUrl: new URL(CINE3_MODEL_PATH, page.baseUri).href,
    });
    explainers.set(store, connectExplain(store, client));
    registerFaithfulness(
      store,
      connectFaithfulness(store, client, {
        ecg12: new URL(ECG12_MODEL_PATH, page.baseUri).href,
        cine3: new URL(CINE3_MODEL_PATH, page.baseUri).href,
      }),
    );
    noticeFallbacks(store);
    if (testHooksWanted(page.search)) installFaultTestHooks(client);
  } catch (e) {
    store.getState().inferenceFailed({ ...toAppError(e), code: 'worker-failed' });
  }
  void loadMetrics(store, new URL(ECG12_METRICS_PATH, page.baseUri).href);
}

/** After a worker restart the model is back: the store takes the new worker's load (its backend may differ). */
function reloaded(store: AppStore, ready: Ready): void {
  const { type: _t, id: _id, ...loaded } = ready;
  store.getState().modelLoaded(loaded);
}

/** A job that finished on another backend because its own was lost: the user is told, once per run. */
function noticeFallbacks(store: AppStore): void {
  store.subscribe((s, prev) => {
    if (s.explanations === prev.explanations) return;
    for (const [key, e] of Object.entries(s.explanations)) {
      if (e?.fallback && prev.explanations[key as keyof typeof prev.explanations] !== e) {
        const { from, to, reason } = e.fallback;
        const model = store.getState().loadedModel;
        if (model && model.backend !== to) store.getState().modelLoaded({ ...model, backend: to });
        faultNotices
          .getState()
          .add(
            'backend-fallback',
            `The ${from} backend was lost during the explanation (${reason}); it was rerun on ${to}, and the model stays on ${to}.`,
          );
      }
    }
  });
}

/** Informative only: a missing or unreadable metrics.json just means no metrics line. */
async function loadMetrics(store: AppStore, url: string): Promise<void> {
  try {
    const res = await fetch(url);
    if (!res.ok) return;
    const metrics = parseModelMetrics(await res.json());
    if (metrics) store.getState().modelMetricsLoaded(metrics);
  } catch {
    // no metrics line
  }
}
