import type { InferenceClient } from '../../worker/client';
import { InferenceFailure } from '../../worker/client';
import { toAppError } from '../errors/appError';
import { modelInputNow, type ModelInput } from '../inference/modelInput';
import type { AppStore } from '../store/appStore';
import { selectExplainSource } from '../store/explainSlice';

export interface ExplainController {
  /** Explains the open case's window with the chosen method and parameters; ignored while a job runs. */
  run(): void;
  /** Stops the running job (the worker stops at its next batch). */
  cancel(): void;
  /** Stops following the store (the worker and client are the caller's). */
  dispose(): void;
}

/**
 * Runs explanations in the worker for the case on screen. A new case cancels the running job and drops the
 * old case's explanations. Progress goes to the store; so does the result, with the backend and wall time.
 */
export function connectExplain(store: AppStore, client: InferenceClient): ExplainController {
  let lastCase = store.getState().caseRequest;
  const unsubscribe = store.subscribe((s) => {
    if (s.caseRequest === lastCase) return;
    lastCase = s.caseRequest;
    const job = s.explainJob;
    if (job) void client.cancel(job.id).catch(() => {});
    s.explanationsCleared();
  });

  return {
    run() {
      const s = store.getState();
      if (s.explainJob || !s.prepared || s.caseStatus !== 'ready' || s.inferenceStatus !== 'ready') return;
      const method = s.explainMethod;
      const source = selectExplainSource(s);
      if (source === null) return;
      let input: ModelInput | null;
      try {
        input = modelInputNow(s, source);
      } catch (e) {
        return store.getState().explainRefused(toAppError(e));
      }
      if (!input) return; // that model is still loading (or failed: its radio says why)
      const job = client.explain(
        method,
        input.x,
        input.T,
        input.C,
        s.explainParams[method],
        (p) => {
          store.getState().explainProgressed(job.id, p.fraction, p.phase);
          if (p.partial) store.getState().explainRefining(job.id, p.partial);
        },
        input.key,
      );
      store.getState().explainStarted({ id: job.id, method, caseRequest: s.caseRequest, source });
      job.result.then(
        ({ type: _t, id: _id, ...result }) => store.getState().explainDone(job.id, result),
        (e: unknown) => {
          const cancelled = e instanceof InferenceFailure && e.detail.code === 'cancelled';
          store.getState().explainStopped(job.id, cancelled ? { cancelled: true } : { error: toAppError(e) });
        },
      );
    },
    cancel() {
      const job = store.getState().explainJob;
      if (job) void client.cancel(job.id).catch(() => {});
    },
    dispose: unsubscribe,
  };
}
