import { BACKEND_PRIORITY, isBackendName } from '../../worker/protocol';
import type { InferenceClient } from '../../worker/client';
import { modelInputOf } from '../../core/model/model-input';
import { toAppError } from '../errors/appError';
import type { AppStore } from '../store/appStore';

export interface ConnectInferenceDeps {
  client: InferenceClient;
  /** Absolute URL of model.json (the worker resolves relative URLs against its own script, not the page). */
  modelUrl: string;
  /** A backend asked for (e.g. `?backend=wasm`), or null for the first that works by priority. */
  backend: string | null;
  /** Absolute URL of the CineECG twin model's model.json, loaded after the main model; none: no twin. */
  twinUrl?: string;
}

/** The key the twin model has in the worker. */
export const TWIN_KEY = 'cine3';

/**
 * check → load (→ warm-up → ready) in the worker, then predict every case window that becomes ready.
 * The model loads while the case does; whichever finishes last triggers the prediction.
 * Returns a function that stops listening (the worker itself is the caller's).
 */
export function connectInference(store: AppStore, deps: ConnectInferenceDeps): () => void {
  const { client } = deps;
  const failed = (e: unknown) => store.getState().inferenceFailed(toAppError(e));

  if (deps.backend !== null && !isBackendName(deps.backend)) {
    const message = `unknown backend "${deps.backend}"; expected one of ${BACKEND_PRIORITY.join(', ')}`;
    store.getState().inferenceFailed({ code: 'backend-unavailable', message });
    return () => {};
  }
  const backend = deps.backend ?? undefined;

  store.getState().modelLoadStarted();
  void (async () => {
    store.getState().backendsChecked(await client.check());
    const ready = await client.load(deps.modelUrl, {
      backend,
      onProgress: (p) => store.getState().modelLoadProgress(p),
    });
    const { type: _t, id: _id, ...loaded } = ready;
    store.getState().modelLoaded(loaded);
    if (deps.twinUrl) {
      // The twin is optional: if it cannot load, the 12-lead model and its explanations still work.
      store.getState().twinLoading();
      client.loadExtra(TWIN_KEY, deps.twinUrl).then(
        (r) => store.getState().twinLoaded(r.model),
        (e: unknown) => store.getState().twinFailed(toAppError(e)),
      );
    }
  })().catch(failed);

  let twinPredictedFor: unknown = null;
  const maybePredictTwin = () => {
    const s = store.getState();
    if (
      s.twin.status !== 'ready' ||
      !s.twin.model ||
      s.caseStatus !== 'ready' ||
      !s.prepared ||
      s.prepared === twinPredictedFor
    )
      return;
    const { prepared, caseRequest } = s;
    twinPredictedFor = prepared;
    const C = s.twin.model.channels;
    let input: Float32Array;
    try {
      input = modelInputOf(prepared, C);
    } catch (e) {
      return store.getState().twinFailed(toAppError(e));
    }
    client
      .predict(input, input.length / C, C, TWIN_KEY)
      .then(({ pAbnormal, logits, label, backend: used, ms }) =>
        store.getState().twinPredicted({ pAbnormal, logits, label, backend: used, ms, caseRequest }),
      )
      .catch((e: unknown) => store.getState().twinFailed(toAppError(e)));
  };

  let predictedFor: unknown = null;
  const maybePredict = () => {
    const s = store.getState();
    if (s.inferenceStatus !== 'ready' || s.caseStatus !== 'ready' || !s.prepared || s.prepared === predictedFor) return;
    const { prepared, caseRequest } = s;
    predictedFor = prepared;
    const T = prepared.windowSamples;
    client
      .predict(prepared.window, T, prepared.window.length / T)
      .then(({ pAbnormal, logits, label, backend: used, ms }) =>
        store.getState().predictionDone({ pAbnormal, logits, label, backend: used, ms, caseRequest }),
      )
      .catch(failed);
  };
  const unsubscribe = store.subscribe(() => {
    maybePredict();
    maybePredictTwin();
  });
  maybePredict();
  return unsubscribe;
}
