import { InferenceFailure, type Ready, createInferenceClient, spawnInferenceWorker } from '../../worker/client';
import type { FaultNoticesStore } from '../faults/notices';
import { installFaultTestHooks, testHooksWanted } from '../faults/testHooks';
import { toAppError } from '../errors/appError';
import { type ExplainController, connectExplain } from '../explain/connectExplain';
import { connectFaithfulness, type FaithfulnessController } from '../explain/connectFaithfulness';
import { type AppModels, modelFilePath, readAppModels } from '../../core/registry/app-models';
import { fetchJson } from '../../core/net/fetch-file';
import type { AppStore } from '../store/appStore';
import { connectInference } from './connectInference';
import { parseModelMetrics } from './modelMetrics';

/** `?backend=webgl` asks for one backend (tests, comparisons); absent, the worker picks by priority. */
export function backendFromUrl(search: string): string | null {
  const b = new URLSearchParams(search).get('backend');
  return b && b.trim() ? b.trim().toLowerCase() : null;
}

/** What the viewer's inference gives the UI: the controllers (null when the worker could not start). */
export interface InferenceServices {
  explain: ExplainController | null;
  faithfulness: FaithfulnessController | null;
}

/**
 * Reads the model registry, spawns the inference worker and connects it to `store`: called once, by main.tsx, which
 * passes the controllers down. The worker lives as long as the page. The models and their files are served by the
 * models plugin in vite.config.ts, relative to the page like the cases.
 */
export function startInference(
  store: AppStore,
  page: { search: string; baseUri: string },
  faultNotices: FaultNoticesStore,
): InferenceServices {
  const url = (path: string) => new URL(path, page.baseUri).href;
  let registry: Promise<AppModels> | null = null;
  const readRegistry = () => (registry ??= readAppModels((path) => fetchJson(url(path))));
  const modelUrl = (id: string) => url(modelFilePath(id));
  const services: InferenceServices = { explain: null, faithfulness: null };
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
    connectInference(store, { client, registry: readRegistry, modelUrl, backend: backendFromUrl(page.search) });
    services.explain = connectExplain(store, client);
    services.faithfulness = connectFaithfulness(store, client, modelUrl);
    noticeFallbacks(store, faultNotices);
    if (testHooksWanted(page.search)) installFaultTestHooks(client);
  } catch (e) {
    store.getState().inferenceFailed({ ...toAppError(e), code: 'worker-failed' });
  }
  readRegistry().then(
    (models) => loadMetrics(store, url(modelFilePath(models.primary.id, 'metrics.json'))),
    () => {}, // connectInference reports a broken registry
  );
  return services;
}

/** After a worker restart the model is back: the store takes the new worker's load (its backend may differ). */
function reloaded(store: AppStore, ready: Ready): void {
  const { type: _t, id: _id, ...loaded } = ready;
  store.getState().modelLoaded(loaded);
}

/** A job that finished on another backend because its own was lost: the user is told, once per run. */
function noticeFallbacks(store: AppStore, faultNotices: FaultNoticesStore): void {
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
