import { BACKEND_PRIORITY, isBackendName } from '../../worker/protocol';
import type { InferenceClient } from '../../worker/client';
import type { AppModels } from '../../core/registry/app-models';
import { type ModelInput, modelInputNow } from './modelInput';
import { toAppError } from '../errors/appError';
import type { AppStore } from '../store/appStore';

export interface ConnectInferenceDeps {
  client: InferenceClient;
  /** Reads the registry (models/index.json and each meta.json): which models to load, the primary first. */
  registry: () => Promise<AppModels>;
  /** Absolute URL of a model's model.json (the worker resolves relative URLs against its own script, not the page). */
  modelUrl: (id: string) => string;
  /** A backend asked for (e.g. `?backend=wasm`), or null for the first that works by priority. */
  backend: string | null;
}

/**
 * registry → check → load the primary model (→ warm-up → ready) → load each companion on the same backend; then
 * every ready model predicts every case window that becomes ready, with the input its registry entry names. The
 * models load while the case does; whichever finishes last triggers the prediction. The worker knows the primary
 * model as its default and each companion by its id. Returns a function that stops listening.
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
    const models = await deps.registry();
    store.getState().registryLoaded(models);
    store.getState().modelLoadStarted();
    store.getState().backendsChecked(await client.check());
    const ready = await client.load(deps.modelUrl(models.primary.id), {
      backend,
      onProgress: (p) => store.getState().modelLoadProgress(p),
    });
    const { type: _t, id: _id, ...loaded } = ready;
    store.getState().modelLoaded(loaded);
    // Companions are optional: if one cannot load, the primary model and its explanations still work.
    for (const meta of models.companions) {
      store.getState().slotLoading(meta.id);
      client.loadExtra(meta.id, deps.modelUrl(meta.id)).then(
        (r) => store.getState().slotLoaded(meta.id, r.model),
        (e: unknown) => store.getState().slotFailed(meta.id, toAppError(e)),
      );
    }
  })().catch(failed);

  /** The prepared case each model last predicted (a new case, or a model that became ready, predicts again). */
  const predictedFor = new Map<string, unknown>();
  const maybePredict = (id: string) => {
    const s = store.getState();
    const primary = s.appModels?.primary.id === id;
    if (!s.prepared || (primary && s.inferenceStatus !== 'ready') || predictedFor.get(id) === s.prepared) return;
    const { prepared, caseRequest } = s;
    const onError = (e: unknown) => (primary ? failed(e) : store.getState().slotFailed(id, toAppError(e)));
    let input: ModelInput | null;
    try {
      input = modelInputNow(s, id);
    } catch (e) {
      predictedFor.set(id, prepared);
      return onError(e);
    }
    if (!input) return; // the case or this model is not ready yet
    predictedFor.set(id, prepared);
    client
      .predict(input.x, input.T, input.C, input.key)
      .then(({ pAbnormal, logits, label, backend: used, ms }) =>
        store.getState().predictionDone(id, { pAbnormal, logits, label, backend: used, ms, caseRequest }),
      )
      .catch(onError);
  };
  const predictAll = () => Object.keys(store.getState().models).forEach(maybePredict);
  const unsubscribe = store.subscribe(predictAll);
  predictAll();
  return unsubscribe;
}
